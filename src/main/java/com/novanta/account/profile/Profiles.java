package com.novanta.account.profile;

import java.time.Clock;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.novanta.account.Account;
import com.novanta.account.AccountDeleted;
import com.novanta.account.AccountStatus;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountMail;
import com.novanta.account.internal.AccountPlayChoices;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens.Purpose;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.Identity;
import com.novanta.account.internal.SignInThrottle;
import com.novanta.account.internal.TooManyRequestsException;
import com.novanta.account.signin.RememberMeTokens;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.responsibleplay.KeptPlayRestrictions;
import org.bson.types.ObjectId;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/** What participants change about their own account. */
@Service
public class Profiles {

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final AuditLog audit;

	private final Clock clock;

	private final SignInThrottle throttle;

	private final RememberMeTokens rememberMe;

	private final AccountPlayChoices playChoices;

	private final ApplicationEventPublisher events;

	Profiles(AccountRepository accounts, PasswordEncoder passwords, AccountTokens tokens, AccountMail mail,
			AuditLog audit, Clock clock, SignInThrottle throttle, RememberMeTokens rememberMe,
			AccountPlayChoices playChoices, ApplicationEventPublisher events) {
		this.events = events;
		this.accounts = accounts;
		this.passwords = passwords;
		this.tokens = tokens;
		this.mail = mail;
		this.audit = audit;
		this.clock = clock;
		this.throttle = throttle;
		this.rememberMe = rememberMe;
		this.playChoices = playChoices;
	}

	Account get(String accountId) {
		return this.accounts.findById(accountId).orElseThrow();
	}

	List<Identity> identities(String accountId) {
		return this.accounts.identitiesOf(accountId);
	}

	Account updateDetails(CurrentAccount me, ProfileForm form, String clientAddress) {
		Account before = get(me.id());
		String zone = ZoneId.of(form.timeZone()).getId();
		Account after = this.accounts
			.update(me.id(),
					new Update().set("name", form.name().trim())
						.set("city", (form.city() == null || form.city().isBlank()) ? null : form.city().trim())
						.set("timeZone", zone)
						.set("language", form.language()))
			.orElseThrow();
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		diff("name", before.name(), after.name(), was, is);
		diff("city", before.city(), after.city(), was, is);
		diff("timeZone", before.timeZone(), after.timeZone(), was, is);
		diff("language", before.language(), after.language(), was, is);
		if (!is.isEmpty()) {
			this.audit.record(Actors.of(me, clientAddress), AuditAction.PROFILE_UPDATED, "account", me.id(), was, is);
		}
		return after;
	}

	/**
	 * Stores every email choice of the notifications section in one atomic write to the
	 * account, and what changed in the audit log.
	 */
	Account updateNotifications(CurrentAccount me, NotificationChoices choices, String clientAddress) {
		Account before = get(me.id());
		Account after = this.accounts
			.update(me.id(),
					new Update().set("noWinEmails", choices.noWinEmails()).set("reminders", choices.reminders()))
			.orElseThrow();
		Map<String, Object> was = new LinkedHashMap<>();
		Map<String, Object> is = new LinkedHashMap<>();
		diff("noWinEmails", before.noWinEmails(), after.noWinEmails(), was, is);
		diff("closingReminders", before.reminders().describeClosing(), after.reminders().describeClosing(), was, is);
		diff("jackpotAlerts", before.reminders().describeJackpot(), after.reminders().describeJackpot(), was, is);
		if (!is.isEmpty()) {
			this.audit.record(Actors.of(me, clientAddress), AuditAction.PROFILE_UPDATED, "account", me.id(), was, is);
		}
		return after;
	}

	/**
	 * Sets whether the account receives "no win this time" emails (win emails always
	 * arrive).
	 */
	void setNoWinEmails(String accountId, boolean wanted) {
		this.accounts.update(accountId, new Update().set("noWinEmails", wanted));
	}

	/**
	 * Changes the password after checking the current one (throttled like a sign-in);
	 * ends the account's other sessions and remembered browsers.
	 * @return the account, or {@code null} if the current password is wrong
	 * @throws TooManyRequestsException when too many wrong passwords were tried
	 */
	Account changePassword(CurrentAccount me, String currentPassword, String newPassword, String clientAddress) {
		Account account = get(me.id());
		if (account.hasPassword() && !checkPassword(account, currentPassword, clientAddress)) {
			this.audit.record(Actors.of(me, clientAddress), AuditAction.PASSWORD_CHANGE_FAILED, "account", me.id());
			return null;
		}
		Account updated = this.accounts
			.update(me.id(),
					new Update().set("passwordHash", this.passwords.encode(newPassword)).inc("sessionEpoch", 1))
			.orElseThrow();
		this.tokens.revokeAll(Purpose.RESET_PASSWORD, me.id());
		this.rememberMe.forgetAll(me.id());
		this.audit.record(Actors.of(me, clientAddress),
				account.hasPassword() ? AuditAction.PASSWORD_CHANGED : AuditAction.PASSWORD_SET, "account", me.id());
		this.mail.passwordChanged(updated, new ObjectId().toHexString());
		return updated;
	}

