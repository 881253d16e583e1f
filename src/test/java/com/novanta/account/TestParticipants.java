package com.novanta.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.bson.types.ObjectId;

import org.springframework.context.ApplicationContext;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Participants for the tests of other modules: accounts made directly in the database,
 * with a known password for the browser tests that sign in through the form.
 */
public final class TestParticipants {

	public static final String PASSWORD = "a long test passphrase";

	/** Hashing is slow on purpose: one hash serves every test participant. */
	private static volatile String passwordHash;

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	public TestParticipants(ApplicationContext context) {
		this.accounts = context.getBean(AccountRepository.class);
		this.passwords = context.getBean(PasswordEncoder.class);
		this.clock = context.getBean(Clock.class);
	}

	/** A verified participant, who may play. */
	public CurrentAccount verified(String name) {
		return verified(name, "Turin");
	}

	/** A verified participant of a city ({@code null} for none). */
	public CurrentAccount verified(String name, String city) {
		return CurrentAccount.of(insert(name, city, true, Set.of(Role.PARTICIPANT))).withoutPassword();
	}

	/** A participant who has not verified the email yet. */
	public CurrentAccount unverified(String name) {
		return CurrentAccount.of(insert(name, "Turin", false, Set.of(Role.PARTICIPANT))).withoutPassword();
	}

	/** A verified admin. */
	public CurrentAccount admin(String name) {
		return CurrentAccount.of(insert(name, "Turin", true, Set.of(Role.PARTICIPANT, Role.ADMIN))).withoutPassword();
	}

	/** Requests signed in as the participant. */
	public static RequestPostProcessor signedIn(CurrentAccount account) {
		return SecurityMockMvcRequestPostProcessors.user(account);
	}

	private String hash() {
		if (passwordHash == null) {
			passwordHash = this.passwords.encode(PASSWORD);
		}
		return passwordHash;
	}

	private Account insert(String name, String city, boolean verified, Set<Role> roles) {
		Instant now = this.clock.instant();
		String email = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z]", "") + "-"
				+ UUID.randomUUID().toString().substring(0, 8) + "@example.com";
		return this.accounts
			.insert(new Account(new ObjectId().toHexString(), email, verified, hash(), name, city, roles, "Europe/Rome",
					"en", true, AccountStatus.ACTIVE, 0, now, verified ? now : null, null, ResponsiblePlay.NONE));
	}

}
