package com.novanta.account.signup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.internal.AccountMail;
import com.novanta.account.internal.AccountPlayChoices;
import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens.Purpose;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.AdminRoles;
import com.novanta.account.internal.EmailAddresses;
import com.novanta.account.internal.RateLimiter;
import com.novanta.account.internal.TooManyRequestsException;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.responsibleplay.ResponsiblePlay;
import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Sign-up by email and password, and email verification. Signing up with an address that
 * already has an account looks exactly the same to the visitor (the owner of the address
 * gets an email instead), so the form tells nobody which addresses are registered.
 */
@Service
public class Registration {

	public static final int SIGN_UPS_PER_CLIENT_PER_HOUR = 10;

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final PasswordEncoder passwords;

	private final RateLimiter rateLimiter;

	private final AdminRoles adminRoles;

	private final AuditLog audit;

	private final AccountProperties properties;

	private final Clock clock;

	private final AccountPlayChoices playChoices;

	Registration(AccountRepository accounts, AccountTokens tokens, AccountMail mail, PasswordEncoder passwords,
			RateLimiter rateLimiter, AdminRoles adminRoles, AuditLog audit, AccountProperties properties, Clock clock,
			AccountPlayChoices playChoices) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.passwords = passwords;
		this.rateLimiter = rateLimiter;
		this.adminRoles = adminRoles;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.playChoices = playChoices;
	}

	/**
	 * Signs up a new participant, or tells the owner of an already registered address.
	 * @throws TooManyRequestsException when this client signed up too often
	 */
	void signUp(SignUpForm form, Locale locale, String clientAddress) {
		if (!this.rateLimiter.tryAcquire("sign-up", String.valueOf(clientAddress), SIGN_UPS_PER_CLIENT_PER_HOUR,
				Duration.ofHours(1))) {
			throw new TooManyRequestsException("sign-up");
		}
		String email = EmailAddresses.normalize(form.email());
		// Hash in every case, so the answer takes as long whether or not the address is
		// taken.
		String hash = this.passwords.encode(form.password());
		Optional<Account> existing = this.accounts.findByEmail(email);
		if (existing.isPresent()) {
			tellOwner(existing.get());
			return;
		}
		Instant now = this.clock.instant();
		// A deleted account's exclusion and limits bind this one only once its email is
		// verified: until then whoever signed up may not be the address's owner, and must
		// not see them.
		Account account = new Account(new ObjectId().toHexString(), email, false, hash, form.name().trim(),
				blankToNull(form.city()), AccountRepository.participant(), this.properties.timeZone(),
				locale.getLanguage(), true, AccountStatus.ACTIVE, 0, now, null, null, ResponsiblePlay.NONE, null);
		try {
			this.accounts.insert(account);
		}
		catch (DuplicateKeyException ex) {
			this.accounts.findByEmail(email).ifPresent(this::tellOwner);
			return;
		}
		this.audit.record(new Actor(account.id(), email, clientAddress), AuditAction.ACCOUNT_CREATED, "account",
				account.id(), null, Map.of("email", email, "name", account.name(), "method", "password"));
		sendVerification(account);
	}

	/**
	 * Whether a verification link still works, to show the button that uses it: opening
	 * the link changes nothing, because mail scanners open links too.
	 */
	boolean isVerificationUsable(String token) {
		return this.tokens.peek(Purpose.VERIFY_EMAIL, token).isPresent();
	}

	/**
	 * Verifies the email address of the token's account; from then on what was kept for
	 * the address from a deleted account binds it.
	 * @return the account, or empty if the link is unknown, used or expired
	 */
	Optional<Account> verify(String token, String clientAddress) {
		return this.tokens.consume(Purpose.VERIFY_EMAIL, token).flatMap((used) -> {
			Optional<Account> verified = this.playChoices.verify(used.accountId(),
					Criteria.where("status").is(AccountStatus.ACTIVE), Update::new, false, clientAddress);
			verified.ifPresent((account) -> {
				this.audit.record(Actors.of(account, clientAddress), AuditAction.EMAIL_VERIFIED, "account",
						account.id());
				this.adminRoles.applyAdminList(account, clientAddress);
			});
			// verified meanwhile (a reset link, say): the link did what it was for
			return verified.or(() -> this.accounts.findById(used.accountId())
				.filter((account) -> account.emailVerified() && account.isActive()));
		});
	}

	/**
	 * Sends a new verification link, making older ones unusable.
	 * @throws TooManyRequestsException at most one a minute and five a day
	 */
	void resendVerification(String accountId) {
		Account account = this.accounts.findById(accountId).orElseThrow();
		if (account.emailVerified()) {
			return;
		}
		if (!this.rateLimiter.tryAcquire("resend-minute", accountId, 1, Duration.ofMinutes(1))
				|| !this.rateLimiter.tryAcquire("resend-day", accountId, 5, Duration.ofDays(1))) {
			throw new TooManyRequestsException("resend verification");
		}
		this.tokens.revokeAll(Purpose.VERIFY_EMAIL, accountId);
		sendVerification(account);
	}

	private void sendVerification(Account account) {
		String token = this.tokens.issue(Purpose.VERIFY_EMAIL, account.id(), this.properties.verificationValidity(),
				null);
		this.mail.verification(account, token, AccountTokens.hash(token).substring(0, 24));
	}

	private void tellOwner(Account account) {
		if (account.status() != AccountStatus.ACTIVE) {
			return;
		}
		if (this.rateLimiter.tryAcquire("registered-again", account.id(), 3, Duration.ofHours(1))) {
			this.mail.alreadyRegistered(account, new ObjectId().toHexString());
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
