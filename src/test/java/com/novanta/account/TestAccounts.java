package com.novanta.account;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.bson.types.ObjectId;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Accounts made directly in the database, unique email addresses, and a distinct client
 * address for each test, so that tests sharing one application never trip each other's
 * rate limits and sign-in throttles.
 */
final class TestAccounts {

	private static final AtomicInteger clients = new AtomicInteger();

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	TestAccounts(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** A verified participant with a password. */
	Account verified(String email, String password) {
		return insert(email, true, this.passwords.encode(password));
	}

	/** A participant who signed up with a password and has not verified the email yet. */
	Account unverified(String email, String password) {
		return insert(email, false, this.passwords.encode(password));
	}

	/** A participant who only signs in through a provider, with that sign-in linked. */
	Account socialOnly(String email, String provider, String subject) {
		Account account = insert(email, true, null);
		link(account, provider, subject);
		return account;
	}

	void link(Account account, String provider, String subject) {
		this.accounts.insertIdentity(provider, subject, account.id(), account.email(), this.clock.instant());
	}

	Account reload(Account account) {
		return this.accounts.findById(account.id()).orElseThrow();
	}

	private Account insert(String email, boolean verified, String hash) {
		Instant now = this.clock.instant();
		return this.accounts.insert(new Account(new ObjectId().toHexString(), EmailAddresses.normalize(email), verified,
				hash, "Ada Lovelace", "Turin", AccountRepository.participant(), "Europe/Rome", "en", true,
				AccountStatus.ACTIVE, 0, now, verified ? now : null, null, ResponsiblePlay.NONE));
	}

	/** An address no other test uses. */
	static String email(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** Requests from a client address no other test uses. */
	static RequestPostProcessor newClient() {
		String address = clientAddress();
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	static String clientAddress() {
		int n = clients.incrementAndGet();
		return "10.77." + (n / 250) + "." + (1 + n % 250);
	}

	/** Requests signed in as the account, as a session would hold it. */
	static RequestPostProcessor signedIn(Account account) {
		return SecurityMockMvcRequestPostProcessors.user(CurrentAccount.of(account).withoutPassword());
	}

}
