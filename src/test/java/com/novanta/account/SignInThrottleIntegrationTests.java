package com.novanta.account;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.IntFunction;

import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.internal.KnownDevices;
import com.novanta.audit.AuditEvent;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.WebVisitor.Page;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in throttling over real HTTP, with the requests sent all at once: however many
 * arrive together, no more passwords are checked than the throttle allows, because each
 * check is reserved before it is made. And the owner of an address someone locked still
 * signs in from a browser they signed in on before.
 */
@IntegrationTest
class SignInThrottleIntegrationTests {

	@Autowired
	AccountProperties accountProperties;

	static final String PASSWORD = "a long passphrase";

	static final String NEW_PASSWORD = "another long passphrase";

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	AccountTokens tokens;

	TestParticipants accounts;

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		forgetTheLoopbackClient();
	}

	@AfterEach
	void tearDown() {
		// every request here comes from 127.0.0.1, like the other real-HTTP tests' own
		forgetTheLoopbackClient();
	}

	@Test
	void tenWrongPasswordsAtOnceForOneAddressAreNotAllChecked() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("besieged"), PASSWORD);

		List<Page> answers = allAtOnce(10, (i) -> signInForm(account.email(), "guess " + i));

		assertThat(answers).extracting(Page::location)
			.filteredOn((location) -> location.endsWith("/signin?error"))
			.hasSize(this.accountProperties.signIn().attemptsPerEmail());
		assertThat(answers).extracting(Page::location)
			.filteredOn((location) -> location.endsWith("/signin?locked"))
			.hasSize(10 - this.accountProperties.signIn().attemptsPerEmail());
		assertThat(failuresAudited(account.email())).isEqualTo(this.accountProperties.signIn().attemptsPerEmail());
		assertThat(signIn(account.email(), PASSWORD).location()).endsWith("/signin?locked");
	}

	@Test
	void sixtyWrongPasswordsAtOnceFromOneClientAreNotAllChecked() throws Exception {
		String prefix = "crowd-" + UUID.randomUUID().toString().substring(0, 8);

		List<Page> answers = allAtOnce(60, (i) -> signInForm(prefix + "-" + i + "@example.com", "guess"));

		assertThat(answers).extracting(Page::location)
			.filteredOn((location) -> location.endsWith("/signin?error"))
			.hasSize(this.accountProperties.signIn().attemptsPerClient());
		long checked = this.mongo.count(
				Query.query(Criteria.where("action").is("SIGN_IN_FAILED").and("targetId").regex("^" + prefix)),
				AuditEvent.class);
		assertThat(checked).isEqualTo(this.accountProperties.signIn().attemptsPerClient());
	}

	@Test
	void theOwnerOfALockedAddressStillSignsInFromABrowserTheyUsedBefore() {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("owner"), PASSWORD);
		WebVisitor phone = new WebVisitor(base());
		assertThat(phone.signIn(account.email(), PASSWORD)).isTrue();
		phone.post("/signout", Map.of());
		assertThat(phone.cookie(KnownDevices.COOKIE)).isNotBlank();

		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail() + 3; i++) {
			signIn(account.email(), "a stranger's guess " + i);
		}
		assertThat(signIn(account.email(), PASSWORD).location()).endsWith("/signin?locked");

		assertThat(phone.signIn(account.email(), PASSWORD)).isTrue();
		assertThat(phone.get("/account").status()).isEqualTo(200);
	}

	@Test
	void aKnownBrowserForAnotherAddressDoesNotHelp() {
		Account mine = this.accounts.verifiedAccount(TestParticipants.email("mine"), PASSWORD);
		Account victim = this.accounts.verifiedAccount(TestParticipants.email("victim"), PASSWORD);
		WebVisitor stranger = new WebVisitor(base());
		assertThat(stranger.signIn(mine.email(), PASSWORD)).isTrue();
		stranger.post("/signout", Map.of());

		List<String> answers = new ArrayList<>();
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail() + 1; i++) {
			stranger.get("/signin");
			answers.add(stranger
				.post("/signin", Map.of("email", List.of(victim.email()), "password", List.of("guess " + i)))
				.location());
		}

		assertThat(answers.get(answers.size() - 1)).endsWith("/signin?locked");
	}

	@Test
	void aKnownBrowserHasItsOwnLimit() {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("forgetful"), PASSWORD);
		WebVisitor laptop = new WebVisitor(base());
		assertThat(laptop.signIn(account.email(), PASSWORD)).isTrue();
		laptop.post("/signout", Map.of());

		for (int i = 0; i < this.accountProperties.signIn().attemptsPerDevice(); i++) {
			assertThat(laptop.signIn(account.email(), "not it " + i)).isFalse();
		}

		laptop.get("/signin");
		assertThat(laptop.post("/signin", Map.of("email", List.of(account.email()), "password", List.of(PASSWORD)))
			.location()).endsWith("/signin?locked");
		this.clock.advance(this.accountProperties.signIn().window().plusSeconds(1));
		assertThat(laptop.signIn(account.email(), PASSWORD)).isTrue();
	}

	@Test
	void aPasswordResetLinkEndsTheLock() {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("reset"), PASSWORD);
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			signIn(account.email(), "guess " + i);
		}
		assertThat(signIn(account.email(), PASSWORD).location()).endsWith("/signin?locked");

		String link = this.tokens.issue(AccountTokens.Purpose.RESET_PASSWORD, account.id(), Duration.ofHours(1), null);
		WebVisitor owner = new WebVisitor(base());
		owner.get("/password/reset?token=" + link);
		assertThat(owner
			.post("/password/reset", Map.of("token", List.of(link), "password", List.of(NEW_PASSWORD), "confirmation",
					List.of(NEW_PASSWORD)))
			.location()).endsWith("/signin");

		assertThat(signIn(account.email(), NEW_PASSWORD).location()).doesNotContain("/signin?");
	}

	private Page signIn(String email, String password) {
		WebVisitor visitor = new WebVisitor(base());
		visitor.get("/signin");
		return signInForm(email, password).apply(visitor);
	}

	/** The sign-in form, posted by a visitor who read the sign-in page. */
	private static Function<WebVisitor, Page> signInForm(String email, String password) {
		return (visitor) -> visitor.post("/signin", Map.of("email", List.of(email), "password", List.of(password)));
	}

	/**
	 * Each visitor first reads the sign-in page (for its CSRF token), then all post at
	 * the same moment.
	 */
	private List<Page> allAtOnce(int count, IntFunction<Function<WebVisitor, Page>> request) throws Exception {
		List<WebVisitor> visitors = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			WebVisitor visitor = new WebVisitor(base());
			visitor.get("/signin");
			visitors.add(visitor);
		}
		return AllAtOnce.run(count, (i) -> {
			WebVisitor visitor = visitors.get(i);
			Function<WebVisitor, Page> post = request.apply(i);
			return () -> post.apply(visitor);
		});
	}

	private long failuresAudited(String email) {
		return this.mongo.count(Query.query(Criteria.where("action").is("SIGN_IN_FAILED").and("targetId").is(email)),
				AuditEvent.class);
	}

	private void forgetTheLoopbackClient() {
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^client:")), "sign_in_throttle");
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
