package com.novanta.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends claimed outbox messages (rendered, over SMTP) and records each one's outcome on
 * the message while its claim is held: sent, failed for good, or pending again after a
 * back-off that doubles with each attempt.
 */
final class OutboxSender {

	private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

	private final MongoOperations mongo;

	private final JavaMailSenderImpl sender;

	private final MailRenderer renderer;

	private final MailProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	/** Whether the application is shutting down: the messages not sent yet go back. */
	private final BooleanSupplier stopping;

	OutboxSender(MongoOperations mongo, JavaMailSenderImpl sender, MailRenderer renderer, MailProperties properties,
			Clock clock, MeterRegistry meters, BooleanSupplier stopping) {
		this.mongo = mongo;
		this.sender = sender;
		this.renderer = renderer;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.stopping = stopping;
	}

	/**
	 * Sends the claimed messages over one SMTP connection, recording each one's outcome
	 * as soon as the server answers, so that a crash can repeat at most the message in
	 * flight.
	 */
	int sendAll(List<OutboxMessage> messages) {
		int sent = 0;
		Transport transport;
		try {
			transport = connect();
		}
		catch (MessagingException | RuntimeException ex) {
			messages.forEach((message) -> markFailedAttempt(message, ex));
			return 0;
		}
		// what the templates need from elsewhere, read for the whole batch at once
		Map<String, Map<String, Object>> provided = this.renderer.provideAll(messages);
		try (transport) {
			for (int i = 0; i < messages.size(); i++) {
				if (this.stopping.getAsBoolean()) {
					// shutting down: the rest go back to the queue at once, unsent
					messages.subList(i, messages.size()).forEach(this::markUnsent);
					break;
				}
				OutboxMessage message = messages.get(i);
				MimeMessage mime;
				try {
					mime = build(message, provided);
				}
				catch (MessagingException | RuntimeException ex) {
					markFailed(message, ex);
					continue;
				}
				try {
					transport.sendMessage(mime, mime.getAllRecipients());
					markSent(message);
					sent++;
				}
				catch (SendFailedException ex) {
					markFailedAttempt(message, ex);
				}
				catch (MessagingException | RuntimeException ex) {
					// the connection broke: this message and the rest wait for the next
					// round
					for (OutboxMessage waiting : messages.subList(i, messages.size())) {
						markFailedAttempt(waiting, ex);
					}
					break;
				}
			}
		}
		catch (MessagingException ex) {
			log.debug("Closing the SMTP connection failed", ex);
		}
		return sent;
	}

	private Transport connect() throws MessagingException {
		String protocol = (this.sender.getProtocol() != null) ? this.sender.getProtocol() : "smtp";
		Transport transport = this.sender.getSession().getTransport(protocol);
		String username = this.sender.getUsername();
		String password = this.sender.getPassword();
		if ("".equals(username)) {
			username = null;
		}
		transport.connect(this.sender.getHost(), this.sender.getPort(), username, password);
		return transport;
	}

	private MimeMessage build(OutboxMessage message, Map<String, Map<String, Object>> provided)
			throws MessagingException {
		MailRenderer.Rendered rendered = this.renderer.render(message, provided);
		MimeMessage mime = this.sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
		helper.setFrom(this.properties.from());
		helper.setTo(message.to());
		helper.setSubject(rendered.subject());
		helper.setText(rendered.text(), rendered.html());
		for (Map.Entry<String, String> header : message.headers().entrySet()) {
			mime.setHeader(header.getKey(), header.getValue().replace("{baseUrl}", this.renderer.baseUrl()));
		}
		mime.saveChanges();
		return mime;
	}

	private void markSent(OutboxMessage message) {
		Update update = new Update().set("status", OutboxStatus.SENT)
			.set("sentAt", this.clock.instant())
			.unset("leaseOwner")
			.unset("leaseUntil")
			.unset("lastError");
		this.mongo.updateFirst(OutboxClaims.held(message), scrubSecrets(message, update), OutboxMessage.class);
		this.meters.counter("novanta.mail.sent", "category", String.valueOf(message.category())).increment();
	}

	/** Links with tokens are not kept once the message is out of the queue. */
	private static Update scrubSecrets(OutboxMessage message, Update update) {
		if (message.model() != null && message.model().get(Email.SECRETS) instanceof List<?> names) {
			for (Object name : names) {
				update.unset("model." + name);
			}
		}
		return update;
	}

	private void markFailed(OutboxMessage message, Exception failure) {
		String error = describe(failure);
		log.warn("Cannot build mail {} to {}: {}", message.id(), message.to(), error);
		this.mongo.updateFirst(OutboxClaims.held(message),
				new Update().set("status", OutboxStatus.FAILED)
					.set("lastError", error)
					.unset("leaseOwner")
					.unset("leaseUntil"),
				OutboxMessage.class);
	}

	private void markFailedAttempt(OutboxMessage message, Exception failure) {
		boolean permanent = isPermanent(failure);
		boolean exhausted = message.attempts() >= this.properties.maxAttempts();
		String error = describe(failure);
		Update update = new Update().set("lastError", error).unset("leaseOwner").unset("leaseUntil");
		this.meters
			.counter("novanta.mail.failures", "kind", permanent ? "permanent" : exhausted ? "exhausted" : "will-retry")
			.increment();
		if (permanent || exhausted) {
			update.set("status", OutboxStatus.FAILED);
			log.warn("Giving up on mail {} to {} after {} attempt(s): {}", message.id(), message.to(),
					message.attempts(), error);
		}
		else {
			update.set("status", OutboxStatus.PENDING)
				.set("nextAttemptAt", this.clock.instant().plus(this.properties.retryDelay(message.attempts())));
			log.info("Mail {} to {} failed (attempt {}), will retry: {}", message.id(), message.to(),
					message.attempts(), error);
		}
		this.mongo.updateFirst(OutboxClaims.held(message), update, OutboxMessage.class);
	}

	/** Back to the queue, unsent: this attempt does not count. */
	private void markUnsent(OutboxMessage message) {
		this.mongo.updateFirst(OutboxClaims.held(message),
				new Update().set("status", OutboxStatus.PENDING)
					.inc("attempts", -1)
					.unset("leaseOwner")
					.unset("leaseUntil"),
				OutboxMessage.class);
	}

	/**
	 * The SMTP server refused the message for good (a 5xx answer), as opposed to being
	 * unreachable.
	 */
	static boolean isPermanent(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SMTPAddressFailedException address && address.getReturnCode() >= 500) {
				return true;
			}
			if (cause instanceof SMTPSendFailedException send && send.getReturnCode() >= 500) {
				return true;
			}
			if (cause instanceof AddressException) {
				return true;
			}
			if (cause instanceof MailSendException sendException) {
				for (Exception nested : sendException.getFailedMessages().values()) {
					if (isPermanent(nested)) {
						return true;
					}
				}
			}
			if (cause instanceof SendFailedException sendFailed && sendFailed.getNextException() != null
					&& sendFailed.getNextException() != cause && isPermanent(sendFailed.getNextException())) {
				return true;
			}
		}
		return false;
	}

	private static String describe(Throwable failure) {
		Throwable root = failure;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = failure.getMessage();
		if (root != failure && root.getMessage() != null) {
			message = message + " (" + root.getMessage() + ")";
		}
		return (message != null && message.length() > 500) ? message.substring(0, 500) : message;
	}

}
