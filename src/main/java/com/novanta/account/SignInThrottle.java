package com.novanta.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing. After {@value #FAILURES_PER_EMAIL} failed sign-ins in a
 * row for one email address, that address is locked for {@link #LOCK}; after
 * {@value #FAILURES_PER_CLIENT} failures from one client address within {@link #LOCK},
 * that client is locked too. That allows at most 20 guesses an hour on one account.
 * Counters are kept by email address whether or not an account has it, so a lock says
 * nothing about whether the address is registered.
 */
@Component
class SignInThrottle {

	static final int FAILURES_PER_EMAIL = 5;

	static final int FAILURES_PER_CLIENT = 30;

	static final Duration LOCK = Duration.ofMinutes(15);

	private final MongoOperations mongo;

	private final Clock clock;

	SignInThrottle(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Until when sign-ins for this email or from this client are refused, if they are
	 * now.
	 */
	Instant lockedUntil(String email, String clientAddress) {
		Instant now = this.clock.instant();
		Instant until = null;
		for (String key : new String[] { emailKey(email), clientKey(clientAddress) }) {
			Counter counter = this.mongo.findById(key, Counter.class);
			if (counter != null && counter.lockedUntil() != null && counter.lockedUntil().isAfter(now)
					&& (until == null || counter.lockedUntil().isAfter(until))) {
				until = counter.lockedUntil();
			}
		}
		return until;
	}

	/**
	 * Counts a failed sign-in.
	 * @return whether it locked the email address or the client
	 */
	boolean recordFailure(String email, String clientAddress) {
		boolean locked = count(emailKey(email), FAILURES_PER_EMAIL);
		if (clientAddress != null) {
			locked |= count(clientKey(clientAddress), FAILURES_PER_CLIENT);
		}
		return locked;
	}

	/** A successful sign-in clears the email address's count (not the client's). */
	void recordSuccess(String email) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(emailKey(email))), Counter.class);
	}

	private boolean count(String key, int limit) {
		Instant now = this.clock.instant();
		Counter counter = this.mongo.findById(key, Counter.class);
		if (counter != null && counter.windowStart() != null && counter.windowStart().plus(LOCK).isBefore(now)
				&& (counter.lockedUntil() == null || counter.lockedUntil().isBefore(now))) {
			// a quiet quarter of an hour starts the count again
			this.mongo.remove(Query.query(Criteria.where("_id").is(key).and("windowStart").is(counter.windowStart())),
					Counter.class);
		}
		Counter updated = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(key)),
				new Update().inc("failures", 1).setOnInsert("windowStart", now),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
		if (updated != null && updated.failures() >= limit) {
			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
					new Update().set("lockedUntil", now.plus(LOCK)).set("failures", 0).set("windowStart", now),
					Counter.class);
			return true;
		}
		return false;
	}

	private static String emailKey(String email) {
		return "email:" + AccountTokens.hash(EmailAddresses.normalize(email));
	}

	private static String clientKey(String clientAddress) {
		return "client:" + ((clientAddress != null) ? clientAddress : "unknown");
	}

	@Document("sign_in_throttle")
	record Counter(@Id String id, int failures, Instant windowStart, Instant lockedUntil) {
	}

}
