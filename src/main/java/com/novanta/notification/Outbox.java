package com.novanta.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.novanta.config.DatabaseIndexes;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Every email the application sends is written here first. Writing is idempotent (the key
 * is the document id); the {@link OutboxDispatcher} sends what is due.
 */
@Service
public class Outbox {

	static final int DUPLICATE_KEY = 11000;

	private final MongoOperations mongo;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	Outbox(MongoOperations mongo, Clock clock, ApplicationEventPublisher events, DatabaseIndexes indexes,
			MeterRegistry meters) {
		this.mongo = mongo;
		this.clock = clock;
		this.events = events;
		indexes.ensure(OutboxMessage.class,
				new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
		registerGauges(meters);
	}

	/**
	 * Writes one email, unless one with the same key was written before.
	 * @return whether it was new
	 */
	public boolean enqueue(Email email) {
		try {
			this.mongo.insert(toMessage(email, this.clock.instant()));
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		this.events.publishEvent(new OutboxMessagesWritten(1));
		return true;
	}

	/**
	 * Writes many emails in one batch; those whose key is already there are left alone.
	 * @return how many were new
	 */
	public int enqueueAll(Collection<Email> emails) {
		if (emails.isEmpty()) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<OutboxMessage> messages = new ArrayList<>(emails.size());
		for (Email email : emails) {
			messages.add(toMessage(email, now));
		}
		int written;
		try {
			this.mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, OutboxMessage.class).insert(messages).execute();
			written = messages.size();
		}
		catch (BulkOperationException ex) {
			written = messages.size() - duplicates(ex.getErrors().stream().map(BulkWriteError::getCode).toList());
		}
		catch (DataIntegrityViolationException ex) {
			if (!(ex.getCause() instanceof MongoBulkWriteException bulk)) {
				throw ex;
			}
			written = messages.size()
					- duplicates(bulk.getWriteErrors().stream().map(BulkWriteError::getCode).toList());
		}
		if (written > 0) {
			this.events.publishEvent(new OutboxMessagesWritten(written));
		}
		return written;
	}

	/** How many of the errors are duplicate keys; any other error is thrown. */
	private static int duplicates(List<Integer> errorCodes) {
		for (int code : errorCodes) {
			if (code != DUPLICATE_KEY) {
				throw new IllegalStateException("Writing to the outbox failed with error " + code);
			}
		}
		return errorCodes.size();
	}

	public Optional<OutboxMessage> find(String key) {
		return Optional.ofNullable(this.mongo.findById(key, OutboxMessage.class));
	}

	/**
	 * The backlog for the metrics: counted at most every 15 seconds (a count may scan).
	 */
	private void registerGauges(MeterRegistry meters) {
		for (OutboxStatus status : new OutboxStatus[] { OutboxStatus.PENDING, OutboxStatus.FAILED }) {
			AtomicLong value = new AtomicLong();
			AtomicLong countedAt = new AtomicLong();
			Gauge.builder("novanta.mail.backlog", () -> {
				long now = System.nanoTime();
				if (now - countedAt.get() > 15_000_000_000L) {
					countedAt.set(now);
					try {
						value.set(count(status));
					}
					catch (RuntimeException ex) {
						// the database is unreachable: keep the last count
					}
				}
				return value.get();
			}).tag("status", status.name().toLowerCase(Locale.ROOT)).register(meters);
		}
	}

	/** Messages in one status, newest first. */
	public List<OutboxMessage> list(OutboxStatus status, int offset, int limit) {
		Query query = Query.query(Criteria.where("status").is(status))
			.with(Sort.by(Sort.Direction.DESC, "createdAt"))
			.skip(offset)
			.limit(limit);
		return this.mongo.find(query, OutboxMessage.class);
	}

	public long count(OutboxStatus status) {
		return this.mongo.count(Query.query(Criteria.where("status").is(status)), OutboxMessage.class);
	}

	/**
	 * Puts a failed message back in the queue, due now, with its attempts counted from
	 * zero.
	 * @return whether it was failed and is now pending again
	 */
	public boolean retry(String key) {
		OutboxMessage retried = this.mongo.findAndModify(
				Query.query(Criteria.where("_id").is(key).and("status").is(OutboxStatus.FAILED)),
				new Update().set("status", OutboxStatus.PENDING)
					.set("attempts", 0)
					.set("nextAttemptAt", this.clock.instant())
					.unset("leaseOwner")
					.unset("leaseUntil"),
				FindAndModifyOptions.options().returnNew(true), OutboxMessage.class);
		if (retried != null) {
			this.events.publishEvent(new OutboxMessagesWritten(1));
		}
		return retried != null;
	}

	private static OutboxMessage toMessage(Email email, Instant now) {
		return OutboxMessage.create(email.key(), email.to(), email.template(), email.locale(), email.timeZone(),
				email.model(), email.headers(), email.category(), now);
	}

}
