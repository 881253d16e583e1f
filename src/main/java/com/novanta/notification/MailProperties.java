package com.novanta.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the application sends mail.
 *
 * @param from the sender shown on every email
 * @param maxAttempts how many times a message is tried before it is marked failed
 * @param firstRetryDelay the wait after the first failure; each further wait doubles
 * @param lease how long a dispatcher holds a message while sending it
 * @param batchSize how many messages a dispatcher claims in one round
 * @param pollInterval how often the dispatcher looks for due messages
 * @param dispatchThreads how many messages an instance sends at once, each over its own
 * connection
 * @param dispatchSynchronously send new mail in the thread that wrote it (tests), instead
 * of in the background
 */
@ConfigurationProperties("lottery.mail")
record MailProperties(@DefaultValue("Novanta <noreply@novanta.local>") String from, @DefaultValue("10") int maxAttempts,
		@DefaultValue("3m") Duration firstRetryDelay, @DefaultValue("2m") Duration lease,
		@DefaultValue("50") int batchSize, @DefaultValue("2s") Duration pollInterval,
		@DefaultValue("4") int dispatchThreads, @DefaultValue("false") boolean dispatchSynchronously) {

	/**
	 * The wait before attempt number {@code attempts + 1}: 3 min, 6 min, 12 min… (about a
	 * day over 10).
	 */
	Duration retryDelay(int attempts) {
		return this.firstRetryDelay.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
	}

}
