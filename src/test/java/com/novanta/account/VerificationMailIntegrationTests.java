package com.novanta.account;

import java.time.Duration;
import java.util.ArrayList;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.Outbox;
import com.novanta.notification.OutboxStatus;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoOperations;
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

/**
 * The verification email, through the outbox and the embedded SMTP server, and its link.
 */
@IntegrationTest
class VerificationMailIntegrationTests {

	static final String SUBJECT = "Confirm your email address";

	static final String PASSWORD = "a long passphrase";

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
	Outbox outbox;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	TestMail mail;

	final RequestPostProcessor client = TestParticipants.newClient();

	@BeforeEach
	void setUp() {
		this.mail = new TestMail(this.mailbox);
	}

	@Test
	void theVerificationEmailArrivesWithALinkToThisSite() throws Exception {
		String email = signUp("arrives");

		CaughtMail message = this.mail.only(email, SUBJECT);

		assertThat(message.from()).isNotBlank();
		assertThat(message.text()).contains("Hello Ada")
			.contains("http://localhost:" + this.port + "/account/verify?token=")
			.contains("The link works once, for 24 hours.");
		String link = TestMail.linkIn(message);
		assertThat(Html.parse(message.html()).select("a[href]").eachAttr("href"))
			.contains("http://localhost:" + this.port + link);
	}

