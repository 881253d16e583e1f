package com.novanta.notification;

import java.time.Instant;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An email waiting to be sent, being sent, sent, or given up on. Its id is the message's
 * unique key (for a draw result: the lottery and the participant), so writing the same
 * message twice changes nothing.
 *
 * @param id the unique key
 * @param to the recipient's address
 * @param template the mail template, for example {@code account/verify}
 * @param locale the recipient's language tag
 * @param timeZone the recipient's time zone id
 * @param model the template's values: strings, numbers, booleans, instants, lists and
 * maps of those
 * @param headers extra headers, for example {@code List-Unsubscribe}
 * @param category what kind of message, for metrics and the admin area
 * @param status where it is
 * @param attempts how many times sending was tried
 * @param nextAttemptAt when to try next
 * @param leaseOwner the dispatcher sending it now
 * @param leaseUntil until when that dispatcher holds it
 * @param lastError why the last attempt failed
 * @param createdAt when it was written
 * @param sentAt when the SMTP server accepted it
 */
@Document("outbox")
public record OutboxMessage(@Id String id, String to, String template, String locale, String timeZone,
		Map<String, Object> model, Map<String, String> headers, String category, OutboxStatus status, int attempts,
		Instant nextAttemptAt, String leaseOwner, Instant leaseUntil, String lastError, Instant createdAt,
		Instant sentAt) {

	/** A new message, due now. */
	public static OutboxMessage create(String key, String to, String template, String locale, String timeZone,
			Map<String, Object> model, Map<String, String> headers, String category, Instant now) {
		return new OutboxMessage(key, to, template, locale, timeZone, model, (headers != null) ? headers : Map.of(),
				category, OutboxStatus.PENDING, 0, now, null, null, null, now, null);
	}

}
