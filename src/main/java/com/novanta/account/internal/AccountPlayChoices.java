package com.novanta.account.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import com.novanta.account.Account;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.responsibleplay.KeptPlayRestrictions;
import com.novanta.responsibleplay.PlayChoices;
import com.novanta.responsibleplay.ResponsiblePlay;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Each account's responsible play choices, stored in the account itself: so that the
 * write that verifies an email also binds the account by what was kept for that email
 * from a deleted account ({@link #verify}), and a deletion keeps what binds only if the
 * choices did not change meanwhile. The rules are the responsible play module's.
 */
@Component
public class AccountPlayChoices implements PlayChoices {

	/** Attempts at verifying while the account's own choices keep changing. */
	private static final int ATTEMPTS = 10;

	private final AccountRepository accounts;

	private final KeptPlayRestrictions kept;

	private final AuditLog audit;

	private final Clock clock;

	AccountPlayChoices(AccountRepository accounts, KeptPlayRestrictions kept, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.kept = kept;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public Optional<ResponsiblePlay> find(String accountId) {
		return this.accounts.findById(accountId).map(Account::responsiblePlay);
	}

	@Override
	public Optional<ResponsiblePlay> replace(String accountId, long revision, ResponsiblePlay choices) {
		return this.accounts.update(accountId, revisionIs(revision), new Update().set("responsiblePlay", choices))
			.map(Account::responsiblePlay);
	}

	/**
	 * Keeps what still binds of the choices of an account about to be deleted
	 * ({@link KeptPlayRestrictions#keep}); nothing for an unverified account, whose
	 * choices may not be its owner's.
	 * @return what is kept, or empty
	 */
	public Optional<KeptPlayRestrictions.Kept> keep(Account account) {
		return account.emailVerified() ? this.kept.keep(account.email(), account.responsiblePlay()) : Optional.empty();
	}

	/**
	 * After a new account was inserted verified with
	 * {@link KeptPlayRestrictions#forNewAccount}: applies what an account deletion kept
	 * in the meantime (the deleted account still held the email when it was read; before
	 * anyone can use the new account), and audits what it starts with.
	 * @return the account as it is now
	 */
	public Account restored(Account inserted, Actor actor) {
		Account account = inserted;
		ResponsiblePlay kept = this.kept.forNewAccount(inserted.email());
		if (!kept.equals(ResponsiblePlay.NONE) && !kept.equals(inserted.responsiblePlay())) {
			account = this.accounts
				.update(inserted.id(), revisionIs(inserted.responsiblePlay().revision()),
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
	 * stricter wins: {@link ResponsiblePlay#onVerification}), or instead of them when its
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
	public Optional<Account> verify(String accountId, Criteria precondition, Supplier<Update> also,
			boolean dropOwnChoices, String clientAddress) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Optional<Account> read = this.accounts.findById(accountId).filter((a) -> !a.emailVerified());
			if (read.isEmpty()) {
				return Optional.empty();
			}
			Account account = read.get();
			ResponsiblePlay own = account.responsiblePlay();
			Instant now = this.clock.instant();
			ResponsiblePlay kept = this.kept.forNewAccount(account.email());
			ResponsiblePlay binding = own.onVerification(kept, now, dropOwnChoices);
			Update update = also.get()
				.set("emailVerified", true)
				.set("verifiedAt", now)
				.set("responsiblePlay", binding);
			Criteria unchanged = new Criteria().andOperator(precondition, Criteria.where("emailVerified").is(false),
					Criteria.where("email").is(account.email()), revisionIs(own.revision()));
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

	/** The account's choices are still at this revision. */
	public static Criteria revisionIs(long revision) {
		Criteria same = Criteria.where("responsiblePlay.revision").is(revision);
		// accounts made before responsible play existed have no choices stored
		return (revision != 0) ? same
				: new Criteria().orOperator(same, Criteria.where("responsiblePlay").exists(false));
	}

}
