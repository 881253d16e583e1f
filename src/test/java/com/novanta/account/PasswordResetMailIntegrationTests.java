package com.novanta.account;

import java.time.Duration;

import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The password reset email, through the outbox and the embedded SMTP server, and its
 * link.
 */
@IntegrationTest
class PasswordResetMailIntegrationTests {

	@Autowired
	AccountProperties accountProperties;

	static final String SUBJECT = "Reset your password";

	static final String OLD_PASSWORD = "a long passphrase";

	static final String NEW_PASSWORD = "a brand new passphrase";

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MutableClock clock;

	TestParticipants accounts;

	TestMail mail;

	final RequestPostProcessor client = TestParticipants.newClient();

	Account account;

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.mail = new TestMail(this.mailbox);
		this.account = this.accounts.verifiedAccount(TestParticipants.email("reset"), OLD_PASSWORD);
	}

	@Test
	void theResetEmailArrivesWithALinkToThisSite() throws Exception {
		CaughtMail message = requestReset();

		assertThat(message.text()).contains("http://localhost:" + this.port + "/password/reset?token=")
			.contains("The link works once, for one hour.");
		assertThat(Html.parse(message.html()).select("a[href]").eachAttr("href"))
			.contains("http://localhost:" + this.port + TestMail.linkIn(message));
	}

	@Test
	void theLinkSetsANewPasswordOnceAndThenNoLonger() throws Exception {
		String link = TestMail.linkIn(requestReset());

		Document form = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(form.select("form[action=/password/reset] input[name=token]").val())
			.isEqualTo(TestMail.tokenOf(link));
		this.mvc.perform(reset(link, NEW_PASSWORD))
			.andExpect(redirectedUrl("/signin"))
			.andExpect(flash().attribute("passwordReset", true));

		assertThat(signIn(OLD_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/signin?error");
		assertThat(signIn(NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
		assertThat(this.mail.only(this.account.email(), "Your password was changed")).isNotNull();

		Document again = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(again.select(".alert-error").text()).startsWith("That link does not work any more");
		assertThat(again.select("form[action=/password/reset]")).isEmpty();
		Document reused = Html
			.parse(this.mvc.perform(reset(link, "yet another passphrase")).andExpect(status().isOk()).andReturn());
		assertThat(reused.select(".alert-error").text()).startsWith("That link does not work any more");
		assertThat(signIn(NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	@Test
	void theLinkNoLongerWorksAfterAnHour() throws Exception {
		String link = TestMail.linkIn(requestReset());

		this.clock.advance(Duration.ofHours(1).plusSeconds(1));

		Document form = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(form.select(".alert-error").text()).startsWith("That link does not work any more");
		Document posted = Html
			.parse(this.mvc.perform(reset(link, NEW_PASSWORD)).andExpect(status().isOk()).andReturn());
		assertThat(posted.select(".alert-error").text()).startsWith("That link does not work any more");
		assertThat(this.accounts.reload(this.account).passwordHash()).isEqualTo(this.account.passwordHash());
	}

	@Test
	void usingTheLinkEndsEveryOtherSessionOfTheAccount() throws Exception {
		MockHttpSession signedInElsewhere = session(signIn(OLD_PASSWORD));
		this.mvc.perform(get("/account").session(signedInElsewhere)).andExpect(status().isOk());
		String link = TestMail.linkIn(requestReset());

		this.mvc.perform(reset(link, NEW_PASSWORD)).andExpect(redirectedUrl("/signin"));

		this.mvc.perform(get("/account").session(signedInElsewhere)).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void aPasswordThatBreaksTheRulesKeepsTheLinkUsable() throws Exception {
		String link = TestMail.linkIn(requestReset());

		Document tooShort = Html.parse(this.mvc.perform(reset(link, "short")).andExpect(status().isOk()).andReturn());
		Document asEmail = Html
			.parse(this.mvc.perform(reset(link, this.account.email())).andExpect(status().isOk()).andReturn());
		Document mismatch = Html.parse(
				this.mvc
					.perform(post("/password/reset").param("token", TestMail.tokenOf(link))
						.param("password", NEW_PASSWORD)
						.param("confirmation", NEW_PASSWORD + "?")
						.with(this.client)
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());

		assertThat(tooShort.select(".alert-error").text()).isEqualTo("Use at least 8 characters.");
		assertThat(asEmail.select(".alert-error").text()).isEqualTo("Your password must not be your email address.");
		assertThat(mismatch.select(".alert-error").text()).isEqualTo("The two passwords are not the same.");
		this.mvc.perform(reset(link, NEW_PASSWORD)).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void theLinkConfirmsAnAddressThatWasNotVerifiedYet() throws Exception {
		Account unverified = this.accounts.unverifiedAccount(TestParticipants.email("unverified"), OLD_PASSWORD);
		this.mvc.perform(post("/password/forgot").param("email", unverified.email()).with(this.client).with(csrf()))
			.andExpect(status().isOk());
		String link = TestMail.linkIn(this.mail.only(unverified.email(), SUBJECT));

		this.mvc.perform(reset(link, NEW_PASSWORD)).andExpect(redirectedUrl("/signin"));

		assertThat(this.accounts.reload(unverified).emailVerified()).isTrue();
	}

	@Test
	void aNewLinkEndsALockOut() throws Exception {
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			signIn("guess " + i);
		}
		assertThat(signIn(OLD_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/signin?locked");

		this.mvc.perform(reset(TestMail.linkIn(requestReset()), NEW_PASSWORD)).andExpect(redirectedUrl("/signin"));

		assertThat(signIn(NEW_PASSWORD).getResponse().getRedirectedUrl()).isEqualTo("/");
	}

	private CaughtMail requestReset() throws Exception {
		this.mvc.perform(post("/password/forgot").param("email", this.account.email()).with(this.client).with(csrf()))
			.andExpect(status().isOk());
		return this.mail.latest(this.account.email(), SUBJECT);
	}

	private MockHttpServletRequestBuilder reset(String link, String password) {
		return post("/password/reset").param("token", TestMail.tokenOf(link))
			.param("password", password)
			.param("confirmation", password)
			.with(this.client)
			.with(csrf());
	}

	private MvcResult signIn(String password) throws Exception {
		return this.mvc
			.perform(post("/signin").param("email", this.account.email())
				.param("password", password)
				.with(this.client)
				.with(csrf()))
			.andReturn();
	}

	private static MockHttpSession session(MvcResult result) {
		return (MockHttpSession) result.getRequest().getSession(false);
	}

}
