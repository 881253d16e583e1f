package com.novanta.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.Identity;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What admins do to accounts: find them, grant or revoke ADMIN, disable or re-enable.
 * There is always at least one admin, and no admin changes their own role or status. Role
 * changes are serialized across instances by a short lease on one lock document, so two
 * admins demoting each other at once cannot leave none.
 */
@Service
public class AccountAdministration {

	static final String LOCK = "admin-roles";

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	AccountAdministration(AccountRepository accounts, AuditLog audit, Clock clock) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
	}

	/** Accounts whose email or name contains the text, by email. */
	public List<AccountSummary> search(String text, int offset, int limit) {
		return this.accounts.search(text, offset, limit).stream().map(AccountSummary::of).toList();
	}

	public Optional<AccountSummary> find(String id) {
		return this.accounts.findById(id).map(AccountSummary::of);
	}

	public Optional<AccountSummary> findByEmail(String email) {
		return this.accounts.findByEmail(email).map(AccountSummary::of);
	}

	public List<Identity> identities(String accountId) {
		return this.accounts.identitiesOf(accountId);
	}

	public Outcome grantAdmin(CurrentAccount admin, String accountId, String clientAddress) {
		return changeRoles(admin, accountId, true, clientAddress);
	}

	public Outcome revokeAdmin(CurrentAccount admin, String accountId, String clientAddress) {
		return changeRoles(admin, accountId, false, clientAddress);
	}

	/** Disables an account: it cannot sign in, and its sessions end at once. */
	public Outcome disable(CurrentAccount admin, String accountId, String clientAddress) {
		return changeStatus(admin, accountId, AccountStatus.DISABLED, clientAddress);
	}

	public Outcome enable(CurrentAccount admin, String accountId, String clientAddress) {
		return changeStatus(admin, accountId, AccountStatus.ACTIVE, clientAddress);
	}

	private Outcome changeRoles(CurrentAccount admin, String accountId, boolean grant, String clientAddress) {
		if (admin.id().equals(accountId)) {
			return Outcome.NOT_ON_YOURSELF;
		}
		return withLock(() -> {
			Account before = this.accounts.findById(accountId).orElse(null);
			if (before == null || before.status() == AccountStatus.DELETED) {
				return Outcome.NOT_FOUND;
			}
			if (grant && before.isAdmin() || !grant && !before.isAdmin()) {
				return Outcome.UNCHANGED;
			}
			if (grant && !before.emailVerified()) {
				return Outcome.NOT_VERIFIED;
			}
			if (!grant && before.isActive() && this.accounts.findByRole(Role.ADMIN).size() <= 1) {
				return Outcome.LAST_ADMIN;
			}
			Update update = grant ? new Update().addToSet("roles", Role.ADMIN) : new Update().pull("roles", Role.ADMIN);
			Account after = this.accounts.update(accountId, update).orElseThrow();
			this.audit.record(Actors.of(admin, clientAddress),
					grant ? AuditAction.ADMIN_ROLE_GRANTED : AuditAction.ADMIN_ROLE_REVOKED, "account", accountId,
					Map.of("roles", before.roles()), Map.of("roles", after.roles()));
			return Outcome.DONE;
		});
	}

	private Outcome changeStatus(CurrentAccount admin, String accountId, AccountStatus status, String clientAddress) {
		if (admin.id().equals(accountId)) {
			return Outcome.NOT_ON_YOURSELF;
		}
		return withLock(() -> {
			Account before = this.accounts.findById(accountId).orElse(null);
			if (before == null || before.status() == AccountStatus.DELETED) {
				return Outcome.NOT_FOUND;
			}
			if (before.status() == status) {
				return Outcome.UNCHANGED;
			}
			if (status == AccountStatus.DISABLED && before.isAdmin()
					&& this.accounts.findByRole(Role.ADMIN).size() <= 1) {
				return Outcome.LAST_ADMIN;
			}
			// a new session epoch ends every session of the account on every instance
			Account after = this.accounts.update(accountId, new Update().set("status", status).inc("sessionEpoch", 1))
				.orElseThrow();
			this.audit.record(Actors.of(admin, clientAddress),
					(status == AccountStatus.DISABLED) ? AuditAction.ACCOUNT_DISABLED : AuditAction.ACCOUNT_ENABLED,
					"account", accountId, Map.of("status", before.status()), Map.of("status", after.status()));
			return Outcome.DONE;
		});
	}

	/** Runs a role or status change while holding the lock shared by every instance. */
	private Outcome withLock(Supplier<Outcome> change) {
		MongoOperations mongo = this.accounts.mongo();
		String owner = UUID.randomUUID().toString();
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Instant now = this.clock.instant();
			try {
				Lock lock = mongo.findAndModify(Query.query(Criteria.where("_id").is(LOCK).and("until").lt(now)),
						new Update().set("owner", owner).set("until", now.plus(Duration.ofSeconds(10))),
						FindAndModifyOptions.options().upsert(true).returnNew(true), Lock.class);
				if (lock != null && owner.equals(lock.owner())) {
					break;
				}
			}
			catch (DuplicateKeyException ex) {
				// held by someone else: try again
			}
			if (System.nanoTime() > deadline) {
				return Outcome.BUSY;
			}
			Thread.yield();
		}
		try {
			return change.get();
		}
		finally {
			mongo.remove(Query.query(Criteria.where("_id").is(LOCK).and("owner").is(owner)), Lock.class);
		}
	}

	/** What became of an admin's change. */
	public enum Outcome {

		DONE, UNCHANGED, NOT_FOUND, NOT_ON_YOURSELF, LAST_ADMIN, NOT_VERIFIED, BUSY;

		public String messageKey() {
			return "admin.outcome." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	@Document("locks")
	record Lock(@Id String id, String owner, Instant until) {
	}

}
