package com.novanta.account;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What keeps a signed-in session and a stored password safe: sessions end a fixed time
 * after their sign-in however busy they are, password hashes use at least OWASP's minimum
 * Argon2id settings and older hashes are replaced at sign-in, and the password checks of
 * the account page are throttled like sign-ins.
 */
@IntegrationTest
class SessionHardeningTests {

	@Autowired
	AccountProperties accountProperties;

	static final String PASSWORD = "a long passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	MutableClock clock;

	@Value("${lottery.sessions.absolute-timeout}")
	Duration lifetime;

	TestParticipants accounts;

	final RequestPostProcessor client = TestParticipants.newClient();

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
	}

	@Test
	void aBusySessionStillEndsAtTheEndOfItsLifetime() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("busy"), PASSWORD);
		MockHttpSession session = signIn(account.email(), PASSWORD);
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());

		this.clock.advance(this.lifetime.minusMinutes(1));
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());
		this.clock.advance(Duration.ofMinutes(1));

		this.mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void newHashesUseAtLeastOwaspsMinimumArgon2Settings() {
		String hash = this.passwordEncoder.encode(PASSWORD);

		assertThat(hash).startsWith("{argon2}$argon2id$v=19$");
		Matcher settings = Pattern.compile("\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$").matcher(hash);
		assertThat(settings.find()).isTrue();
		assertThat(Integer.parseInt(settings.group(1))).isGreaterThanOrEqualTo(19 * 1024);
		assertThat(Integer.parseInt(settings.group(2))).isGreaterThanOrEqualTo(2);
		assertThat(Integer.parseInt(settings.group(3))).isEqualTo(1);
	}

	@Test
	void aWeakerArgon2HashIsReplacedAtSignIn() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("old-hash"), PASSWORD);
		String weak = "{argon2}" + Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);
		this.repository.update(account.id(), new Update().set("passwordHash", weak));

		signIn(account.email(), PASSWORD);

		String stored = this.accounts.reload(account).passwordHash();
		assertThat(stored).isNotEqualTo(weak).contains("m=19456,t=2,p=1");
		assertThat(this.passwordEncoder.matches(PASSWORD, stored)).isTrue();
	}

	@Test
	void aBcryptHashIsReplacedByArgon2AtSignIn() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("bcrypt"), PASSWORD);
		this.repository.update(account.id(),
				new Update().set("passwordHash", "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD)));

		signIn(account.email(), PASSWORD);

		assertThat(this.accounts.reload(account).passwordHash()).startsWith("{argon2}");
	}

	@Test
	void wrongCurrentPasswordsOnTheAccountPageAreThrottledLikeSignIns() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("guessed"), PASSWORD);
		MockHttpSession session = signIn(account.email(), PASSWORD);

		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			assertThat(changePassword(session, "guess " + i)).contains("Your current password is not right.");
		}

		assertThat(changePassword(session, PASSWORD)).contains("Too many wrong passwords");
		assertThat(this.accounts.reload(account).passwordHash()).isEqualTo(account.passwordHash());
	}

	@Test
	void wrongPasswordsToDeleteTheAccountAreThrottledLikeSignIns() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("delete-guess"), PASSWORD);
		MockHttpSession session = signIn(account.email(), PASSWORD);
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			this.mvc
				.perform(post("/account/delete").session(session)
					.param("confirmation", "guess " + i)
					.with(this.client)
					.with(csrf()))
				.andExpect(redirectedUrl("/account#delete"));
		}

		Map<String, Object> flash = this.mvc.perform(
				post("/account/delete").session(session).param("confirmation", PASSWORD).with(this.client).with(csrf()))
			.andExpect(redirectedUrl("/account#delete"))
			.andReturn()
			.getFlashMap();

		assertThat(flash).containsKey("deleteLocked");
		assertThat(this.accounts.reload(account).status()).isEqualTo(AccountStatus.ACTIVE);
		String page = this.mvc
			.perform(get("/account").with(TestParticipants.signedIn(account)).flashAttr("deleteLocked", true))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Too many wrong passwords");
	}

	private String changePassword(MockHttpSession session, String current) throws Exception {
		return this.mvc
			.perform(post("/account/password").session(session)
				.param("currentPassword", current)
				.param("password", "a brand new passphrase")
				.param("confirmation", "a brand new passphrase")
				.with(this.client)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private MockHttpSession signIn(String email, String password) throws Exception {
		return TestParticipants.signInThroughForm(this.mvc, email, password, this.client);
	}

}
