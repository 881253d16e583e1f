package com.novanta.account;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import com.novanta.account.AccountTokens.Purpose;
import com.novanta.audit.AuditLog;
import com.novanta.audit.AuditLog.Actor;
import org.bson.types.ObjectId;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Forgotten passwords. Asking for a reset gets the same answer whether or not the address
 * has an account; the link works once, for an hour, and using it ends every session of
 * the account.
 */
@Service
class PasswordResets {

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final PasswordEncoder passwords;

	private final RateLimiter rateLimiter;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final AccountProperties properties;

	private final Clock clock;

	private final ResetRequestQueue queue;

	PasswordResets(AccountRepository accounts, AccountTokens tokens, AccountMail mail, PasswordEncoder passwords,
			RateLimiter rateLimiter, SignInThrottle throttle, AuditLog audit, AccountProperties properties, Clock clock,
			ResetRequestQueue queue) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.passwords = passwords;
		this.rateLimiter = rateLimiter;
		this.throttle = throttle;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.queue = queue;
	}

	/**
	 * Emails a reset link if the address has an active account; says nothing either way.
	 * The work is queued, so the answer is sent before the address is even looked up: its
	 * timing is the same for every address.
	 */
	void request(String email, String clientAddress) {
		this.queue.submit(() -> handle(email, clientAddress));
	}

	private void handle(String email, String clientAddress) {
		String normalized = EmailAddresses.normalize(email);
		if (!this.rateLimiter.tryAcquire("reset-client", String.valueOf(clientAddress), 20, Duration.ofHours(1))
				|| !this.rateLimiter.tryAcquire("reset-email", normalized, 3, Duration.ofHours(1))) {
			return;
		}
		this.accounts.findByEmail(normalized).filter(Account::isActive).ifPresent((account) -> {
			String token = this.tokens.issue(Purpose.RESET_PASSWORD, account.id(), this.properties.resetValidity(),
					null);
			this.mail.passwordReset(account, token, AccountTokens.hash(token).substring(0, 24));
			this.audit.record(Actor.anonymous(clientAddress), "PASSWORD_RESET_REQUESTED", "account", account.id());
		});
	}

	/** Whether a reset link still works, to show its form. */
	boolean isUsable(String token) {
		return this.tokens.peek(Purpose.RESET_PASSWORD, token).isPresent();
	}

	/** The email of the reset link's account, for the password rules. */
	Optional<String> emailOf(String token) {
		return this.tokens.peek(Purpose.RESET_PASSWORD, token)
			.flatMap((t) -> this.accounts.findById(t.accountId()))
			.map(Account::email);
	}

	/**
	 * Sets a new password with a reset link; ends every session of the account.
	 * @return the account, or empty if the link is unknown, used or expired
	 */
	Optional<Account> reset(String token, String newPassword, String clientAddress) {
		String hash = this.passwords.encode(newPassword);
		return this.tokens.consume(Purpose.RESET_PASSWORD, token).flatMap((used) -> {
			Update update = new Update().set("passwordHash", hash).inc("sessionEpoch", 1);
			if (this.accounts.findById(used.accountId()).filter((a) -> !a.emailVerified()).isPresent()) {
				// Following the link proves the address is theirs, so it counts as
				// verified too.
				update.set("emailVerified", true).set("verifiedAt", this.clock.instant());
			}
			Optional<Account> updated = this.accounts.update(used.accountId(),
					Criteria.where("status").is(AccountStatus.ACTIVE), update);
			updated.ifPresent((account) -> {
				this.tokens.revokeAll(Purpose.RESET_PASSWORD, account.id());
				this.throttle.unlock(account.email());
				this.audit.record(Actors.of(account, clientAddress), "PASSWORD_RESET", "account", account.id());
				this.mail.passwordChanged(account, new ObjectId().toHexString());
			});
			return updated;
		});
	}

}
