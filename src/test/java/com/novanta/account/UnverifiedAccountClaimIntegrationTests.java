package com.novanta.account;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.social.SocialProfile;
import com.novanta.account.social.SocialSignIn;
import com.novanta.audit.AuditEvent;
import com.novanta.audit.AuditLog;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.responsibleplay.PlayLimit;
import com.novanta.responsibleplay.ResponsiblePlay;
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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Someone signs up with an address that is not theirs and never verifies it; then its
 * owner signs in with Google or Facebook, which vouches for the address. The unverified
 * account is never linked to as it is: the provider's owner takes it over, and whatever
 * the first comer set up (password, sessions, pending links, linked sign-ins, name, city,
 * responsible play choices) is gone. (The journey through a real provider, admin role
 * included, is in {@link SocialSignInBrowserTests}.)
 */
@IntegrationTest
class UnverifiedAccountClaimIntegrationTests {

	static final String SQUATTERS_PASSWORD = "the squatter's passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	AccountTokens tokens;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Autowired
	SocialSignIn socialSignIn;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	AuditLog audit;

	String email;

	Account squatted;

	MockHttpSession squattersSession;

	String verificationLink;

	@BeforeEach
	void someoneSignsUpWithAnAddressThatIsNotTheirs() throws Exception {
		this.email = TestParticipants.email("victim");
		this.mvc
			.perform(post("/signup").param("name", "Mallory")
				.param("email", this.email)
				.param("password", SQUATTERS_PASSWORD)
				.param("city", "Nowhere")
				.param("adult", "true")
				.param("terms", "true")
				.with(TestParticipants.newClient())
				.with(csrf()))
			.andExpect(redirectedUrl("/signup/check-email"));
		this.verificationLink = TestMail
			.linkIn(new TestMail(this.mailbox).only(this.email, "Confirm your email address"));
		this.squattersSession = new MockHttpSession();
		this.mvc
			.perform(post("/signin").session(this.squattersSession)
				.param("email", this.email)
				.param("password", SQUATTERS_PASSWORD)
				.with(TestParticipants.newClient())
				.with(csrf()))
			.andExpect(redirectedUrl("/"));
		this.squatted = this.repository.findByEmail(this.email).orElseThrow();
		// the squatter sets up a way back in and choices of their own
		new TestParticipants(this.repository, this.passwordEncoder, this.clock).link(this.squatted, "facebook",
				"mallory-" + UUID.randomUUID());
		this.mvc.perform(
				post("/account/exclusion").session(this.squattersSession).param("period", "FIVE_YEARS").with(csrf()))
			.andExpect(redirectedUrl("/account#responsible-play"));
		assertThat(this.repository.findById(this.squatted.id()).orElseThrow().responsiblePlay().excludedUntil())
			.isNotNull();
	}

	@Test
	void theProvidersOwnerTakesTheAccountAndTheFirstComerLosesEveryWayIn() throws Exception {
		String subject = "google-" + UUID.randomUUID();

		CurrentAccount signedIn = this.socialSignIn.signIn(
				new SocialProfile("google", subject, this.email, true, "Grace Hopper"), null,
				TestParticipants.clientAddress());

		Account claimed = this.repository.findById(signedIn.id()).orElseThrow();
		assertThat(claimed.id()).isEqualTo(this.squatted.id());
		assertThat(claimed.emailVerified()).isTrue();
		assertThat(claimed.hasPassword()).isFalse();
		assertThat(claimed.name()).isEqualTo("Grace Hopper");
		assertThat(claimed.city()).isNull();
		assertThat(claimed.roles()).containsExactly(Role.PARTICIPANT);
		assertThat(claimed.responsiblePlay())
			.extracting(ResponsiblePlay::daily, ResponsiblePlay::monthly, ResponsiblePlay::excludedUntil)
			.containsExactly(PlayLimit.NONE, PlayLimit.NONE, null);
		assertThat(claimed.sessionEpoch()).isGreaterThan(this.squatted.sessionEpoch());
		assertThat(this.repository.identitiesOf(claimed.id())).singleElement()
			.satisfies((identity) -> assertThat(identity.subject()).isEqualTo(subject));

		// the first comer's session, password and links are all gone
		this.mvc.perform(get("/account").session(this.squattersSession)).andExpect(redirectedUrl("/signin"));
		this.mvc
			.perform(post("/signin").param("email", this.email)
				.param("password", SQUATTERS_PASSWORD)
				.with(TestParticipants.newClient())
				.with(csrf()))
			.andExpect(redirectedUrl("/signin?error"));
		Document verification = Html.parse(this.mvc.perform(get(this.verificationLink)).andReturn());
		assertThat(verification.select("h1").text()).isEqualTo("That link does not work");

		AuditEvent event = this.audit.find(new AuditLog.AuditFilter(claimed.id(), "UNVERIFIED_ACCOUNT_CLAIMED"), 0, 1)
			.get(0);
		assertThat(event.after()).containsEntry("provider", "google");
		assertThat(event.before()).containsEntry("password", true).containsEntry("identities", List.of("facebook"));
	}

