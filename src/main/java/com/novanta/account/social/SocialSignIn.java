package com.novanta.account.social;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountMail;
import com.novanta.account.internal.AccountPlayChoices;
import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens.Purpose;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.AdminRoles;
import com.novanta.account.internal.EmailAddresses;
import com.novanta.account.internal.Identity;
import com.novanta.account.internal.SignInThrottle;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;
import com.novanta.responsibleplay.KeptPlayRestrictions;
import org.bson.types.ObjectId;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.stereotype.Service;

/**
 * Sign-in with Google or Facebook. Identities are keyed by provider and subject. A first
 * sign-in creates a verified participant from the provider's verified email, but never
 * takes over an existing verified account with that email: its owner must first prove the
 * account is theirs (its password, or a link sent to its address). An unverified account
 * with that email is never linked to: the provider's owner takes it over, and whatever
 * the first comer set up is dropped.
 */
@Service
public class SocialSignIn {

	public static final String LINK_REQUIRED = "link_required";

	public static final String UNVERIFIED_EMAIL = "unverified_email";

	public static final String IDENTITY_TAKEN = "identity_taken";

	static final String ACCOUNT_DISABLED = "account_disabled";

	private final AccountRepository accounts;

	private final AccountTokens tokens;

	private final AccountMail mail;

	private final PasswordEncoder passwords;

	private final SignInThrottle throttle;

	private final AdminRoles adminRoles;

	private final AuditLog audit;

	private final AccountProperties properties;

	private final Clock clock;

	private final KeptPlayRestrictions keptRestrictions;

	private final AccountPlayChoices playChoices;

	SocialSignIn(AccountRepository accounts, AccountTokens tokens, AccountMail mail, PasswordEncoder passwords,
			SignInThrottle throttle, AdminRoles adminRoles, AuditLog audit, AccountProperties properties, Clock clock,
			KeptPlayRestrictions keptRestrictions, AccountPlayChoices playChoices) {
		this.accounts = accounts;
		this.tokens = tokens;
		this.mail = mail;
		this.passwords = passwords;
		this.throttle = throttle;
		this.adminRoles = adminRoles;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.keptRestrictions = keptRestrictions;
		this.playChoices = playChoices;
	}

	/**
	 * Resolves who signs in.
	 * @param profile what the provider said
	 * @param linkingAccountId the signed-in account that asked to link this provider, if
	 * any
	 * @param clientAddress the client's address
	 * @return the account to sign in
	 * @throws OAuth2AuthenticationException with {@link #LINK_REQUIRED} when the email
	 * belongs to an account whose owner must prove it first, and the other codes of this
	 * class
	 */
	public CurrentAccount signIn(SocialProfile profile, String linkingAccountId, String clientAddress) {
		if (profile.subject() == null) {
			throw error(UNVERIFIED_EMAIL);
		}
		Optional<Identity> identity = this.accounts.findIdentity(profile.provider(), profile.subject());
		if (linkingAccountId != null) {
			if (identity.isPresent() && !identity.get().accountId().equals(linkingAccountId)) {
				throw error(IDENTITY_TAKEN);
			}
			Account account = this.accounts.findById(linkingAccountId)
				.filter(Account::isActive)
				.orElseThrow(() -> error(ACCOUNT_DISABLED));
			if (identity.isEmpty()) {
				link(account, profile, clientAddress);
			}
			return signedIn(account, profile, clientAddress);
		}
		if (identity.isPresent()) {
			Account account = this.accounts.findById(identity.get().accountId())
				.filter(Account::isActive)
				.orElseThrow(() -> error(ACCOUNT_DISABLED));
			return signedIn(account, profile, clientAddress);
		}
		if (profile.email() == null || !profile.emailVerified()) {
			throw error(UNVERIFIED_EMAIL);
		}
		Optional<Account> sameEmail = this.accounts.findByEmail(profile.email());
		if (sameEmail.isPresent()) {
			Account claimed = claim(sameEmail.get(), profile, clientAddress).orElseThrow(() -> error(LINK_REQUIRED));
			return signedIn(claimed, profile, clientAddress);
		}
		return signedIn(create(profile, clientAddress), profile, clientAddress);
	}

