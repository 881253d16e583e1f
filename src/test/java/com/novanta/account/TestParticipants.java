package com.novanta.account;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.EmailAddresses;
import com.novanta.notification.TestMail;
import com.novanta.responsibleplay.ResponsiblePlay;
import com.novanta.testing.Html;
import org.bson.types.ObjectId;

import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Test accounts, made directly in the database: participants and admins for the tests of
 * every module (with {@link #PASSWORD}, for the tests that sign in through the form),
 * accounts with a password of the test's choosing for the account tests, unique email
 * addresses, and a client address of its own for each test, so that tests sharing one
 * application never trip each other's rate limits and sign-in throttles.
 */
public final class TestParticipants {

	public static final String PASSWORD = "a long test passphrase";

	/**
	 * Hashing is slow on purpose (Argon2id, 19 MiB, two passes: some 60 ms of CPU): each
	 * password is hashed once, and its hash serves every account made with it. Sign-in
	 * still checks it with the application's own encoder.
	 */
	private static final Map<String, String> hashes = new ConcurrentHashMap<>();

	private static final AtomicInteger clients = new AtomicInteger();

	private final AccountRepository accounts;

	private final PasswordEncoder passwords;

	private final Clock clock;

	public TestParticipants(ApplicationContext context) {
		this(context.getBean(AccountRepository.class), context.getBean(PasswordEncoder.class),
				context.getBean(Clock.class));
	}

	TestParticipants(AccountRepository accounts, PasswordEncoder passwords, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.clock = clock;
	}

	/** A verified participant, who may play. */
	public CurrentAccount verified(String name) {
		return verified(name, "Turin");
	}

	/** A verified participant of a city ({@code null} for none). */
	public CurrentAccount verified(String name, String city) {
		return CurrentAccount.of(insert(emailOf(name), name, city, true, PASSWORD, Set.of(Role.PARTICIPANT)))
			.withoutPassword();
	}

	/** A participant who has not verified the email yet. */
	public CurrentAccount unverified(String name) {
		return CurrentAccount.of(insert(emailOf(name), name, "Turin", false, PASSWORD, Set.of(Role.PARTICIPANT)))
			.withoutPassword();
	}

	/** A verified admin. */
	public CurrentAccount admin(String name) {
		return CurrentAccount
			.of(insert(emailOf(name), name, "Turin", true, PASSWORD, Set.of(Role.PARTICIPANT, Role.ADMIN)))
			.withoutPassword();
	}

	/** A verified participant with this email and password. */
	Account verifiedAccount(String email, String password) {
		return insert(email, "Ada Lovelace", "Turin", true, password, AccountRepository.participant());
	}

	/** A participant who signed up with a password and has not verified the email yet. */
	Account unverifiedAccount(String email, String password) {
		return insert(email, "Ada Lovelace", "Turin", false, password, AccountRepository.participant());
	}

	/** A participant who only signs in through a provider, with that sign-in linked. */
	Account socialOnlyAccount(String email, String provider, String subject) {
		Account account = insert(email, "Ada Lovelace", "Turin", true, null, AccountRepository.participant());
		link(account, provider, subject);
		return account;
	}

	void link(Account account, String provider, String subject) {
		this.accounts.insertIdentity(provider, subject, account.id(), account.email(), this.clock.instant());
	}

	Account reload(Account account) {
		return this.accounts.findById(account.id()).orElseThrow();
	}

	/** Requests signed in as the participant. */
	public static RequestPostProcessor signedIn(CurrentAccount account) {
		return SecurityMockMvcRequestPostProcessors.user(account);
	}

	/** Requests signed in as the account, as a session would hold it. */
	static RequestPostProcessor signedIn(Account account) {
		return signedIn(CurrentAccount.of(account).withoutPassword());
	}

	/**
	 * Signs in through the form, from a client address, as a browser would; fails the
	 * test unless the sign-in lands on the home page.
	 * @return the session the sign-in opened
	 */
	public static MockHttpSession signInThroughForm(MockMvc mvc, String email, String password,
			RequestPostProcessor client) throws Exception {
		return (MockHttpSession) mvc
			.perform(post("/signin").param("email", email).param("password", password).with(client).with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	/**
	 * Confirms an address as its owner does: opens the link of the newest "Confirm your
	 * email address" mail to it and presses the page's button.
	 */
	public static void confirmEmailThroughLink(MockMvc mvc, TestMail mail, String email) throws Exception {
		String link = TestMail.linkIn(mail.latest(email, "Confirm your email address"));
		String token = Html.parse(mvc.perform(get(link)).andExpect(status().isOk()))
			.select("form[action='/account/verify'] input[name=token]")
			.val();
		mvc.perform(post("/account/verify").param("token", token).with(csrf()))
			.andExpect(redirectedUrl("/account/verify"));
	}

	/** An address no other test uses. */
	public static String email(String who) {
		return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

	/** Requests from a client address no other test uses. */
	public static RequestPostProcessor newClient() {
		String address = clientAddress();
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	/** A client address no other test uses. */
	public static String clientAddress() {
		int n = clients.incrementAndGet();
		return "10.77." + (n / 250) + "." + (1 + n % 250);
	}

	private static String emailOf(String name) {
		return email(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", ""));
	}

	private Account insert(String email, String name, String city, boolean verified, String password, Set<Role> roles) {
		Instant now = this.clock.instant();
		String hash = (password != null) ? hashes.computeIfAbsent(password, this.passwords::encode) : null;
		return this.accounts.insert(new Account(new ObjectId().toHexString(), EmailAddresses.normalize(email), verified,
				hash, name, city, roles, "Europe/Rome", "en", true, AccountStatus.ACTIVE, 0, now, verified ? now : null,
				null, ResponsiblePlay.NONE, null));
	}

}