	@Test
	void aPendingResetLinkOfTheFirstComerStopsWorking() throws Exception {
		this.mvc
			.perform(
					post("/password/forgot").param("email", this.email).with(TestParticipants.newClient()).with(csrf()))
			.andExpect(status().isOk());
		String reset = TestMail.linkIn(new TestMail(this.mailbox).only(this.email, "Reset your password"));

		this.socialSignIn.signIn(new SocialProfile("google", "google-" + UUID.randomUUID(), this.email, true, null),
				null, TestParticipants.clientAddress());

		Document page = Html.parse(this.mvc.perform(get(reset)).andReturn());
		assertThat(page.select(".alert-error").text()).startsWith("That link does not work any more");
		assertThat(this.repository.findById(this.squatted.id()).orElseThrow().name())
			.isEqualTo(this.email.substring(0, this.email.indexOf('@')));
	}

	@Test
	void anEmailedLinkToLinkAnUnverifiedAccountTakesItOverToo() throws Exception {
		// a link sent before this rule existed
		SocialProfile profile = new SocialProfile("google", "google-" + UUID.randomUUID(), this.email, true,
				"Grace Hopper");
		this.socialSignIn.sendLinkConfirmation(profile, "Google");
		String link = TestMail.linkIn(new TestMail(this.mailbox).only(this.email, "Link Google to your account"));
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());

		MvcResult confirmed = this.mvc
			.perform(post("/signin/link/confirm").param("token", page.select("input[name=token]").val())
				.with(TestParticipants.newClient())
				.with(csrf()))
			.andExpect(flash().attribute("linkConfirmed", "google"))
			.andReturn();

		assertThat(confirmed.getResponse().getRedirectedUrl()).isEqualTo("/signin");
		Account claimed = this.repository.findById(this.squatted.id()).orElseThrow();
		assertThat(claimed.emailVerified()).isTrue();
		assertThat(claimed.hasPassword()).isFalse();
		assertThat(this.repository.identitiesOf(claimed.id())).singleElement()
			.satisfies((identity) -> assertThat(identity.provider()).isEqualTo("google"));
		this.mvc.perform(get("/account").session(this.squattersSession)).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void anEmailedLinkForASignInLinkedMeanwhileToAnotherAccountTakesNothingOver() throws Exception {
		String subject = "google-" + UUID.randomUUID();
		this.socialSignIn.sendLinkConfirmation(new SocialProfile("google", subject, this.email, true, "Grace Hopper"),
				"Google");
		String link = TestMail.linkIn(new TestMail(this.mailbox).only(this.email, "Link Google to your account"));
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		TestParticipants accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		Account other = accounts.verifiedAccount(TestParticipants.email("other"), "another long passphrase");
		accounts.link(other, "google", subject);
		Account before = accounts.reload(this.squatted);

		this.mvc
			.perform(post("/signin/link/confirm").param("token", page.select("input[name=token]").val())
				.with(TestParticipants.newClient())
				.with(csrf()))
			.andExpect(redirectedUrl("/signin"))
			.andExpect(flash().attribute("linkTaken", "google"));

		assertThat(accounts.reload(this.squatted)).isEqualTo(before);
		assertThat(this.repository.identitiesOf(this.squatted.id())).singleElement()
			.satisfies((identity) -> assertThat(identity.provider()).isEqualTo("facebook"));
		this.mvc.perform(get("/account").session(this.squattersSession)).andExpect(status().isOk());
	}

}