	/**
	 * Links a pending sign-in to the account with its email after checking that account's
	 * password (throttled like a sign-in).
	 * @return the account, or empty if the password is wrong or sign-in is locked
	 */
	public Optional<CurrentAccount> linkWithPassword(SocialProfile profile, String password, String clientAddress) {
		String email = EmailAddresses.normalize(profile.email());
		SignInThrottle.Attempt attempt = this.throttle.reserve(email, clientAddress, null);
		if (!attempt.granted()) {
			return Optional.empty();
		}
		Optional<Account> holder = this.accounts.findByEmail(email).filter(Account::isActive);
		// the password of an unverified account was set by someone who never proved the
		// address: it proves nothing, the provider does
		Optional<Account> claimed = holder.filter((a) -> profile.emailVerified())
			.flatMap((a) -> claim(a, profile, clientAddress));
		if (claimed.isPresent()) {
			return Optional.of(signedIn(claimed.get(), profile, clientAddress));
		}
		Optional<Account> account = holder
			.filter((a) -> a.hasPassword() && this.passwords.matches(password, a.passwordHash()));
		if (account.isEmpty()) {
			this.throttle.failed(attempt);
			this.audit.record(Actor.anonymous(clientAddress), AuditAction.SIGN_IN_FAILED, "email", email);
			return Optional.empty();
		}
		this.throttle.succeeded(attempt);
		link(account.get(), profile, clientAddress);
		return Optional.of(signedIn(account.get(), profile, clientAddress));
	}

	/** Emails the owner of the pending sign-in's address a link that links it. */
	public void sendLinkConfirmation(SocialProfile profile, String providerName) {
		this.accounts.findByEmail(profile.email()).filter(Account::isActive).ifPresent((account) -> {
			String token = this.tokens.issue(Purpose.LINK_IDENTITY, account.id(), Duration.ofHours(1),
					Map.of("provider", profile.provider(), "subject", profile.subject(), "email", profile.email()));
			this.mail.linkConfirmation(account, providerName, token, AccountTokens.hash(token).substring(0, 24));
		});
	}

	/**
	 * The provider an emailed link would link, without using the link up.
	 * @return the provider, or empty if the link is unknown, used or expired
	 */
	public Optional<String> pendingLinkProvider(String token) {
		return this.tokens.peek(Purpose.LINK_IDENTITY, token).map((pending) -> pending.data().get("provider"));
	}

	/**
	 * Links the sign-in named by an emailed link, unless that sign-in was linked to
	 * another account since the link was sent: then nothing changes (the link is not even
	 * used up), and the answer says so.
	 * @return what the link did, or empty if the link is unknown, used or expired
	 */
	public Optional<LinkConfirmation> confirmLink(String token, String clientAddress) {
		Optional<AccountTokens.StoredToken> pending = this.tokens.peek(Purpose.LINK_IDENTITY, token);
		if (pending.isPresent() && isLinkedToAnotherAccount(pending.get())) {
			return Optional.of(new LinkConfirmation(pending.get().data().get("provider"), false));
		}
		return this.tokens.consume(Purpose.LINK_IDENTITY, token).flatMap((used) -> {
			String provider = used.data().get("provider");
			Optional<Account> account = this.accounts.findById(used.accountId()).filter(Account::isActive);
			if (account.isEmpty()) {
				return Optional.empty();
			}
			SocialProfile profile = new SocialProfile(provider, used.data().get("subject"), used.data().get("email"),
					true, null);
			try {
				if (claim(account.get(), profile, clientAddress).isEmpty()) {
					link(account.get(), profile, clientAddress);
				}
			}
			catch (OAuth2AuthenticationException ex) {
				if (!IDENTITY_TAKEN.equals(ex.getError().getErrorCode())) {
					throw ex;
				}
				// linked elsewhere in the instant since the check above
				return Optional.of(new LinkConfirmation(provider, false));
			}
			return Optional.of(new LinkConfirmation(provider, true));
		});
	}

	private boolean isLinkedToAnotherAccount(AccountTokens.StoredToken pending) {
		return this.accounts.findIdentity(pending.data().get("provider"), pending.data().get("subject"))
			.filter((identity) -> !identity.accountId().equals(pending.accountId()))
			.isPresent();
	}

