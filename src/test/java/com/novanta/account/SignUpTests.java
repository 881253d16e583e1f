package com.novanta.account;

import java.time.Clock;

import java.util.Locale;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.signup.Registration;
import com.novanta.account.signup.SignUpController;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Signing up with email and password: validation, and saying nothing about who is
 * registered.
 */
@IntegrationTest
class SignUpTests {

	static final String PASSWORD = "a long passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Autowired
	DevMailbox mailbox;

	TestParticipants accounts;

	TestMail mail;

	final RequestPostProcessor client = TestParticipants.newClient();

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.mail = new TestMail(this.mailbox);
	}

	@Test
	void signsUpAnUnverifiedParticipantAndSendsAVerificationLink() throws Exception {
		String email = TestParticipants.email("New.Player");

		MvcResult result = this.mvc.perform(signUp("  Ada Lovelace ", email, PASSWORD, "Turin"))
			.andExpect(status().isFound())
			.andReturn();

		assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/signup/check-email");
		Account account = this.repository.findByEmail(email).orElseThrow();
		assertThat(account.email()).isEqualTo(email.toLowerCase(Locale.ROOT));
		assertThat(account.name()).isEqualTo("Ada Lovelace");
		assertThat(account.city()).isEqualTo("Turin");
		assertThat(account.emailVerified()).isFalse();
		assertThat(account.roles()).containsExactly(Role.PARTICIPANT);
		assertThat(account.passwordHash()).startsWith("{argon2}").doesNotContain(PASSWORD);
		assertThat(this.mail.only(account.email(), "Confirm your email address")).isNotNull();
		assertThat(renderedAfter(result)).contains("Check your email").contains("We sent a link to " + email);
	}

	@Test
	void anEmptyFormGetsAMessageForEveryRequiredField() throws Exception {
		Document page = invalid(post("/signup").param("name", "")
			.param("email", "")
			.param("password", "")
			.param("city", "")
			.param("_adult", "on")
			.param("_terms", "on")
			.with(this.client)
			.with(csrf()), null);

		assertThat(page.select(".alert-error").text()).isEqualTo("Please correct the fields marked below.");
		assertThat(errorOf(page, "name")).isEqualTo("Enter your name.");
		assertThat(errorOf(page, "email")).isEqualTo("Enter your email address.");
		assertThat(errorOf(page, "password")).isEqualTo("Enter a password.");
		assertThat(checkboxError(page, "adult")).isEqualTo("You must be 18 or older to play.");
		assertThat(checkboxError(page, "terms")).isEqualTo("You must accept the terms of play.");
		assertThat(page.select("#city-error")).isEmpty();
	}

	@Test
	void anInvalidEmailIsExplained() throws Exception {
		Document page = invalid(signUp("Ada", "not-an-email", PASSWORD, ""), "not-an-email");

		assertThat(errorOf(page, "email")).isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#email").attr("aria-describedby")).isEqualTo("email-error");
		assertThat(page.select("#email").val()).isEqualTo("not-an-email");
		assertThat(page.select("#name-error")).isEmpty();
	}

	@Test
	void tooLongNameAndCityAreExplained() throws Exception {
		String email = TestParticipants.email("long");
		Document page = invalid(signUp("n".repeat(101), email, PASSWORD, "c".repeat(101)), email);

		assertThat(errorOf(page, "name")).isEqualTo("Use at most 100 characters.");
		assertThat(errorOf(page, "city")).isEqualTo("Use at most 100 characters.");
	}

	@Test
	void aShortPasswordIsExplained() throws Exception {
		String email = TestParticipants.email("short");
		Document page = invalid(signUp("Ada", email, "1234567", ""), email);

		assertThat(errorOf(page, "password")).isEqualTo("Use at least 8 characters.");
	}

	@Test
	void aTooLongPasswordIsExplained() throws Exception {
		String email = TestParticipants.email("long-password");
		Document page = invalid(signUp("Ada", email, "p".repeat(129), ""), email);

		assertThat(errorOf(page, "password")).isEqualTo("Use at most 128 characters.");
	}

	@Test
	void aCommonPasswordIsExplained() throws Exception {
		String email = TestParticipants.email("common");
		Document page = invalid(signUp("Ada", email, "Password123", ""), email);

		assertThat(errorOf(page, "password")).startsWith("That password is one of the most common ones");
	}

	@Test
	void thePasswordMustNotBeTheEmailAddress() throws Exception {
		String email = TestParticipants.email("lucky.player");
		String localPart = email.substring(0, email.indexOf('@'));

		assertThat(errorOf(invalid(signUp("Ada", email, email, ""), email), "password"))
			.isEqualTo("Your password must not be your email address.");
		assertThat(errorOf(invalid(signUp("Ada", email, localPart, ""), email), "password"))
			.isEqualTo("Your password must not be your email address.");
	}

	@Test
	void adultAndTermsMustBeConfirmed() throws Exception {
		String email = TestParticipants.email("minor");
		Document page = invalid(post("/signup").param("name", "Ada")
			.param("email", email)
			.param("password", PASSWORD)
			.param("_adult", "on")
			.param("_terms", "on")
			.with(this.client)
			.with(csrf()), email);

		assertThat(checkboxError(page, "adult")).isEqualTo("You must be 18 or older to play.");
		assertThat(checkboxError(page, "terms")).isEqualTo("You must accept the terms of play.");
	}

	@Test
	void aPostTheFormCannotHaveSentIsABadRequest() throws Exception {
		String email = TestParticipants.email("bot");
		long before = this.repository.count();

		this.mvc.perform(post("/signup").with(this.client).with(csrf())).andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/signup").param("name", "Bot")
				.param("email", email)
				.param("password", PASSWORD)
				.param("adult", "maybe")
				.param("terms", "true")
				.with(this.client)
				.with(csrf()))
			.andExpect(status().isBadRequest());

		assertThat(this.repository.count()).isEqualTo(before);
		assertThat(this.repository.findByEmail(email)).isEmpty();
	}

	@Test
	void thePasswordIsNeverSentBackInThePage() throws Exception {
		String email = TestParticipants.email("echo");
		MvcResult result = this.mvc.perform(signUp("", email, "a secret phrase", "")).andReturn();

		assertThat(result.getResponse().getContentAsString()).doesNotContain("a secret phrase");
		assertThat(Html.parse(result).select("#password").val()).isEmpty();
	}

	@Test
	void signingUpWithARegisteredEmailLooksExactlyLikeANewSignUp() throws Exception {
		Account existing = this.accounts.verifiedAccount(TestParticipants.email("taken"), "the owner's passphrase");
		String fresh = TestParticipants.email("fresh");

		MvcResult taken = this.mvc.perform(signUp("Mallory", existing.email(), PASSWORD, "")).andReturn();
		MvcResult free = this.mvc.perform(signUp("Mallory", fresh, PASSWORD, "")).andReturn();

		MockHttpServletResponse takenAnswer = taken.getResponse();
		MockHttpServletResponse freeAnswer = free.getResponse();
		assertThat(takenAnswer.getStatus()).isEqualTo(freeAnswer.getStatus()).isEqualTo(302);
		assertThat(takenAnswer.getRedirectedUrl()).isEqualTo(freeAnswer.getRedirectedUrl())
			.isEqualTo("/signup/check-email");
		assertThat(takenAnswer.getContentAsString()).isEqualTo(freeAnswer.getContentAsString());
		assertThat(renderedAfter(taken).replace(existing.email(), "EMAIL"))
			.isEqualTo(renderedAfter(free).replace(fresh, "EMAIL"));

		// The existing account is untouched; its owner is told instead.
		Account after = this.accounts.reload(existing);
		assertThat(after.name()).isEqualTo(existing.name());
		assertThat(after.passwordHash()).isEqualTo(existing.passwordHash());
		assertThat(this.mail.only(existing.email(), "You already have an account").text())
			.contains("you already have an account");
		assertThat(this.mail.to(existing.email())).extracting("subject").doesNotContain("Confirm your email address");
		assertThat(this.mail.only(fresh, "Confirm your email address")).isNotNull();
	}

	@Test
	void tooManySignUpsFromOneClientAreRefused() throws Exception {
		for (int i = 0; i < Registration.SIGN_UPS_PER_CLIENT_PER_HOUR; i++) {
			this.mvc.perform(signUp("Bot", TestParticipants.email("bot"), PASSWORD, "")).andExpect(status().isFound());
		}
		String email = TestParticipants.email("bot");

		Document page = Html
			.parse(this.mvc.perform(signUp("Bot", email, PASSWORD, "")).andExpect(status().isOk()).andReturn());

		assertThat(page.select(".alert-error").text()).contains("Too many sign-ups from your network");
		assertThat(this.repository.findByEmail(email)).isEmpty();
	}

	private MockHttpServletRequestBuilder signUp(String name, String email, String password, String city) {
		return post("/signup").param("name", name)
			.param("email", email)
			.param("password", password)
			.param("city", city)
			.param("adult", "true")
			.param("terms", "true")
			.with(this.client)
			.with(csrf());
	}

	/** Posts a form that must be refused; checks that nothing was stored or sent. */
	private Document invalid(MockHttpServletRequestBuilder request, String email) throws Exception {
		long before = this.repository.count();
		Document page = Html.parse(this.mvc.perform(request)
			.andExpect(status().isOk())
			.andExpect(view().name(SignUpController.SIGN_UP_VIEW))
			.andReturn());
		assertThat(this.repository.count()).isEqualTo(before);
		if (email != null) {
			assertThat(this.repository.findByEmail(email)).isEmpty();
			assertThat(this.mail.to(email.toLowerCase(Locale.ROOT))).isEmpty();
		}
		return page;
	}

	private static String errorOf(Document page, String field) {
		Element error = page.selectFirst("#" + field + "-error");
		assertThat(error).as("error message of %s", field).isNotNull();
		assertThat(page.select("#" + field).attr("aria-invalid")).isEqualTo("true");
		return error.text();
	}

	private static String checkboxError(Document page, String field) {
		Element input = page.selectFirst("input[type=checkbox][name=" + field + "]");
		assertThat(input).isNotNull();
		return input.closest(".field").select(".error").text();
	}

	private String renderedAfter(MvcResult redirect) throws Exception {
		String body = this.mvc
			.perform(get(redirect.getResponse().getRedirectedUrl()).flashAttrs(redirect.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return Html.withoutCsrfTokens(body);
	}

}
