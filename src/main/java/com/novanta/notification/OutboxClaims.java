package com.novanta.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Claims the outbox messages that are due, for one dispatcher: each with an atomic status
 * change and a lease, so several dispatchers (threads or instances) never hold the same
 * message at once; a message whose dispatcher died is claimable again when its lease runs
 * out.
 */
final class OutboxClaims {

	/**
	 * How many times a dispatcher looks again when others claimed all it found; each time
	 * at least one of them claimed something, so a few are enough.
	 */
	static final int MAX_ROUNDS = 8;

	private final MongoOperations mongo;

	private final MailProperties properties;

	private final Clock clock;

	/** The dispatcher these claims are for; each round adds its own token. */
	private final String owner = UUID.randomUUID().toString();

	OutboxClaims(MongoOperations mongo, MailProperties properties, Clock clock) {
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Claims up to a batch of the messages due now: pending ones whose time has come,
	 * then abandoned ones whose lease ran out.
	 * @return the messages claimed, oldest first; empty when none is due or others took
	 * them all
	 */
	List<OutboxMessage> claimDue() {
		for (int round = 0; round < MAX_ROUNDS; round++) {
			List<OutboxMessage> due = findDue();
			if (due.isEmpty()) {
				return due;
			}
			List<OutboxMessage> claimed = claim(due);
			if (!claimed.isEmpty()) {
				return claimed;
			}
			// another dispatcher claimed every one found (they all find the oldest
			// first): those are not due any more, so look again. Stopping here left
			// one worker of four sending while the others had given up (20,000 emails
			// at 84 a second).
		}
		return List.of();
	}

	/** The query that matches a claimed message only while its claim is still held. */
	static Query held(OutboxMessage message) {
		return Query.query(Criteria.where("_id").is(message.id()).and("leaseOwner").is(message.leaseOwner()));
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

}
