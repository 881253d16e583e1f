package com.novanta.notification;

import java.time.Instant;
import java.util.List;

/**
 * A message caught by the embedded SMTP server.
 *
 * @param id its position in the mailbox
 * @param from the sender
 * @param to the recipients
 * @param subject the subject
 * @param sent when it was sent, if the message says
 * @param text the plain-text part, if any
 * @param html the HTML part, if any
 * @param headers every header line
 */
public record CaughtMail(int id, String from, String to, String subject, Instant sent, String text, String html,
		List<String> headers) {

	public boolean hasHtml() {
		return this.html != null;
	}

	public boolean hasText() {
		return this.text != null;
	}

	/** The headers, one per line. */
	public String headerBlock() {
		return String.join("\n", this.headers);
	}

}
