package com.novanta.account;

import java.time.Clock;

import com.novanta.account.internal.AccountRepository;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Asking for a password reset link, and reset links that do not work. */
@IntegrationTest
class ForgotPasswordTests {

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
	void aRegisteredAndAnUnknownEmailGetTheSameAnswer() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("forgetful"), "a long passphrase");
		String unknown = TestParticipants.email("nobody");

		MockHttpServletResponse known = requestReset(account.email());
		MockHttpServletResponse other = requestReset(unknown);

		assertThat(known.getStatus()).isEqualTo(other.getStatus()).isEqualTo(200);
		assertThat(known.getRedirectedUrl()).isEqualTo(other.getRedirectedUrl()).isNull();
		String knownPage = Html.withoutCsrfTokens(known.getContentAsString());
		assertThat(knownPage).isEqualTo(Html.withoutCsrfTokens(other.getContentAsString()))
			.contains("If an account uses that address, we sent it a link.")
			.doesNotContain(account.email());
		assertThat(this.mail.only(account.email(), "Reset your password")).isNotNull();
		assertThat(this.mail.to(unknown)).isEmpty();
	}

	@Test
	void anInvalidEmailIsExplained() throws Exception {
		Document page = Html.parse(
				this.mvc.perform(post("/password/forgot").param("email", "not-an-email").with(this.client).with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(page.select("#email-error").text()).isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#email").val()).isEqualTo("not-an-email");
	}

	@Test
	void atMostThreeLinksAnHourAreSentToOneAddress() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("impatient"), "a long passphrase");

		for (int i = 0; i < 5; i++) {
			assertThat(requestReset(account.email()).getContentAsString()).contains("we sent it a link");
		}

		assertThat(this.mail.to(account.email())).hasSize(3);
	}

	@Test
	void aDisabledAccountGetsNoLink() throws Exception {
		Account account = this.accounts.verifiedAccount(TestParticipants.email("disabled"), "a long passphrase");
		this.repository.update(account.id(), new Update().set("status", AccountStatus.DISABLED));

		assertThat(requestReset(account.email()).getContentAsString()).contains("we sent it a link");
		assertThat(this.mail.to(account.email())).isEmpty();
	}

	@Test
	void anUnknownResetLinkSaysItDoesNotWork() throws Exception {
		for (String token : new String[] { "", "nonsense", "A".repeat(43) }) {
			Document page = Html.parse(this.mvc.perform(get("/password/reset").param("token", token))
				.andExpect(status().isOk())
				.andReturn());
			assertThat(page.select(".alert-error").text()).startsWith("That link does not work any more");
			assertThat(page.select("form[action=/password/reset]")).isEmpty();
			assertThat(page.select("a[href=/password/forgot]").text()).isEqualTo("Get a new link");
		}
	}

	@Test
	void postingANewPasswordWithAnUnknownLinkChangesNothing() throws Exception {
		Document page = Html.parse(
				this.mvc
					.perform(post("/password/reset").param("token", "A".repeat(43))
						.param("password", "a brand new passphrase")
						.param("confirmation", "a brand new passphrase")
						.with(this.client)
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(page.select(".alert-error").text()).startsWith("That link does not work any more");
	}

	private MockHttpServletResponse requestReset(String email) throws Exception {
		return this.mvc.perform(post("/password/forgot").param("email", email).with(this.client).with(csrf()))
			.andReturn()
			.getResponse();
	}

}
