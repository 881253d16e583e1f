package com.novanta.responsibleplay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The self-exclusion and limits of deleted accounts, kept so that deleting an account and
 * signing up again with the same email (or signing in with a provider that carries it)
 * does not lift them. One document per email, keyed by the SHA-256 of the normalised
 * address, holding only the choices that still bind and when they stop binding: no
 * address, no name, no account id. An exclusion is forgotten when it ends; a limit is
 * kept until a new account with the email removes it.
 * <p>
 * Only a verified account's choices are kept: anyone can sign up with someone else's
 * address, and must not be able to exclude its owner from play for years. For the same
 * reason a new account is bound by them only once its email is verified, in the write
 * that verifies it (the account module's write, with
 * {@link ResponsiblePlay#onVerification}): before that, whoever signed up with the
 * address must not learn that its owner excluded themselves or set limits (and an
 * unverified account cannot play anyway). An account created from a provider's verified
 * email is bound from its creation ({@link #forNewAccount}).
 */
@Component
public class KeptPlayRestrictions {

	private final MongoOperations mongo;

	private final Clock clock;

	KeptPlayRestrictions(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/**
	 * Keeps what still binds of the choices of a verified account about to be deleted,
	 * before its email is freed; replaces what was kept for the email before, or forgets
	 * it if nothing binds any more. (Never called for an unverified account: see above.)
	 * @param email the account's email, normalised
	 * @param choices the account's choices
	 * @return what is kept, or empty
	 */
	public Optional<Kept> keep(String email, ResponsiblePlay choices) {
		String id = key(email);
		ResponsiblePlay binding = choices.stillBindingAt(this.clock.instant());
		if (binding.equals(ResponsiblePlay.NONE)) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(id)), Kept.class);
			return Optional.empty();
		}
		Kept kept = new Kept(id, binding, binding.bindsUntil().orElse(null));
		this.mongo.save(kept);
		return Optional.of(kept);
	}

	/**
	 * The choices a new account with this verified email starts with, or an account is
	 * bound by once it verifies this email ({@code NONE} if none).
	 * @param email the email, normalised
	 */
	public ResponsiblePlay forNewAccount(String email) {
		Kept kept = this.mongo.findById(key(email), Kept.class);
		return (kept != null) ? kept.responsiblePlay().stillBindingAt(this.clock.instant()) : ResponsiblePlay.NONE;
	}

	/**
	 * Forgets what no longer binds anyone. (A TTL index would do it on MongoDB, but not
	 * on the embedded database; {@link #forNewAccount} ignores what ended either way.)
	 */
	@Scheduled(cron = "0 41 4 * * *")
	public long forgetEnded() {
		return this.mongo.remove(Query.query(Criteria.where("forgetAfter").lte(this.clock.instant())), Kept.class)
			.getDeletedCount();
	}

	/** SHA-256 of the normalised address in UTF-8 (an address may hold any letter). */
	static String key(String email) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(email.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What is kept for one email.
	 *
	 * @param id SHA-256 of the normalised email, hex
	 * @param responsiblePlay the choices that bound when the account was deleted
	 * @param forgetAfter when they stop binding and are forgotten, or {@code null} while
	 * a limit stays
	 */
	@Document("kept_play_restrictions")
	public record Kept(@Id String id, ResponsiblePlay responsiblePlay, Instant forgetAfter) {

		/** The values the audit log keeps. */
		public Map<String, Object> describe() {
			Map<String, Object> values = this.responsiblePlay.describe();
			values.put("forgetAfter", this.forgetAfter);
			return values;
		}

	}

}