	/**
	 * Ends every session of the account and forgets every browser it asked to be
	 * remembered on, on every instance.
	 */
	void signOutEverywhere(CurrentAccount me, String clientAddress) {
		this.accounts.update(me.id(), new Update().inc("sessionEpoch", 1));
		this.rememberMe.forgetAll(me.id());
		this.audit.record(Actors.of(me, clientAddress), AuditAction.SIGNED_OUT_EVERYWHERE, "account", me.id());
	}

	/**
	 * Checks the account's password, under the same throttle as a sign-in.
	 * @throws TooManyRequestsException when the address is locked
	 */
	private boolean checkPassword(Account account, String password, String clientAddress) {
		SignInThrottle.Attempt attempt = this.throttle.reserve(account.email(), clientAddress, null);
		if (!attempt.granted()) {
			this.audit.record(Actors.of(account, clientAddress), AuditAction.PASSWORD_CHECK_REFUSED_LOCKED, "account",
					account.id());
			throw new TooManyRequestsException("password checks");
		}
		if (this.passwords.matches(Objects.requireNonNullElse(password, ""), account.passwordHash())) {
			this.throttle.succeeded(attempt);
			return true;
		}
		this.throttle.failed(attempt);
		return false;
	}

	/**
	 * Unlinks a sign-in, unless it is the account's last way in.
	 * @return whether it was unlinked
	 */
	boolean unlink(CurrentAccount me, String provider, String clientAddress) {
		Account account = get(me.id());
		List<Identity> identities = this.accounts.identitiesOf(me.id());
		boolean linked = identities.stream().anyMatch((identity) -> identity.provider().equals(provider));
		if (!linked || (!account.hasPassword() && identities.size() <= 1)) {
			return false;
		}
		boolean removed = this.accounts.deleteIdentity(me.id(), provider);
		if (removed) {
			this.audit.record(Actors.of(me, clientAddress), AuditAction.IDENTITY_UNLINKED, "account", me.id(),
					Map.of("provider", provider), null);
		}
		return removed;
	}

	/**
	 * Deletes the account's personal data, and with {@link AccountDeleted} what other
	 * modules keep of the participant (saved lines). Ballots and winnings stay, attached
	 * to an anonymous record, because the lottery's results must not change.
	 * @return whether the confirmation was right and the account is deleted
	 */
	boolean delete(CurrentAccount me, String confirmation, String clientAddress) {
		Account account = get(me.id());
		boolean confirmed = account.hasPassword() ? checkPassword(account, confirmation, clientAddress)
				: account.email().equalsIgnoreCase(Objects.requireNonNullElse(confirmation, "").trim());
		if (!confirmed) {
			return false;
		}
		Update deletion = new Update().set("status", AccountStatus.DELETED)
			.set("email", "deleted+" + me.id() + "@invalid")
			.set("emailVerified", false)
			.unset("passwordHash")
			.set("name", "")
			.unset("city")
			.unset("reminders")
			.set("roles", AccountRepository.participant())
			.inc("sessionEpoch", 1)
			.set("deletedAt", this.clock.instant());
		// Self-exclusion and limits are kept before the email is freed: no new account
		// with it can start without them. The deletion applies only if they did not
		// change meanwhile; else they are kept again.
		Optional<KeptPlayRestrictions.Kept> kept;
		boolean deleted;
		do {
			kept = this.playChoices.keep(account);
			deleted = this.accounts.update(me.id(), unchangedSince(account), deletion).isPresent();
			account = get(me.id());
		}
		while (!deleted && account.status() != AccountStatus.DELETED);
		this.accounts.deleteIdentities(me.id());
		this.rememberMe.forgetAll(me.id());
		this.tokens.revokeAll(Purpose.VERIFY_EMAIL, me.id());
		this.tokens.revokeAll(Purpose.RESET_PASSWORD, me.id());
		// what other modules keep of the participant (saved lines) goes too
		this.events.publishEvent(new AccountDeleted(me.id()));
		this.audit.record(Actors.of(me, clientAddress), AuditAction.ACCOUNT_DELETED, "account", me.id());
		if (deleted && kept.isPresent()) {
			this.audit.record(Actors.of(me, clientAddress), AuditAction.PLAY_RESTRICTIONS_KEPT, "account", me.id(),
					null, kept.get().describe());
		}
		return true;
	}

	/**
	 * The account is not deleted and what {@link KeptPlayRestrictions#keep} kept of it
	 * still holds: its choices did not change since it was read, nor whether its email is
	 * verified (only a verified account's choices are kept).
	 */
	public static Criteria unchangedSince(Account account) {
		return new Criteria().andOperator(Criteria.where("status").ne(AccountStatus.DELETED),
				Criteria.where("emailVerified").is(account.emailVerified()),
				AccountPlayChoices.revisionIs(account.responsiblePlay().revision()));
	}

	private static void diff(String field, Object before, Object after, Map<String, Object> was,
			Map<String, Object> is) {
		if (!Objects.equals(before, after)) {
			was.put(field, before);
			is.put(field, after);
		}
	}

}
