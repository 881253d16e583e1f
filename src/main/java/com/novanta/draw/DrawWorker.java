package com.novanta.draw;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the draw pipeline within seconds of every close instant, and once at start-up so
 * that a lottery whose close passed while the application was down is drawn when it comes
 * back.
 */
@Component
class DrawWorker {

	private static final Logger log = LoggerFactory.getLogger(DrawWorker.class);

	private final DrawPipeline pipeline;

	private final AtomicBoolean running = new AtomicBoolean();

	DrawWorker(DrawPipeline pipeline) {
		this.pipeline = pipeline;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run();
	}

	@Scheduled(fixedDelayString = "${lottery.draw.poll-interval:2s}",
			initialDelayString = "${lottery.draw.poll-interval:2s}")
	void poll() {
		run();
	}

	private void run() {
		if (this.running.compareAndSet(false, true)) {
			try {
				this.pipeline.advanceDue();
			}
			catch (RuntimeException ex) {
				log.warn("The draw worker cannot run now (is the database reachable?): {}", ex.getMessage());
			}
			finally {
				this.running.set(false);
			}
		}
	}

}
