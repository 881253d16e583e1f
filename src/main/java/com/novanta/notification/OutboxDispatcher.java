package com.novanta.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;

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

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sends what is due in the outbox. Each message is claimed with an atomic status change
 * and a lease, so several dispatchers (threads or instances) never send the same message
 * twice; a message whose dispatcher died is picked up again when its lease runs out.
 * Failures are retried with exponential back-off; a permanent rejection, or the last
 * attempt, marks the message failed.
 */
@Component
public class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	private final MongoOperations mongo;

	private final JavaMailSenderImpl sender;

	private final MailRenderer renderer;

	private final MailProperties properties;

	private final Clock clock;

	private final String owner = UUID.randomUUID().toString();

	/**
	 * Workers dispatching now in this instance; each sends over its own SMTP connection.
	 */
	private final AtomicInteger workers = new AtomicInteger();

	private final Executor executor;

	private volatile boolean stopping;

	private final MeterRegistry meters;

	OutboxDispatcher(MongoOperations mongo, JavaMailSenderImpl sender, MailRenderer renderer, MailProperties properties,
			Clock clock, @Qualifier("mailExecutor") Executor executor, MeterRegistry meters) {
		this.meters = meters;
		this.executor = executor;
		this.mongo = mongo;
		this.sender = sender;
		this.renderer = renderer;
		this.properties = properties;
		this.clock = clock;
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
		if (this.workers.get() < this.properties.dispatchThreads()) {
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
		if (this.workers.incrementAndGet() > this.properties.dispatchThreads()) {
			this.workers.decrementAndGet();
			return 0;
		}
		try {
			int sent = 0;
			while (!this.stopping) {
				List<OutboxMessage> due = findDue();
				if (due.isEmpty()) {
					return sent;
				}
				List<OutboxMessage> claimed = claim(due);
				if (claimed.isEmpty()) {
					return sent;
				}
				sent += sendAll(claimed);
			}
			return sent;
		}
		finally {
			this.workers.decrementAndGet();
		}
	}

	/**
	 * Whether no worker of this instance is dispatching now: with nothing left pending or
	 * claimed in the outbox, nothing more will be sent until new mail is written (what a
	 * test waits for before it counts the mail, so that a late duplicate is not missed).
	 */
	public boolean isIdle() {
		return this.workers.get() == 0;
	}

	private List<OutboxMessage> findDue() {
		Instant now = this.clock.instant();
		Query pending = Query.query(Criteria.where("status").is(OutboxStatus.PENDING).and("nextAttemptAt").lte(now))
			.limit(this.properties.batchSize());
		List<OutboxMessage> due = this.mongo.find(pending, OutboxMessage.class);
		if (due.size() < this.properties.batchSize()) {
			Query abandoned = Query.query(Criteria.where("status").is(OutboxStatus.SENDING).and("leaseUntil").lte(now))
				.limit(this.properties.batchSize() - due.size());
			due = new ArrayList<>(due);
			due.addAll(this.mongo.find(abandoned, OutboxMessage.class));
		}
		return due;
	}

	/**
	 * Claims the candidates still claimable, in one atomic write per message (a
	 * multi-document update applies to each document atomically), marked with a token of
	 * this round.
	 */
	private List<OutboxMessage> claim(List<OutboxMessage> candidates) {
		Instant now = this.clock.instant();
		String round = this.owner + ":" + UUID.randomUUID();
		List<String> ids = candidates.stream().map(OutboxMessage::id).toList();
		Criteria claimable = new Criteria().orOperator(
				Criteria.where("status").is(OutboxStatus.PENDING).and("nextAttemptAt").lte(now),
				Criteria.where("status").is(OutboxStatus.SENDING).and("leaseUntil").lte(now));
		Update update = new Update().set("status", OutboxStatus.SENDING)
			.set("leaseOwner", round)
			.set("leaseUntil", now.plus(this.properties.lease()))
			.inc("attempts", 1);
		this.mongo.updateMulti(Query.query(Criteria.where("_id").in(ids).andOperator(claimable)), update,
				OutboxMessage.class);
		List<OutboxMessage> claimed = new ArrayList<>(this.mongo
			.find(Query.query(Criteria.where("_id").in(ids).and("leaseOwner").is(round)), OutboxMessage.class));
		claimed.sort(Comparator.comparing(OutboxMessage::createdAt).thenComparing(OutboxMessage::id));
		return claimed;
	}

	/**
	 * Sends the claimed messages over one SMTP connection, recording each one's outcome
	 * as soon as the server answers, so that a crash can repeat at most the message in
	 * flight.
	 */
	private int sendAll(List<OutboxMessage> messages) {
		int sent = 0;
		Transport transport;
		try {
			transport = connect();
		}
		catch (MessagingException | RuntimeException ex) {
			messages.forEach((message) -> markFailedAttempt(message, ex));
			return 0;
		}
		try (transport) {
			for (int i = 0; i < messages.size(); i++) {
				if (this.stopping) {
					// shutting down: the rest go back to the queue at once, unsent
					messages.subList(i, messages.size()).forEach(this::release);
					break;
				}
				OutboxMessage message = messages.get(i);
				MimeMessage mime;
				try {
					mime = build(message);
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

	private MimeMessage build(OutboxMessage message) throws MessagingException {
		MailRenderer.Rendered rendered = this.renderer.render(message);
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
		this.mongo.updateFirst(ownedBy(message), scrubSecrets(message, update), OutboxMessage.class);
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
		this.mongo.updateFirst(ownedBy(message),
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
		this.mongo.updateFirst(ownedBy(message), update, OutboxMessage.class);
	}

	private void release(OutboxMessage message) {
		this.mongo.updateFirst(ownedBy(message),
				new Update().set("status", OutboxStatus.PENDING)
					.inc("attempts", -1)
					.unset("leaseOwner")
					.unset("leaseUntil"),
				OutboxMessage.class);
	}

	private Query ownedBy(OutboxMessage message) {
		return Query.query(Criteria.where("_id").is(message.id()).and("leaseOwner").is(message.leaseOwner()));
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
