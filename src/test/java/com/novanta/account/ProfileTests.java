package com.novanta.account;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.Identity;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The participant's own account page: details, password, sign-ins, deletion. */
@IntegrationTest
class ProfileTests {

	static final String PASSWORD = "a long passphrase";

	static final String NEW_PASSWORD = "an even longer passphrase";

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

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.account = this.accounts.verifiedAccount(TestParticipants.email("profile"), PASSWORD);
	}

	@Test
	void showsTheAccountsDetails() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/account").with(signedIn())).andExpect(status().isOk()).andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Your account");
		assertThat(page.select("#name").val()).isEqualTo("Ada Lovelace");
		assertThat(page.select("#city").val()).isEqualTo("Turin");
		assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("Europe/Rome");
		assertThat(page.select(".plain-list li").text()).contains("Email and password");
	}

	@Test
	void savesTheDetails() throws Exception {
		// the "no win" choice moved to the notifications section: the details leave it
		this.mvc.perform(updateProfile("  Ada King ", "London", "Europe/London", "it").param("noWinEmails", "false"))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("saved", true));

		Account saved = this.accounts.reload(this.account);
		assertThat(saved.name()).isEqualTo("Ada King");
		assertThat(saved.city()).isEqualTo("London");
		assertThat(saved.timeZone()).isEqualTo("Europe/London");
		assertThat(saved.language()).isEqualTo("it");
		assertThat(saved.noWinEmails()).isTrue();
	}

	@Test
	void aBlankCityIsRemoved() throws Exception {
		this.mvc.perform(updateProfile("Ada", "   ", "UTC", "en")).andExpect(redirectedUrl("/account"));

		assertThat(this.accounts.reload(this.account).city()).isNull();
		assertThat(this.accounts.reload(this.account).timeZone()).isEqualTo("UTC");
	}

	@Test
	void anUnknownTimeZoneIsExplainedAndNothingIsSaved() throws Exception {
		for (String zone : new String[] { "Mars/Olympus_Mons", "", "GMT+2", "Etc/GMT-3", "europe/rome", "US/Pacific",
				"Asia/Calcutta", "SystemV/AST4", "+01:00", "Z", "Europe/Rome\u0000", "Europe/Rome ",
				"<script>alert(1)</script>", "Europe/" + "x".repeat(10_000) }) {
			Document page = Html.parse(this.mvc.perform(updateProfile("Ada King", "London", zone, "en"))
				.andExpect(status().isOk())
				.andReturn());

			assertThat(page.select("#timeZone").attr("aria-invalid")).as(zone).isEqualTo("true");
			assertThat(page.select("#timeZone").first().parent().select(".error").text()).as(zone)
				.isEqualTo("Choose a time zone from the list.");
			assertThat(page.select("#timeZone").attr("aria-describedby")).as(zone).contains("timeZone-error");
			assertThat(page.select("#timeZone optgroup")).as(zone).hasSizeGreaterThan(5);
		}
		Account unchanged = this.accounts.reload(this.account);
		assertThat(unchanged.timeZone()).isEqualTo("Europe/Rome");
		assertThat(unchanged.name()).isEqualTo("Ada Lovelace");
		assertThat(unchanged.city()).isEqualTo("Turin");
	}

	@Test
	void theTimeZonesAreGroupedByRegionCommonOnesFirstWithTheirOffsetNow() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/account").with(signedIn())).andExpect(status().isOk()).andReturn());

		assertThat(page.select("#timeZone > optgroup").eachAttr("label")).startsWith("Common time zones", "Europe",
				"Americas", "Asia", "Africa", "Australia and the Pacific");
		assertThat(page.select("#timeZone > optgroup").first().select("option").first().text())
			.isEqualTo("Rome (UTC" + ZoneId.of("Europe/Rome").getRules().getOffset(this.clock.instant()) + ")");
		assertThat(page.select("#timeZone option[selected]")).singleElement()
			.satisfies((option) -> assertThat(option.val()).isEqualTo("Europe/Rome"));
		List<String> offered = page.select("#timeZone option").eachAttr("value");
		assertThat(offered).doesNotContain("US/Pacific", "Etc/GMT+3", "Asia/Calcutta", "Europe/Kiev", "SystemV/AST4")
			.contains("Europe/Kyiv", "Asia/Kolkata", "America/Argentina/Buenos_Aires")
			.allSatisfy((id) -> assertThat(id).matches("UTC|[A-Z][a-z]+/[A-Za-z0-9_/+-]+"))
			.hasSizeLessThan(450);
		assertThat(page.select("#timeZone option").eachText())
			.allSatisfy((label) -> assertThat(label).matches(".+ \\(UTC[+-]\\d\\d:\\d\\d\\)|UTC"));
		// every zone offered is accepted
		this.mvc.perform(updateProfile("Ada", "Turin", "America/Argentina/Buenos_Aires", "en"))
			.andExpect(redirectedUrl("/account"));
		page = Html.parse(this.mvc.perform(get("/account").with(signedIn())).andReturn());
		assertThat(page.select("#timeZone > optgroup").first().select("option[selected]").text())
			.startsWith("Buenos Aires, Argentina (UTC");
	}

	@Test
	void anOldZoneTheAccountHasIsKeptWhenTheRestIsSaved() throws Exception {
		this.repository.update(this.account.id(), new Update().set("timeZone", "Asia/Calcutta"));
		Document page = Html
			.parse(this.mvc.perform(get("/account").with(signedIn())).andExpect(status().isOk()).andReturn());
		assertThat(page.select("#timeZone > optgroup").first().select("option[selected]").val())
			.isEqualTo("Asia/Calcutta");

		this.mvc.perform(updateProfile("Ada King", "Turin", "Asia/Calcutta", "en"))
			.andExpect(redirectedUrl("/account"));
		assertThat(this.accounts.reload(this.account).name()).isEqualTo("Ada King");
		assertThat(this.accounts.reload(this.account).timeZone()).isEqualTo("Asia/Calcutta");

		// once they choose another, the old name is no longer theirs to choose
		this.mvc.perform(updateProfile("Ada King", "Turin", "Asia/Kolkata", "en")).andExpect(redirectedUrl("/account"));
		this.mvc.perform(updateProfile("Ada King", "Turin", "Asia/Calcutta", "en")).andExpect(status().isOk());
		assertThat(this.accounts.reload(this.account).timeZone()).isEqualTo("Asia/Kolkata");
	}

	@Test
	void aBlankNameOrAnUnknownLanguageIsExplainedAndNothingIsSaved() throws Exception {
		Document page = Html.parse(this.mvc.perform(updateProfile(" ", "London", "Europe/London", "fr"))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("#name-error").text()).isEqualTo("Enter your name.");
		assertThat(this.accounts.reload(this.account).name()).isEqualTo("Ada Lovelace");
		assertThat(this.accounts.reload(this.account).language()).isEqualTo("en");
	}

	@Test
	void aPostTheFormCannotHaveSentIsABadRequest() throws Exception {
		// the notifications always send a threshold per game with a jackpot, and the
		// "no win" box its marker
		this.mvc
			.perform(post("/account/notifications").param("closing", "daily")
				.param("noWinEmails", "false")
				.with(signedIn())
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/account/notifications").param("noWinEmails", "maybe")
				.param("thresholds[0]", "")
				.param("thresholds[1]", "")
				.with(signedIn())
				.with(csrf()))
			.andExpect(status().isBadRequest());

		assertThat(this.accounts.reload(this.account).noWinEmails()).isTrue();
		assertThat(this.accounts.reload(this.account).reminders()).isEqualTo(Reminders.NONE);
	}

	@Test
	void changingThePasswordEndsTheOtherSessionsButKeepsThisOne() throws Exception {
		MockHttpSession here = signIn(PASSWORD);
		MockHttpSession elsewhere = signIn(PASSWORD);
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(status().isOk());

		this.mvc
			.perform(post("/account/password").session(here)
				.param("currentPassword", PASSWORD)
				.param("password", NEW_PASSWORD)
				.param("confirmation", NEW_PASSWORD)
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("passwordChanged", true));

		this.mvc.perform(get("/account").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/signin"));
		assertThat(this.mvc
			.perform(post("/signin").param("email", this.account.email())
				.param("password", PASSWORD)
				.with(this.client)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/signin?error");
		signIn(NEW_PASSWORD);
		assertThat(new TestMail(this.mailbox).only(this.account.email(), "Your password was changed")).isNotNull();
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() throws Exception {
		Document page = changePassword("not my password", NEW_PASSWORD, NEW_PASSWORD);

		assertThat(page.select("#password .alert-error").text()).isEqualTo("Your current password is not right.");
		assertThat(this.accounts.reload(this.account).passwordHash()).isEqualTo(this.account.passwordHash());
	}

	@Test
	void aNewPasswordMustFollowTheRulesAndBeTypedTwice() throws Exception {
		assertThat(changePassword(PASSWORD, "short", "short").select("#password .alert-error").text())
			.isEqualTo("Use at least 8 characters.");
		assertThat(changePassword(PASSWORD, "qwertyuiop", "qwertyuiop").select("#password .alert-error").text())
			.startsWith("That password is one of the most common ones");
		assertThat(changePassword(PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!").select("#password .alert-error").text())
			.isEqualTo("The two passwords are not the same.");
		assertThat(this.accounts.reload(this.account).passwordHash()).isEqualTo(this.account.passwordHash());
	}

	@Test
	void deletingTheAccountRemovesThePersonalDataAndSignsOut() throws Exception {
		this.accounts.link(this.account, "google", "google-subject-" + this.account.id());
		MockHttpSession session = signIn(PASSWORD);
		MockHttpSession elsewhere = signIn(PASSWORD);

		this.mvc.perform(
				post("/account/delete").session(session).param("confirmation", PASSWORD).with(this.client).with(csrf()))
			.andExpect(redirectedUrl("/?deleted"));

		Account deleted = this.accounts.reload(this.account);
		assertThat(deleted.status()).isEqualTo(AccountStatus.DELETED);
		assertThat(deleted.email()).isEqualTo("deleted+" + this.account.id() + "@invalid");
		assertThat(deleted.name()).isEmpty();
		assertThat(deleted.city()).isNull();
		assertThat(deleted.passwordHash()).isNull();
		assertThat(deleted.emailVerified()).isFalse();
		assertThat(this.repository.identitiesOf(this.account.id())).isEmpty();
		assertThat(this.repository.findByEmail(this.account.email())).isEmpty();
		assertThat(session.isInvalid()).isTrue();
		this.mvc.perform(get("/account").session(elsewhere)).andExpect(redirectedUrl("/signin"));
		assertThat(this.mvc
			.perform(post("/signin").param("email", this.account.email())
				.param("password", PASSWORD)
				.with(this.client)
				.with(csrf()))
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).isEqualTo("/signin?error");
	}

	@Test
	void deletingNeedsThePassword() throws Exception {
		this.mvc
			.perform(post("/account/delete").param("confirmation", "not my password")
				.with(signedIn())
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/account#delete"))
			.andExpect(flash().attribute("deleteRefused", true));

		assertThat(this.accounts.reload(this.account).status()).isEqualTo(AccountStatus.ACTIVE);
	}

	@Test
	void anAccountWithoutPasswordIsDeletedByTypingItsEmail() throws Exception {
		Account social = this.accounts.socialOnlyAccount(TestParticipants.email("social"), "google",
				"sub-" + this.account.id());

		this.mvc
			.perform(post("/account/delete").param("confirmation", "someone@else.com")
				.with(TestParticipants.signedIn(social))
				.with(csrf()))
			.andExpect(redirectedUrl("/account#delete"));
		this.mvc
			.perform(post("/account/delete").param("confirmation", social.email().toUpperCase(Locale.ROOT))
				.with(TestParticipants.signedIn(social))
				.with(csrf()))
			.andExpect(redirectedUrl("/?deleted"));

		assertThat(this.accounts.reload(social).status()).isEqualTo(AccountStatus.DELETED);
	}

	@Test
	void theOnlyWayToSignInCannotBeUnlinked() throws Exception {
		Account social = this.accounts.socialOnlyAccount(TestParticipants.email("social"), "google",
				"sub-" + this.account.id());

		this.mvc.perform(post("/account/identities/google/unlink").with(TestParticipants.signedIn(social)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("unlinkRefused", true));

		assertThat(this.repository.identitiesOf(social.id())).extracting(Identity::provider).containsExactly("google");
		Document page = Html.parse(this.mvc
			.perform(get("/account").with(TestParticipants.signedIn(social)).flashAttr("unlinkRefused", true))
			.andReturn());
		assertThat(page.select(".alert-error").text()).startsWith("You cannot remove your only way to sign in.");
	}

	@Test
	void aSignInCanBeUnlinkedWhileAnotherWayInRemains() throws Exception {
		Account social = this.accounts.socialOnlyAccount(TestParticipants.email("social"), "google",
				"g-" + this.account.id());
		this.accounts.link(social, "facebook", "f-" + this.account.id());

		this.mvc.perform(post("/account/identities/google/unlink").with(TestParticipants.signedIn(social)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("unlinked", "google"));
		this.mvc
			.perform(post("/account/identities/facebook/unlink").with(TestParticipants.signedIn(social)).with(csrf()))
			.andExpect(flash().attribute("unlinkRefused", true));

		assertThat(this.repository.identitiesOf(social.id())).extracting(Identity::provider)
			.containsExactly("facebook");
	}

	@Test
	void anAccountWithAPasswordCanUnlinkItsLastProvider() throws Exception {
		this.accounts.link(this.account, "google", "g2-" + this.account.id());

		this.mvc.perform(post("/account/identities/google/unlink").with(signedIn()).with(csrf()))
			.andExpect(flash().attribute("unlinked", "google"));

		assertThat(this.repository.identitiesOf(this.account.id())).isEmpty();
	}

	@Test
	void anUnverifiedAccountCanAskForANewLinkButNotTooOften() throws Exception {
		Account unverified = this.accounts.unverifiedAccount(TestParticipants.email("unverified"), PASSWORD);

		this.mvc.perform(post("/account/verify/resend").with(TestParticipants.signedIn(unverified)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("verificationResent", true));
		this.mvc.perform(post("/account/verify/resend").with(TestParticipants.signedIn(unverified)).with(csrf()))
			.andExpect(redirectedUrl("/account"))
			.andExpect(flash().attribute("verificationTooMany", true));

		assertThat(new TestMail(this.mailbox).to(unverified.email())).hasSize(1);
	}

	private RequestPostProcessor signedIn() {
		return TestParticipants.signedIn(this.account);
	}

	private MockHttpServletRequestBuilder updateProfile(String name, String city, String timeZone, String language) {
		return post("/account").param("name", name)
			.param("city", city)
			.param("timeZone", timeZone)
			.param("language", language)
			.with(signedIn())
			.with(this.client)
			.with(csrf());
	}

	private Document changePassword(String current, String password, String confirmation) throws Exception {
		return Html.parse(
				this.mvc
					.perform(post("/account/password").param("currentPassword", current)
						.param("password", password)
						.param("confirmation", confirmation)
						.with(signedIn())
						.with(this.client)
						.with(csrf()))
					.andExpect(status().isOk())
					.andReturn());
	}

	private MockHttpSession signIn(String password) throws Exception {
		return TestParticipants.signInThroughForm(this.mvc, this.account.email(), password, this.client);
	}

}
