package com.novanta.reminder;

import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link ReminderRun} every few minutes on every instance: its outbox keys make
 * each reminder once whichever instance writes it.
 */
@Component
class ReminderWorker {

	private static final Logger log = LoggerFactory.getLogger(ReminderWorker.class);

	private final ReminderRun run;

	private final AtomicBoolean running = new AtomicBoolean();

	ReminderWorker(ReminderRun run) {
		this.run = run;
	}

	@Scheduled(fixedDelayString = "${lottery.reminders.interval}", initialDelayString = "${lottery.reminders.interval}")
	void poll() {
		if (this.running.compareAndSet(false, true)) {
			try {
				this.run.run();
			}
			catch (RuntimeException ex) {
				log.warn("The reminders cannot be written now (is the database reachable?): {}", ex.getMessage());
			}
			finally {
				this.running.set(false);
			}
		}
	}

}
