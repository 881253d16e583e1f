package com.novanta.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.audit.AuditLog.Actor;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
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
 * that verifies it ({@link #verify}): before that, whoever signed up with the address
 * must not learn that its owner excluded themselves or set limits (and an unverified
 * account cannot play anyway). An account created from a provider's verified email is
 * bound from its creation ({@link #forNewAccount}, {@link #restored}).
 */
@Component
class KeptPlayRestrictions {

	/** Attempts at verifying while the account's own choices keep changing. */
	private static final int ATTEMPTS = 10;

	private final MongoOperations mongo;

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	KeptPlayRestrictions(MongoOperations mongo, AccountRepository accounts, AuditLog audit, Clock clock) {
		this.mongo = mongo;
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Keeps what still binds of the choices of an account about to be deleted, before its
	 * email is freed; replaces what was kept for the email before, or forgets it if
	 * nothing binds any more. Does nothing for an unverified account.
	 * @return what is kept, or empty
	 */
	Optional<Kept> keep(Account account) {
		if (!account.emailVerified()) {
			return Optional.empty();
		}
		String id = key(account.email());
		ResponsiblePlay binding = account.responsiblePlay().stillBindingAt(this.clock.instant());
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
	 */
	ResponsiblePlay forNewAccount(String email) {
		Kept kept = this.mongo.findById(key(email), Kept.class);
		return (kept != null) ? kept.responsiblePlay().stillBindingAt(this.clock.instant()) : ResponsiblePlay.NONE;
	}

	/**
	 * After a new account was inserted verified with {@link #forNewAccount}: applies what
	 * an account deletion kept in the meantime (the deleted account still held the email
	 * when it was read; before anyone can use the new account), and audits what it starts
	 * with.
	 * @return the account as it is now
	 */
	Account restored(Account inserted, Actor actor) {
		Account account = inserted;
		ResponsiblePlay kept = forNewAccount(inserted.email());
		if (!kept.equals(ResponsiblePlay.NONE) && !kept.equals(inserted.responsiblePlay())) {
			account = this.accounts
				.update(inserted.id(), PlayRestrictions.revisionIs(inserted.responsiblePlay().revision()),
						new Update().set("responsiblePlay", kept))
				.orElse(inserted);
		}
		if (!account.responsiblePlay().equals(ResponsiblePlay.NONE)) {
			this.audit.record(actor, AuditAction.PLAY_RESTRICTIONS_RESTORED, "account", account.id(), null,
					account.responsiblePlay().describe());
		}
		return account;
	}

	/**
	 * Marks an unverified account's email verified, in one conditional write that also
	 * binds it by what was kept for the email, combined with its own choices (the
	 * stricter wins: {@link ResponsiblePlay#strictestWith}), or instead of them when its
	 * owner takes over an account someone else set up. Nothing kept can change meanwhile:
	 * only the deletion of a verified account with this email keeps something for it, and
	 * this account holds the email. The account can: the write applies only if its
	 * choices did not change since they were read (else it is worked out again), and
	 * changed choices move to a new revision, so that a change worked out from the old
	 * ones does not apply. (A deletion that read the account unverified, and so kept
	 * nothing, does not apply either: it checks that the account is still unverified.)
	 * @param accountId the account
	 * @param precondition what else must hold for the write to apply
	 * @param also what else the write changes, made afresh for each attempt
	 * @param dropOwnChoices whether the account's own choices are dropped rather than
	 * combined (they were not its owner's)
	 * @param clientAddress the client's address, for the audit log
	 * @return the account as written, or empty if it is not (or no longer) unverified,
	 * has another email, or the precondition does not hold
	 */
	Optional<Account> verify(String accountId, Criteria precondition, Supplier<Update> also, boolean dropOwnChoices,
			String clientAddress) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<Account> read = this.accounts.findById(accountId).filter((a) -> !a.emailVerified());
			if (read.isEmpty()) {
				return Optional.empty();
			}
			Account account = read.get();
			ResponsiblePlay own = account.responsiblePlay();
			Instant now = this.clock.instant();
			ResponsiblePlay kept = forNewAccount(account.email());
			ResponsiblePlay base = dropOwnChoices ? new ResponsiblePlay(null, null, null, null, own.revision()) : own;
			ResponsiblePlay binding = base.strictestWith(kept, now);
			if (!binding.equals(own)) {
				binding = new ResponsiblePlay(binding.daily(), binding.monthly(), binding.excludedAt(),
						binding.excludedUntil(), own.revision() + 1);
			}
			Update update = also.get()
				.set("emailVerified", true)
				.set("verifiedAt", now)
				.set("responsiblePlay", binding);
			Criteria unchanged = new Criteria().andOperator(precondition, Criteria.where("emailVerified").is(false),
					Criteria.where("email").is(account.email()), PlayRestrictions.revisionIs(own.revision()));
			Optional<Account> verified = this.accounts.update(accountId, unchanged, update);
			if (verified.isPresent()) {
				if (!kept.equals(ResponsiblePlay.NONE)) {
					this.audit.record(Actors.of(verified.get(), clientAddress), AuditAction.PLAY_RESTRICTIONS_RESTORED,
							"account", accountId, own.describe(), binding.describe());
				}
				return verified;
			}
			boolean choicesChanged = this.accounts.findById(accountId)
				.map((a) -> a.responsiblePlay().revision() != own.revision())
				.orElse(false);
			if (!choicesChanged) {
				return Optional.empty();
			}
		}
		throw new IllegalStateException("Too many changes at once to the responsible play of " + accountId);
	}

	/**
	 * Forgets what no longer binds anyone. (A TTL index would do it on MongoDB, but not
	 * on the embedded database; {@link #forNewAccount} ignores what ended either way.)
	 */
	@Scheduled(cron = "0 41 4 * * *")
	long forgetEnded() {
		return this.mongo.remove(Query.query(Criteria.where("forgetAfter").lte(this.clock.instant())), Kept.class)
			.getDeletedCount();
	}

	/** SHA-256 of the normalised address in UTF-8 (an address may hold any letter). */
	static String key(String email) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256")
					.digest(EmailAddresses.normalize(email).getBytes(StandardCharsets.UTF_8)));
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
	record Kept(@Id String id, ResponsiblePlay responsiblePlay, Instant forgetAfter) {

		/** The values the audit log keeps. */
		Map<String, Object> describe() {
			Map<String, Object> values = this.responsiblePlay.describe();
			values.put("forgetAfter", this.forgetAfter);
			return values;
		}

	}

}