	@Test
	void openingTheLinkOnlyShowsAButtonAndChangesNothing() throws Exception {
		String email = signUp("scanned");
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));

		// what a mail scanner or a link preview does
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		this.mvc.perform(get(link)).andExpect(status().isOk());

		assertThat(page.select("h1").text()).isEqualTo("Confirm your email address");
		assertThat(page.select("form[action='/account/verify'][method=post] input[name=token]").val())
			.isEqualTo(TestMail.tokenOf(link));
		assertThat(page.select("form[action='/account/verify'] button").text()).isEqualTo("Confirm my email address");
		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isFalse();

		assertThat(confirm(link).select("h1").text()).isEqualTo("Your email address is confirmed");
		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isTrue();
	}

	@Test
	void theButtonNeedsTheFormsCsrfToken() throws Exception {
		String email = signUp("forged");
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));

		this.mvc.perform(post("/account/verify").param("token", TestMail.tokenOf(link)))
			.andExpect(status().isForbidden());

		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isFalse();
	}

	@Test
	void theLinkVerifiesTheAddressOnceAndThenNoLonger() throws Exception {
		String email = signUp("once");
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));

		Document first = confirm(link);
		Account verified = this.repository.findByEmail(email).orElseThrow();
		Document again = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		Document second = press(TestMail.tokenOf(link));

		assertThat(first.select("h1").text()).isEqualTo("Your email address is confirmed");
		assertThat(verified.emailVerified()).isTrue();
		assertThat(verified.verifiedAt()).isNotNull();
		assertThat(again.select("h1").text()).isEqualTo("That link does not work");
		assertThat(again.title()).startsWith("That link does not work");
		assertThat(first.title()).startsWith("Email confirmed");
		assertThat(again.select("form[action='/account/verify']")).isEmpty();
		assertThat(second.select("h1").text()).isEqualTo("That link does not work");
	}

	@Test
	void theLinkNoLongerWorksAfter24Hours() throws Exception {
		String email = signUp("late");
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));

		this.clock.advance(Duration.ofHours(24).plusMinutes(1));
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());

		assertThat(page.select("h1").text()).isEqualTo("That link does not work");
		assertThat(page.select(".lead").text()).isEqualTo("It was used already, or it expired after 24 hours.");
		assertThat(press(TestMail.tokenOf(link)).select("h1").text()).isEqualTo("That link does not work");
		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isFalse();
	}

	@Test
	void theLinkStillWorksJustBefore24Hours() throws Exception {
		String email = signUp("just-in-time");
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));

		this.clock.advance(Duration.ofHours(24).minusMinutes(1));
		confirm(link);

		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isTrue();
	}

	@Test
	void aNewLinkMakesTheOlderOneUnusable() throws Exception {
		String email = signUp("resend");
		String oldLink = TestMail.linkIn(this.mail.only(email, SUBJECT));
		Account account = this.repository.findByEmail(email).orElseThrow();

		this.mvc.perform(post("/account/verify/resend").with(TestParticipants.signedIn(account)).with(csrf()))
			.andExpect(redirectedUrl("/account"));
		String newLink = TestMail.linkIn(this.mail.latest(email, SUBJECT));

		assertThat(this.mail.to(email)).hasSize(2);
		assertThat(newLink).isNotEqualTo(oldLink);
		assertThat(Html.parse(this.mvc.perform(get(oldLink)).andReturn()).select("h1").text())
			.isEqualTo("That link does not work");
		assertThat(press(TestMail.tokenOf(oldLink)).select("h1").text()).isEqualTo("That link does not work");
		assertThat(confirm(newLink).select("h1").text()).isEqualTo("Your email address is confirmed");
	}

	@Test
	void theLinkIsKeptNeitherInTheDatabaseNorInTheSentMessage() throws Exception {
		String email = signUp("secret");
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));
		String token = TestMail.tokenOf(link);

		assertThat(this.mongo.getCollection("account_tokens").find().into(new ArrayList<>()))
			.allSatisfy((stored) -> assertThat(stored.toJson()).doesNotContain(token))
			.anySatisfy((stored) -> assertThat(stored.getString("_id")).isEqualTo(AccountTokens.hash(token)));
		assertThat(this.mongo.getCollection("outbox").find().into(new ArrayList<>()))
			.allSatisfy((message) -> assertThat(message.toJson()).doesNotContain(token));
		assertThat(this.outbox.list(OutboxStatus.SENT, 0, 1000)).anySatisfy((sent) -> {
			assertThat(sent.to()).isEqualTo(email);
			assertThat(sent.model()).doesNotContainKey("path");
		});
	}

	@Test
	void anAddressThatIsAlreadyRegisteredGetsAWarningInsteadOfALink() throws Exception {
		Account existing = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(TestParticipants.email("already"), PASSWORD);

		this.mvc
			.perform(post("/signup").param("name", "Someone")
				.param("email", existing.email())
				.param("password", "another long passphrase")
				.param("adult", "true")
				.param("terms", "true")
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/signup/check-email"));

		CaughtMail warning = this.mail.only(existing.email(), "You already have an account");
		assertThat(warning.text()).contains("Someone tried to sign up with this email address")
			.contains("/password/forgot")
			.doesNotContain("token=");
	}

	@Test
	void theConfirmedPageAsksNothingMoreOfAVisitorWhoSignedUpInThisBrowser() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String email = signUp("same-session", session);
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));

		Document asked = Html.parse(this.mvc.perform(get(link).session(session)).andExpect(status().isOk()));
		Document confirmed = press(asked.select("main form[action='/account/verify'] input[name=token]").val(),
				session);

		assertThat(confirmed.select("h1").text()).isEqualTo("Your email address is confirmed");
		assertThat(confirmed.select(".verify-banner")).isEmpty();
	}

	@Test
	void theConfirmedPageHasNoConfirmYourEmailBannerForTheSignedInParticipant() throws Exception {
		MockHttpSession session = new MockHttpSession();
		String email = signUp("signed-in-confirms", session);
		this.mvc
			.perform(post("/signin").session(session)
				.param("email", email)
				.param("password", PASSWORD)
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
		String link = TestMail.linkIn(this.mail.only(email, SUBJECT));
		Document before = Html.parse(this.mvc.perform(get("/").session(session)).andExpect(status().isOk()));
		assertThat(before.select(".verify-banner")).hasSize(1);

		// the page with the button asks for one thing only: pressing it (no second
		// "confirm your email" with a button sending another link, which would make this
		// one unusable)
		Document asked = Html.parse(this.mvc.perform(get(link).session(session)).andExpect(status().isOk()));
		assertThat(asked.select("h1").text()).isEqualTo("Confirm your email address");
		assertThat(asked.select(".verify-banner")).isEmpty();
		Document confirmed = press(asked.select("main form[action='/account/verify'] input[name=token]").val(),
				session);

		assertThat(confirmed.select("h1").text()).isEqualTo("Your email address is confirmed");
		assertThat(confirmed.select(".verify-banner")).isEmpty();
		assertThat(confirmed.select("form[action=/signout]")).hasSize(1);
		Document home = Html.parse(this.mvc.perform(get("/").session(session)).andExpect(status().isOk()));
		assertThat(home.select(".verify-banner")).isEmpty();
	}

	/**
	 * Posts a token as the page's button does in a browser session, and follows the
	 * answer.
	 */
	private Document press(String token, MockHttpSession session) throws Exception {
		MvcResult posted = this.mvc
			.perform(post("/account/verify").session(session).param("token", token).with(this.client).with(csrf()))
			.andExpect(redirectedUrl("/account/verify"))
			.andReturn();
		return Html.parse(this.mvc.perform(get("/account/verify").session(session).flashAttrs(posted.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn());
	}

	/** Opens the link and presses its button, as its owner does. */
	private Document confirm(String link) throws Exception {
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		return press(page.select("form[action='/account/verify'] input[name=token]").val());
	}

	/** Posts a token as the page's button does, and follows the answer. */
	private Document press(String token) throws Exception {
		MvcResult posted = this.mvc.perform(post("/account/verify").param("token", token).with(csrf()))
			.andExpect(redirectedUrl("/account/verify"))
			.andReturn();
		return Html.parse(this.mvc.perform(get("/account/verify").flashAttrs(posted.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn());
	}

	private String signUp(String who) throws Exception {
		return signUp(who, new MockHttpSession());
	}

	private String signUp(String who, MockHttpSession session) throws Exception {
		String email = TestParticipants.email(who);
		this.mvc
			.perform(post("/signup").session(session)
				.param("name", "Ada")
				.param("email", email)
				.param("password", PASSWORD)
				.param("adult", "true")
				.param("terms", "true")
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/signup/check-email"));
		return email;
	}

}
