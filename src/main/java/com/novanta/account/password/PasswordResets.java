package com.novanta.account.password;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.internal.AccountMail;
import com.novanta.account.internal.AccountPlayChoices;
import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens.Purpose;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.EmailAddresses;
import com.novanta.account.internal.RateLimiter;
import com.novanta.account.internal.SignInThrottle;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
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
public class PasswordResets {

	/** Reset requests one client address may make an hour. */
	public static final int REQUESTS_PER_CLIENT_PER_HOUR = 20;

	/** Reset requests for one email address an hour. */
	public static final int REQUESTS_PER_EMAIL_PER_HOUR = 3;

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final PasswordEncoder passwords;

	private final RateLimiter rateLimiter;

	private final SignInThrottle throttle;

	private final AuditLog audit;

	private final AccountProperties properties;

	private final ResetRequestQueue queue;

	private final AccountPlayChoices playChoices;

	PasswordResets(AccountRepository accounts, AccountTokens tokens, AccountMail mail, PasswordEncoder passwords,
			RateLimiter rateLimiter, SignInThrottle throttle, AuditLog audit, AccountProperties properties,
			ResetRequestQueue queue, AccountPlayChoices playChoices) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.passwords = passwords;
		this.rateLimiter = rateLimiter;
		this.throttle = throttle;
		this.audit = audit;
		this.properties = properties;
		this.queue = queue;
		this.playChoices = playChoices;
	}

	/**
	 * Emails a reset link if the address has an active account; says nothing either way.
	 * The rate limits are checked here, before anything is queued: that is the same work
	 * for every address, so it tells nothing, and a flood of requests from one client,
	 * for however many addresses, is turned away here instead of filling the queue and
	 * crowding out real requests. The rest is queued, so the answer is sent before the
	 * address is even looked up: its timing is the same for every address.
	 */
	void request(String email, String clientAddress) {
		String normalized = EmailAddresses.normalize(email);
		if (!this.rateLimiter.tryAcquire("reset-client", String.valueOf(clientAddress), REQUESTS_PER_CLIENT_PER_HOUR,
				Duration.ofHours(1))
				|| !this.rateLimiter.tryAcquire("reset-email", normalized, REQUESTS_PER_EMAIL_PER_HOUR,
						Duration.ofHours(1))) {
			return;
		}
		this.queue.submit(() -> handle(normalized, clientAddress));
	}

	/** Looks the address up and, for an active account, issues the link and mails it. */
	private void handle(String normalized, String clientAddress) {
		this.accounts.findByEmail(normalized).filter(Account::isActive).ifPresent((account) -> {
			String token = this.tokens.issue(Purpose.RESET_PASSWORD, account.id(), this.properties.resetValidity(),
					null);
			this.mail.passwordReset(account, token, AccountTokens.hash(token).substring(0, 24));
			this.audit.record(Actor.anonymous(clientAddress), AuditAction.PASSWORD_RESET_REQUESTED, "account",
					account.id());
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
			Supplier<Update> reset = () -> new Update().set("passwordHash", hash).inc("sessionEpoch", 1);
			Criteria active = Criteria.where("status").is(AccountStatus.ACTIVE);
			// Following the link proves the address is theirs, so an unverified one
			// counts as verified too (and what was kept for it binds it from then
			// on); else only the password changes.
			Optional<Account> updated = this.playChoices.verify(used.accountId(), active, reset, false, clientAddress)
				.or(() -> this.accounts.update(used.accountId(),
						new Criteria().andOperator(active, Criteria.where("emailVerified").is(true)), reset.get()));
			updated.ifPresent((account) -> {
				this.tokens.revokeAll(Purpose.RESET_PASSWORD, account.id());
				this.throttle.unlock(account.email());
				this.audit.record(Actors.of(account, clientAddress), AuditAction.PASSWORD_RESET, "account",
						account.id());
				this.mail.passwordChanged(account, new ObjectId().toHexString());
			});
			return updated;
		});
	}

}
