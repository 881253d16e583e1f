package com.novanta.account;

import java.time.Clock;

import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.social.SocialProfile;
import com.novanta.account.social.SocialUsers;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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
 * The page where someone who signed in with a provider proves that the existing account
 * with that email is theirs: by its password, or by a link sent to its address. (The
 * whole journey through a real provider is in {@link SocialSignInBrowserTests}.)
 */
@IntegrationTest
class SignInLinkTests {

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
	Clock clock;

	@Autowired
	DevMailbox mailbox;

	TestParticipants accounts;

	final RequestPostProcessor client = TestParticipants.newClient();

	Account account;

	String subject;

	MockHttpSession session;

	@BeforeEach
	void signedInWithGoogleAsTheOwnerOfAnExistingAccount() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.account = this.accounts.verifiedAccount(TestParticipants.email("owner"), PASSWORD);
		this.subject = "google-" + this.account.id();
		this.session = new MockHttpSession();
		this.session.setAttribute(SocialUsers.PENDING_LINK,
				new SocialProfile("google", this.subject, this.account.email(), true, "Ada"));
	}

	@Test
	void withoutAPendingSignInThePageSendsToSignIn() throws Exception {
		this.mvc.perform(get("/signin/link")).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(post("/signin/link").param("password", PASSWORD).with(this.client).with(csrf()))
			.andExpect(redirectedUrl("/signin"));
	}

	@Test
	void explainsWhatIsAsked() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/signin/link").session(this.session)).andExpect(status().isOk()).andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Link google to your account");
		assertThat(page.select("main .lead").text()).contains(this.account.email());
	}

	@Test
	void theRightPasswordLinksTheSignInAndSignsIn() throws Exception {
		this.mvc.perform(linkWithPassword(PASSWORD))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("linked", "google"));

		assertThat(this.repository.findIdentity("google", this.subject))
			.hasValueSatisfying((identity) -> assertThat(identity.accountId()).isEqualTo(this.account.id()));
		assertThat(this.session.getAttribute(SocialUsers.PENDING_LINK)).isNull();
		this.mvc.perform(get("/account").session(this.session)).andExpect(status().isOk());
	}

	@Test
	void aWrongPasswordLinksNothing() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(linkWithPassword("not my password")).andExpect(status().isOk()).andReturn());

		assertThat(page.select(".alert-error").text()).isEqualTo("That password is not right.");
		assertThat(this.repository.findIdentity("google", this.subject)).isEmpty();
		this.mvc.perform(get("/account").session(this.session)).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void passwordGuessesAreThrottledLikeSignIns() throws Exception {
		for (int i = 0; i < this.accountProperties.signIn().attemptsPerEmail(); i++) {
			this.mvc.perform(linkWithPassword("guess " + i)).andExpect(status().isOk());
		}

		this.mvc.perform(linkWithPassword(PASSWORD)).andExpect(status().isOk());

		assertThat(this.repository.findIdentity("google", this.subject)).isEmpty();
	}

	@Test
	void anEmailedLinkLinksTheSignInOnce() throws Exception {
		String link = emailedLink();
		assertThat(this.repository.findIdentity("google", this.subject)).isEmpty();

		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		String token = page.select("form[action='/signin/link/confirm'] input[name=token]").val();
		this.mvc.perform(confirm(token))
			.andExpect(redirectedUrl("/signin"))
			.andExpect(flash().attribute("linkConfirmed", "google"));
		this.mvc.perform(confirm(token)).andExpect(flash().attribute("linkExpired", true));

		assertThat(this.repository.findIdentity("google", this.subject))
			.hasValueSatisfying((identity) -> assertThat(identity.accountId()).isEqualTo(this.account.id()));
		Document used = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		assertThat(used.select("h1").text()).isEqualTo("That link does not work");
		assertThat(used.select("form[action='/signin/link/confirm']")).isEmpty();
	}

	@Test
	void openingTheEmailedLinkOnlyShowsAButtonAndLinksNothing() throws Exception {
		String link = emailedLink();

		// what a mail scanner or a link preview does
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		this.mvc.perform(get(link)).andExpect(status().isOk());

		assertThat(this.repository.findIdentity("google", this.subject)).isEmpty();
		assertThat(page.select("h1").text()).isEqualTo("Link google to your account");
		assertThat(page.select("form[action='/signin/link/confirm'][method=post] button").text())
			.isEqualTo("Link google to my account");
		assertThat(page.select("form[action='/signin/link/confirm'] input[name=token]").val())
			.isEqualTo(TestMail.tokenOf(link));

		this.mvc.perform(post("/signin/link/confirm").param("token", TestMail.tokenOf(link)))
			.andExpect(status().isForbidden());
		assertThat(this.repository.findIdentity("google", this.subject)).isEmpty();
		this.mvc.perform(confirm(page.select("input[name=token]").val()))
			.andExpect(flash().attribute("linkConfirmed", "google"));
		assertThat(this.repository.findIdentity("google", this.subject)).isPresent();
	}

	@Test
	void anEmailedLinkForASignInLinkedMeanwhileToAnotherAccountSaysSoAndChangesNothing() throws Exception {
		String link = emailedLink();
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		String token = page.select("form[action='/signin/link/confirm'] input[name=token]").val();
		// meanwhile the same Google sign-in was linked to another account
		Account other = this.accounts.verifiedAccount(TestParticipants.email("other"), PASSWORD);
		this.accounts.link(other, "google", this.subject);
		Account before = this.accounts.reload(this.account);

		MvcResult result = this.mvc.perform(confirm(token))
			.andExpect(redirectedUrl("/signin"))
			.andExpect(flash().attribute("linkTaken", "google"))
			.andReturn();

		assertThat(this.repository.findIdentity("google", this.subject))
			.hasValueSatisfying((identity) -> assertThat(identity.accountId()).isEqualTo(other.id()));
		assertThat(this.repository.identitiesOf(this.account.id())).isEmpty();
		assertThat(this.accounts.reload(this.account)).isEqualTo(before);
		Document signIn = Html.parse(this.mvc.perform(get("/signin").flashAttrs(result.getFlashMap())).andReturn());
		assertThat(signIn.select(".alert-error").text())
			.isEqualTo("That google sign-in is already linked to another Novanta account, so it was not linked to "
					+ "yours. Sign in with google to use that account.");
		Document italian = Html
			.parse(this.mvc.perform(get("/signin").flashAttrs(result.getFlashMap()).header("Accept-Language", "it"))
				.andReturn());
		assertThat(italian.select(".alert-error").text()).startsWith("Questo accesso google è già collegato");
	}

	private String emailedLink() throws Exception {
		this.mvc.perform(post("/signin/link/email").session(this.session).with(this.client).with(csrf()))
			.andExpect(redirectedUrl("/signin"))
			.andExpect(flash().attribute("linkEmailSent", this.account.email()));
		return TestMail.linkIn(new TestMail(this.mailbox).only(this.account.email(), "Link google to your account"));
	}

	private MockHttpServletRequestBuilder confirm(String token) {
		return post("/signin/link/confirm").param("token", token).with(this.client).with(csrf());
	}

	private MockHttpServletRequestBuilder linkWithPassword(String password) {
		return post("/signin/link").session(this.session).param("password", password).with(this.client).with(csrf());
	}

}