	/**
	 * If the account holding the provider's verified email is one whose owner never
	 * proved it theirs (unverified), the provider's owner takes it: it is never linked to
	 * as it is. Whoever signed up with the address never proved it was theirs, so nothing
	 * they set up survives: the password, the sessions, pending links, other linked
	 * sign-ins, the name and city, roles, and responsible play choices (those kept from
	 * an earlier account with this email apply).
	 * @return the account, now verified and linked to the provider, or empty if it is
	 * verified (or not active), so that its owner must prove it is theirs
	 */
	private Optional<Account> claim(Account unverified, SocialProfile profile, String clientAddress) {
		if (unverified.emailVerified() || !unverified.isActive()) {
			return Optional.empty();
		}
		List<String> identities = this.accounts.identitiesOf(unverified.id()).stream().map(Identity::provider).toList();
		// verifying binds the account by what was kept for the email
		Optional<Account> taken = this.playChoices.verify(unverified.id(),
				Criteria.where("status").is(AccountStatus.ACTIVE).and("email").is(unverified.email()),
				() -> new Update().unset("passwordHash")
					.inc("sessionEpoch", 1)
					.set("name", nameOf(profile))
					.unset("city")
					.unset("reminders")
					.set("roles", AccountRepository.participant()),
				true, clientAddress);
		if (taken.isEmpty()) {
			// verified (or disabled) meanwhile
			return Optional.empty();
		}
		Account claimed = taken.get();
		this.accounts.deleteIdentities(claimed.id());
		for (Purpose purpose : Purpose.values()) {
			this.tokens.revokeAll(purpose, claimed.id());
		}
		this.audit.record(Actors.of(claimed, clientAddress), AuditAction.UNVERIFIED_ACCOUNT_CLAIMED, "account",
				claimed.id(), Map.of("password", unverified.hasPassword(), "identities", identities),
				Map.of("provider", profile.provider()));
		link(claimed, profile, clientAddress);
		return Optional.of(claimed);
	}

	private void link(Account account, SocialProfile profile, String clientAddress) {
		try {
			this.accounts.insertIdentity(profile.provider(), profile.subject(), account.id(), profile.email(),
					this.clock.instant());
		}
		catch (DuplicateKeyException ex) {
			boolean ours = this.accounts.findIdentity(profile.provider(), profile.subject())
				.map((identity) -> identity.accountId().equals(account.id()))
				.orElse(false);
			if (!ours) {
				throw error(IDENTITY_TAKEN);
			}
			return;
		}
		this.audit.record(Actors.of(account, clientAddress), AuditAction.IDENTITY_LINKED, "account", account.id(), null,
				Map.of("provider", profile.provider()));
	}

	private Account create(SocialProfile profile, String clientAddress) {
		Instant now = this.clock.instant();
		String name = nameOf(profile);
		String email = EmailAddresses.normalize(profile.email());
		// a deleted account's exclusion and limits bind the new one from the start
		Account account = new Account(new ObjectId().toHexString(), email, true, null, name, null,
				AccountRepository.participant(), this.properties.timeZone(), "en", true, AccountStatus.ACTIVE, 0, now,
				now, null, this.keptRestrictions.forNewAccount(email), null);
		try {
			this.accounts.insert(account);
		}
		catch (DuplicateKeyException ex) {
			throw error(LINK_REQUIRED);
		}
		Actor actor = new Actor(account.id(), account.email(), clientAddress);
		this.audit.record(actor, AuditAction.ACCOUNT_CREATED, "account", account.id(), null,
				Map.of("email", account.email(), "method", profile.provider()));
		account = this.playChoices.restored(account, actor);
		link(account, profile, clientAddress);
		return account;
	}

	private CurrentAccount signedIn(Account account, SocialProfile profile, String clientAddress) {
		Account updated = this.accounts.update(account.id(), new Update().set("lastSignInAt", this.clock.instant()))
			.orElse(account);
		updated = this.adminRoles.applyAdminList(updated, clientAddress);
		this.audit.record(Actors.of(updated, clientAddress), AuditAction.SIGN_IN, "account", updated.id(), null,
				Map.of("method", profile.provider()));
		return CurrentAccount.of(updated).withoutPassword();
	}

	/** The provider's name for its user, or the start of their email. */
	private static String nameOf(SocialProfile profile) {
		return (profile.name() != null && !profile.name().isBlank()) ? profile.name()
				: profile.email().substring(0, profile.email().indexOf('@'));
	}

	private static OAuth2AuthenticationException error(String code) {
		return new OAuth2AuthenticationException(new OAuth2Error(code), code);
	}

	/**
	 * What an emailed link to link a sign-in did.
	 *
	 * @param provider the provider it names
	 * @param linked whether the sign-in is linked to the link's account now;
	 * {@code false} if it is linked to another account, and nothing changed
	 */
	public record LinkConfirmation(String provider, boolean linked) {
	}

}
