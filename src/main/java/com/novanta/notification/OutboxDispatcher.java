package com.novanta.notification;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executor;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox, in rounds: {@link OutboxClaims} claims a batch of due
 * messages under a lease, so several dispatchers (threads or instances) never send the
 * same message twice; {@link OutboxSender} sends them and records each outcome, retrying
 * failures with exponential back-off until a permanent rejection or the last attempt
 * marks a message failed; {@link DispatchThrottle} bounds how many workers of this
 * instance do it at once.
 */
@Component
public class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final OutboxClaims claims;

	private final OutboxSender sending;

	private final DispatchThrottle throttle;

	private final Executor executor;

	private volatile boolean stopping;

	OutboxDispatcher(MongoOperations mongo, JavaMailSenderImpl sender, MailRenderer renderer, MailProperties properties,
			Clock clock, @Qualifier("mailExecutor") Executor executor, MeterRegistry meters) {
		this.claims = new OutboxClaims(mongo, properties, clock);
		this.sending = new OutboxSender(mongo, sender, renderer, properties, clock, meters, () -> this.stopping);
		this.throttle = new DispatchThrottle(properties.dispatchThreads());
		this.executor = executor;
	}

	@Scheduled(fixedDelayString = "${lottery.mail.poll-interval:2s}",
			initialDelayString = "${lottery.mail.poll-interval:2s}")
	void poll() {
		try {
			dispatchDue();
		}
		catch (RuntimeException ex) {
			log.warn("The mail dispatcher cannot run now (is the database reachable?): {}", ex.getMessage());
		}
	}

	/**
	 * New mail is sent at once rather than at the next poll, by up to as many workers as
	 * configured.
	 */
	@EventListener
	void onWritten(OutboxMessagesWritten event) {
		if (this.throttle.hasRoom()) {
			this.executor.execute(this::dispatchDue);
		}
	}

	/**
	 * On shutdown, before the database connection closes: no new round starts, and the
	 * workers finish the messages they hold.
	 */
	@EventListener(ContextClosedEvent.class)
	void onClose() {
		this.stopping = true;
		if (this.executor instanceof ThreadPoolTaskExecutor workers) {
			workers.shutdown();
		}
	}

	/**
	 * Sends every message that is due now, in rounds, until none is left.
	 * @return how many were sent
	 */
	public int dispatchDue() {
		if (!this.throttle.tryEnter()) {
			return 0;
		}
		try {
			int sent = 0;
			while (!this.stopping) {
				List<OutboxMessage> claimed = this.claims.claimDue();
				if (claimed.isEmpty()) {
					return sent;
				}
				sent += this.sending.sendAll(claimed);
			}
			return sent;
		}
		finally {
			this.throttle.leave();
		}
	}

	/**
	 * Whether no worker of this instance is dispatching now: with nothing left pending or
	 * claimed in the outbox, nothing more will be sent until new mail is written (what a
	 * test waits for before it counts the mail, so that a late duplicate is not missed).
	 */
	public boolean isIdle() {
		return this.throttle.isIdle();
	}

}
