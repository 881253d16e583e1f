package com.novanta.notification;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The mail caught by the embedded SMTP server, read for the dev mailbox page and tests.
 */
public class DevMailbox {

	private final EmbeddedMailServer server;

	DevMailbox(EmbeddedMailServer server) {
		this.server = server;
	}

	/** Every caught message, newest first. */
	public List<CaughtMail> messages() {
		List<MimeMessage> raw = this.server.messages();
		List<CaughtMail> mails = new ArrayList<>(raw.size());
		for (int i = 0; i < raw.size(); i++) {
			mails.add(read(i, raw.get(i)));
		}
		Collections.reverse(mails);
		return mails;
	}

	/** One message by its position in the mailbox (0 is the oldest). */
	public Optional<CaughtMail> message(int id) {
		List<MimeMessage> raw = this.server.messages();
		if (id < 0 || id >= raw.size()) {
			return Optional.empty();
		}
		return Optional.of(read(id, raw.get(id)));
	}

	public void clear() {
		this.server.clear();
	}

	private static CaughtMail read(int id, MimeMessage message) {
		try {
			Instant sent = (message.getSentDate() != null) ? message.getSentDate().toInstant() : null;
			Parts parts = new Parts();
			parts.collect(message);
			return new CaughtMail(id, addresses(message.getFrom()),
					addresses(message.getRecipients(Message.RecipientType.TO)), message.getSubject(), sent, parts.text,
					parts.html, headers(message));
		}
		catch (MessagingException | IOException ex) {
			return new CaughtMail(id, "", "", "(unreadable message: " + ex.getMessage() + ")", null, null, null,
					List.of());
		}
	}

	private static String addresses(Address[] addresses) {
		if (addresses == null) {
			return "";
		}
		return Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
	}

	private static List<String> headers(MimeMessage message) throws MessagingException {
		List<String> headers = new ArrayList<>();
		var all = message.getAllHeaderLines();
		while (all.hasMoreElements()) {
			headers.add(all.nextElement());
		}
		return headers;
	}

	private static final class Parts {

		private String text;

		private String html;

		void collect(Part part) throws MessagingException, IOException {
			if (part.isMimeType("text/plain") && this.text == null && !isAttachment(part)) {
				this.text = (String) part.getContent();
			}
			else if (part.isMimeType("text/html") && this.html == null && !isAttachment(part)) {
				this.html = (String) part.getContent();
			}
			else if (part.isMimeType("multipart/*")) {
				Multipart multipart = (Multipart) part.getContent();
				for (int i = 0; i < multipart.getCount(); i++) {
					BodyPart body = multipart.getBodyPart(i);
					collect(body);
				}
			}
		}

		private static boolean isAttachment(Part part) throws MessagingException {
			return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
		}

	}

}
