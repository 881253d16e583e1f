package com.novanta.account;

import java.time.Duration;
import java.util.Locale;

import jakarta.servlet.http.Cookie;

import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signing in with a password: what a visitor is told, throttling, the verify banner. */
@IntegrationTest
class SignInTests {

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

	TestParticipants accounts;

	final RequestPostProcessor client = TestParticipants.newClient();

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
	}

	@Test
	void signsInWithTheRightPasswordWhateverTheCaseOfTheEmail() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("Right"), PASSWORD);

		MvcResult result = signIn(account.email().toUpperCase(Locale.ROOT), PASSWORD);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		Document home = Html.parse(this.mvc.perform(get("/").session(session(result))).andReturn());
		assertThat(home.select("form[action=/signout] button").text()).isEqualTo("Sign out");
		assertThat(this.accounts.reload(account).lastSignInAt()).isNotNull();
	}

	@Test
	void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("known"), PASSWORD);

		MockHttpServletResponse wrongPassword = signIn(account.email(), "not the password").getResponse();
		MockHttpServletResponse unknownEmail = signIn(TestParticipants.email("unknown"), "not the password")
			.getResponse();

		assertThat(wrongPassword.getStatus()).isEqualTo(302).isEqualTo(unknownEmail.getStatus());
		assertThat(wrongPassword.getRedirectedUrl()).isEqualTo("/signin?error")
			.isEqualTo(unknownEmail.getRedirectedUrl());
		assertThat(wrongPassword.getContentAsString()).isEqualTo(unknownEmail.getContentAsString());
		assertThat(renderedAfter(wrongPassword)).isEqualTo(renderedAfter(unknownEmail))
			.contains("That email and password do not match an account.");
	}

	@Test
	void aDisabledAccountGetsTheSameAnswerAsAWrongPassword() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("disabled"), PASSWORD);
		this.repository.update(account.id(), new Update().set("status", AccountStatus.DISABLED));

		assertThat(signIn(account.email(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/signin?error");
	}

	@Test
	void afterTheAllowedFailuresEvenTheRightPasswordIsRefusedForTheConfiguredWindow() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("locked"), PASSWORD);

		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			assertThat(signIn(account.email(), "guess " + i).getResponse().getRedirectedUrl())
				.isEqualTo("/signin?error");
		}
		MockHttpServletResponse sixth = signIn(account.email(), PASSWORD).getResponse();

		assertThat(sixth.getRedirectedUrl()).isEqualTo("/signin?locked");
		assertThat(renderedAfter(sixth)).contains("Too many failed attempts")
			.contains("paused for " + this.accountProperties.signIn().windowMinutes() + " minutes");

		this.clock.advance(this.accountProperties.signIn().window().plusSeconds(1));
		assertThat(signIn(account.email(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void theLockIsPerEmailAddressSoOtherAccountsCanStillSignIn() throws Exception {
		Account locked = this.accounts.verifiedAccount(TestParticipants.email("locked"), PASSWORD);
		Account other = this.accounts.verifiedAccount(TestParticipants.email("other"), PASSWORD);
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			signIn(locked.email(), "guess " + i);
		}

		assertThat(signIn(other.email(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void anUnregisteredEmailIsLockedTheSameWaySoTheLockRevealsNothing() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("registered"), PASSWORD);
		String unregistered = TestParticipants.email("unregistered");

		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			MockHttpServletResponse registeredAnswer = signIn(account.email(), "guess " + i).getResponse();
			MockHttpServletResponse unregisteredAnswer = signIn(unregistered, "guess " + i).getResponse();
			assertThat(unregisteredAnswer.getRedirectedUrl()).isEqualTo(registeredAnswer.getRedirectedUrl())
				.isEqualTo("/signin?error");
		}
		MockHttpServletResponse registeredSixth = signIn(account.email(), PASSWORD).getResponse();
		MockHttpServletResponse unregisteredSixth = signIn(unregistered, PASSWORD).getResponse();

		assertThat(registeredSixth.getStatus()).isEqualTo(unregisteredSixth.getStatus());
		assertThat(registeredSixth.getRedirectedUrl()).isEqualTo("/signin?locked")
			.isEqualTo(unregisteredSixth.getRedirectedUrl());
		assertThat(renderedAfter(registeredSixth)).isEqualTo(renderedAfter(unregisteredSixth));
	}

	@Test
	void aSuccessfulSignInStartsTheCountAgain() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("forgetful"), PASSWORD);
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail() - 1; i++) {
			signIn(account.email(), "guess " + i);
		}
		assertThat(signIn(account.email(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");

		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail() - 1; i++) {
			signIn(account.email(), "guess " + i);
		}
		assertThat(signIn(account.email(), PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void anUnverifiedAccountCanSignInAndIsAskedToConfirmItsEmail() throws Exception {
		Account account = this.accounts.unverifiedAccount(TestParticipants.email("unverified"), PASSWORD);

		MvcResult result = signIn(account.email(), PASSWORD);

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/");
		Document home = Html.parse(this.mvc.perform(get("/").session(session(result))).andReturn());
		assertThat(home.select(".verify-banner").text())
			.contains("Confirm your email address to play: we sent you a link.");
		assertThat(home.select(".verify-banner form").attr("action")).isEqualTo("/account/verify/resend");
	}

	@Test
	void theVerifyBannerGoesOnceTheEmailIsVerified() throws Exception {
		Account account = this.accounts.unverifiedAccount(TestParticipants.email("soon-verified"), PASSWORD);
		MockHttpSession session = session(signIn(account.email(), PASSWORD));

		this.repository.update(account.id(), new Update().set("emailVerified", true));

		Document home = Html.parse(this.mvc.perform(get("/").session(session)).andReturn());
		assertThat(home.select(".verify-banner")).isEmpty();
		assertThat(home.select("form[action=/signout]")).hasSize(1);
	}

	@Test
	void aVerifiedAccountSeesNoBanner() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("verified"), PASSWORD);

		Document home = Html
			.parse(this.mvc.perform(get("/").session(session(signIn(account.email(), PASSWORD)))).andReturn());

		assertThat(home.select(".verify-banner")).isEmpty();
	}

	@Test
	void goesBackToThePageThatAskedForSignIn() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("returning"), PASSWORD);
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/signin"));

		MvcResult result = this.mvc
			.perform(post("/signin").session(session)
				.param("email", account.email())
				.param("password", PASSWORD)
				.with(this.client)
				.with(csrf()))
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).startsWith("/account");
	}

	@Test
	void aRememberedDeviceStaysSignedInUntilThePasswordChanges() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("remembered"), PASSWORD);
		MvcResult result = this.mvc
			.perform(post("/signin").param("email", account.email())
				.param("password", PASSWORD)
				.param("remember", "true")
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie remembered = result.getResponse().getCookie("NOVANTA-REMEMBER");
		assertThat(remembered).isNotNull();
		assertThat(remembered.isHttpOnly()).isTrue();
		assertThat(remembered.getMaxAge()).isEqualTo((int) Duration.ofDays(30).toSeconds());

		this.mvc.perform(get("/account").cookie(remembered)).andExpect(status().isOk());

		this.mvc
			.perform(post("/account/password").session(session(result))
				.param("currentPassword", PASSWORD)
				.param("password", "a brand new passphrase")
				.param("confirmation", "a brand new passphrase")
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));

		this.mvc.perform(get("/account").cookie(remembered)).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void signingOutForgetsTheDevice() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("forget-me"), PASSWORD);
		MvcResult result = this.mvc
			.perform(post("/signin").param("email", account.email())
				.param("password", PASSWORD)
				.param("remember", "true")
				.with(this.client)
				.with(csrf()))
			.andReturn();

		MockHttpServletResponse signedOut = this.mvc
			.perform(post("/signout").session(session(result))
				.cookie(result.getResponse().getCookie("NOVANTA-REMEMBER"))
				.with(csrf()))
			.andExpect(redirectedUrl("/?signedOut"))
			.andReturn()
			.getResponse();

		assertThat(signedOut.getCookie("NOVANTA-REMEMBER")).isNotNull()
			.satisfies((cookie) -> assertThat(cookie.getMaxAge()).isZero());
	}

	@Test
	void theSignInPageShowsNoProviderButtonsWhenNoneIsConfigured() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/signin")).andExpect(status().isOk()).andReturn());
		assertThat(page.select(".social-buttons")).isEmpty();
		assertThat(page.select("form[action=/signin] input[name=email]")).hasSize(1);
	}

	private MvcResult signIn(String email, String password) throws Exception {
		return this.mvc
			.perform(post("/signin").param("email", email).param("password", password).with(this.client).with(csrf()))
			.andExpect(status().isFound())
			.andReturn();
	}

	private static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

	/** The page the visitor lands on after the redirect. */
	private String renderedAfter(MockHttpServletResponse redirect) throws Exception {
		String body = this.mvc.perform(get(redirect.getRedirectedUrl())).andReturn().getResponse().getContentAsString();
		return Html.withoutCsrfTokens(body);
	}

}
