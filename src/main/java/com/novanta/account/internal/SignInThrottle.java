package com.novanta.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.novanta.config.DatabaseIndexes;
import org.springframework.dao.DuplicateKeyException;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: every check of a password (sign-in, linking a provider,
 * changing the password, deleting the account) first reserves an attempt, with one
 * conditional increment of a counter document, and only a reserved attempt is checked.
 * However many requests arrive at once, on however many instances, no more than the
 * allowed number of passwords are ever compared.
 * <ul>
 * <li>An email address allows a few attempts per window (the window starts with the first
 * attempt; a correct password starts the count again), whether or not it exists: the
 * counters say nothing about which addresses are registered.</li>
 * <li>A client address allows a number of failed attempts per window, whatever the email
 * addresses tried.</li>
 * <li>A browser where the account's owner signed in before (a {@linkplain KnownDevices
 * known device}) is counted on its own, with its own allowance per window, and is not
 * held back by the address's or the client's count: someone who locks an address by
 * guessing its password does not lock its owner out of their own devices. From a new
 * device the owner can always get in with a password reset link, which ends the
 * lock.</li>
 * </ul>
 * The numbers and the window are {@link AccountProperties.SignInLimits} (5, 30 and 5 per
 * 15 minutes unless configured otherwise).
 */
@Component
public class SignInThrottle {

	/**
	 * Rounds of reading and reserving before giving up on a counter others keep changing.
	 */
	private static final int ROUNDS = 8;

	private final MongoOperations mongo;

	private final Clock clock;

	private final AccountProperties.SignInLimits limits;

	SignInThrottle(MongoOperations mongo, Clock clock, AccountProperties properties, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		this.limits = properties.signIn();
		// a counter whose window began a day ago counts nothing any more (windows are
		// shorter): removed by a TTL index, swept on the embedded database
		indexes.ensure(Counter.class, new Index().on("windowStart", Sort.Direction.ASC).expire(Duration.ofDays(1)));
	}

	/**
	 * Reserves one password check for this email address from this client, or from a
	 * known device.
	 * @param email the email address the password is for
	 * @param clientAddress the client's address, or {@code null}
	 * @param knownDevice the id of the known device it comes from, or {@code null}
	 * @return the attempt: granted, or refused until an instant
	 */
	public Attempt reserve(String email, String clientAddress, String knownDevice) {
		List<String> keys = new ArrayList<>();
		List<Integer> allowed = new ArrayList<>();
		if (knownDevice != null) {
			keys.add(deviceKey(knownDevice));
			allowed.add(this.limits.attemptsPerDevice());
		}
		else {
			keys.add(clientKey(clientAddress));
			allowed.add(this.limits.attemptsPerClient());
			keys.add(emailKey(email));
			allowed.add(this.limits.attemptsPerEmail());
		}
		List<Slot> slots = new ArrayList<>();
		for (int i = 0; i < keys.size(); i++) {
			Slot slot = reserve(keys.get(i), allowed.get(i));
			if (slot.refusedUntil() != null) {
				slots.forEach(this::giveBack);
				return Attempt.refused(slot.refusedUntil());
			}
			slots.add(slot);
		}
		return new Attempt(slots, null);
	}

	/**
	 * The password was right: the email address's (or device's) count starts again, and
	 * the client's attempt is given back (the client counts failures only).
	 */
	public void succeeded(Attempt attempt) {
		for (Slot slot : attempt.slots()) {
			if (slot.key().startsWith(CLIENT)) {
				giveBack(slot);
			}
			else {
				this.mongo.remove(Query.query(Criteria.where("_id").is(slot.key())), Counter.class);
			}
		}
	}

	/**
	 * The password was wrong: the attempt stays counted.
	 * @return whether it was the last one allowed, so that the address (or client or
	 * device) is now locked
	 */
	public boolean failed(Attempt attempt) {
		return attempt.slots().stream().anyMatch(Slot::last);
	}

	/** The attempt was not used after all (nothing was checked): it is given back. */
	public void release(Attempt attempt) {
		attempt.slots().forEach(this::giveBack);
	}

	/**
	 * A password reset link was used: its owner proved the address is theirs, so the
	 * address's count starts again.
	 */
	public void unlock(String email) {
		this.mongo.remove(Query.query(Criteria.where("_id").is(emailKey(email))), Counter.class);
	}

	private Slot reserve(String key, int limit) {
		for (int round = 0; round < ROUNDS; round++) {
			Instant now = this.clock.instant();
			Counter counter = this.mongo.findById(key, Counter.class);
			if (counter != null && !counter.windowStart().plus(this.limits.window()).isAfter(now)) {
				// the window is over: the count starts again
				this.mongo.remove(
						Query.query(Criteria.where("_id").is(key).and("windowStart").is(counter.windowStart())),
						Counter.class);
				continue;
			}
			if (counter != null && counter.attempts() >= limit) {
				return new Slot(key, null, false, counter.windowStart().plus(this.limits.window()));
			}
			try {
				Counter reserved = this.mongo.findAndModify(
						Query.query(Criteria.where("_id").is(key).and("attempts").lt(limit)),
						new Update().inc("attempts", 1).setOnInsert("windowStart", now),
						FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
				return new Slot(key, reserved.windowStart(), reserved.attempts() >= limit, null);
			}
			catch (DuplicateKeyException ex) {
				// full (the upsert found no counter under the limit and could not make a
				// second one), or made by someone else in the meantime: look again
			}
		}
		return new Slot(key, null, false, this.clock.instant().plus(this.limits.window()));
	}

	private void giveBack(Slot slot) {
		this.mongo.updateFirst(Query.query(
				Criteria.where("_id").is(slot.key()).and("windowStart").is(slot.windowStart()).and("attempts").gt(0)),
				new Update().inc("attempts", -1), Counter.class);
	}

	private static final String EMAIL = "email:";

	private static final String CLIENT = "client:";

	private static final String DEVICE = "device:";

	private static String emailKey(String email) {
		return EMAIL + AccountTokens.hash(EmailAddresses.normalize(email));
	}

	private static String clientKey(String clientAddress) {
		return CLIENT + ((clientAddress != null) ? clientAddress : "unknown");
	}

	private static String deviceKey(String device) {
		return DEVICE + AccountTokens.hash(device);
	}

	/**
	 * A reserved password check, or a refusal.
	 *
	 * @param slots the counters it holds a place in
	 * @param refusedUntil when it was refused, until when
	 */
	public record Attempt(List<Slot> slots, Instant refusedUntil) {

		static Attempt refused(Instant until) {
			return new Attempt(List.of(), until);
		}

		public boolean granted() {
			return this.refusedUntil == null;
		}

	}

	/**
	 * A place in one counter.
	 *
	 * @param key the counter
	 * @param windowStart the window the place is in
	 * @param last whether it was the last place of the window
	 * @param refusedUntil if there was no place: until when
	 */
	record Slot(String key, Instant windowStart, boolean last, Instant refusedUntil) {
	}

	@Document("sign_in_throttle")
	record Counter(@Id String id, int attempts, Instant windowStart) {
	}

}
