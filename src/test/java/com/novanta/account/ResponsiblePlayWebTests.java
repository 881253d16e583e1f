package com.novanta.account;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.novanta.account.internal.Actors;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The responsible play section of the account page: limits, self-exclusion with its
 * confirmation, validation and CSRF, and what an excluded participant sees when playing.
 */
@IntegrationTest
class ResponsiblePlayWebTests {

	static final String SECTION = "/account#responsible-play";

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	MockMvc mvc;

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	CurrentAccount me;

	@BeforeEach
	void setUp() {
		this.me = new TestParticipants(this.context).verified("Emma Noether");
	}

	@Test
	void theAccountPageHasTheSectionWithNoLimitAndNoExclusion() throws Exception {
		Document page = accountPage();

		assertThat(page.select("#responsible-play h2").text()).isEqualTo("Responsible play");
		assertThat(page.select("#dailyLimit").val()).isEmpty();
		assertThat(page.select("#monthlyLimit").val()).isEmpty();
		assertThat(page.select("#exclusion-status")).isEmpty();
		assertThat(page.select("input[name=period]").eachAttr("value")).containsExactly("SIX_MONTHS", "ONE_YEAR",
				"TWO_YEARS", "FIVE_YEARS");
		assertThat(page.select("form[action='/account/limits'] input[name=_csrf]")).hasSize(1);
	}

	@Test
	void settingLimitsAppliesThemAtOnce() throws Exception {
		this.mvc.perform(limits(" 10 ", "200"))
			.andExpect(redirectedUrl(SECTION))
			.andExpect(flash().attribute("limitsSaved", "limits.saved"));

		PlayStatus status = this.restrictions.status(this.me.id());
		assertThat(status.dailyLimit()).isEqualTo(10);
		assertThat(status.monthlyLimit()).isEqualTo(200);
		Document page = accountPage();
		assertThat(page.select("#dailyLimit").val()).isEqualTo("10");
		assertThat(page.select("#monthlyLimit").val()).isEqualTo("200");
	}

	@Test
	void raisingOrRemovingALimitShowsWhenItTakesEffect() throws Exception {
		Instant start = this.clock.instant();
		this.mvc.perform(limits("10", "200"));

		this.mvc.perform(limits("20", ""))
			.andExpect(redirectedUrl(SECTION))
			.andExpect(flash().attribute("limitsSaved", "limits.saved.waiting"));

		Document page = accountPage();
		assertThat(page.select("#dailyLimit").val()).isEqualTo("10");
		assertThat(page.select("#dailyLimit-pending").text())
			.isEqualTo("Raising to 20 ballots: takes effect on " + shown(start.plus(Duration.ofHours(24))) + ".");
		assertThat(page.select("#monthlyLimit-pending").text()).startsWith("Removing this limit: takes effect on ");

		this.clock.advance(Duration.ofHours(24));
		page = accountPage();
		assertThat(page.select("#dailyLimit").val()).isEqualTo("20");
		assertThat(page.select("#monthlyLimit").val()).isEmpty();
		assertThat(page.select("#dailyLimit-pending")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1", "abc", "10001", "1.5", "1e3", "007" })
	void aLimitThatIsNotAWholeNumberFromOneToTenThousandIsExplainedAndNothingIsSaved(String value) throws Exception {
		this.restrictions.setLimits(this.me.id(), 5, null, Actors.of(this.me, null));

		Document page = Html.parse(this.mvc.perform(limits("3", value)).andExpect(status().isOk()).andReturn());

		assertThat(page.select("#monthlyLimit").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#monthlyLimit-error").text())
			.isEqualTo("Enter a whole number from 1 to 10,000, or leave it empty for no limit.");
		assertThat(page.select("#monthlyLimit").val()).isEqualTo(value);
		assertThat(page.select("#dailyLimit").attr("aria-invalid")).isEmpty();
		assertThat(page.select("#responsible-play .alert-error").text()).contains("not changed");
		assertThat(this.restrictions.status(this.me.id()).dailyLimit()).isEqualTo(5);
	}

	@Test
	void theFormsNeedTheirCsrfToken() throws Exception {
		this.mvc
			.perform(post("/account/limits").param("dailyLimit", "1").param("monthlyLimit", "").with(signedIn(this.me)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/account/exclusion").param("period", "FIVE_YEARS").with(signedIn(this.me)))
			.andExpect(status().isForbidden());

		PlayStatus status = this.restrictions.status(this.me.id());
		assertThat(status.dailyLimit()).isNull();
		assertThat(status.excluded()).isFalse();
	}

	@Test
	void signedOutVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/account/exclusion").param("period", "ONE_YEAR")).andExpect(redirectedUrl("/signin"));
		this.mvc.perform(post("/account/limits").param("dailyLimit", "1").with(csrf()))
			.andExpect(redirectedUrl("/signin"));
	}

	@Test
	void excludingOneselfFirstExplainsWhatItMeansAndChangesNothing() throws Exception {
		Instant until = this.clock.instant().atZone(ROME).plusYears(1).toInstant();

		Document page = Html
			.parse(this.mvc.perform(get("/account/exclusion").param("period", "ONE_YEAR").with(signedIn(this.me)))
				.andExpect(status().isOk())
				.andReturn());

		assertThat(page.select("h1").text()).isEqualTo("Exclude yourself from play until " + shown(until) + "?");
		assertThat(page.select(".danger-zone").text()).contains("cannot submit ballots")
			.contains("no \"no win this time\" emails")
			.contains("This cannot be undone");
		assertThat(page.select("form[action='/account/exclusion'] input[name=period]").val()).isEqualTo("ONE_YEAR");
		assertThat(page.select("form[action='/account/exclusion'] input[name=_csrf]")).hasSize(1);
		assertThat(page.select("a[href='/account#responsible-play']").text()).contains("Cancel");
		assertThat(this.restrictions.status(this.me.id()).excluded()).isFalse();
	}

	@Test
	void confirmingExcludesAtOnce() throws Exception {
		Instant until = this.clock.instant().atZone(ROME).plusMonths(6).toInstant();

		this.mvc.perform(post("/account/exclusion").param("period", "SIX_MONTHS").with(signedIn(this.me)).with(csrf()))
			.andExpect(redirectedUrl(SECTION))
			.andExpect(flash().attribute("excludedNow", true));

		PlayStatus status = this.restrictions.status(this.me.id());
		assertThat(status.excludedUntil()).isEqualTo(until);
		Document page = accountPage();
		assertThat(page.select("#exclusion-status").text())
			.startsWith("You excluded yourself from play until " + shown(until));
		assertThat(page.select("#exclusion legend").text()).isEqualTo("Extend my exclusion to");
	}

	@Test
	void anExclusionCannotBeShortenedFromThePage() throws Exception {
		Instant until = this.restrictions.exclude(this.me.id(), ExclusionPeriod.TWO_YEARS, Actors.of(this.me, null))
			.orElseThrow();

		this.mvc.perform(get("/account/exclusion").param("period", "SIX_MONTHS").with(signedIn(this.me)))
			.andExpect(redirectedUrl(SECTION))
			.andExpect(flash().attribute("exclusionProblem", "exclusion.notLonger"));
		this.mvc.perform(post("/account/exclusion").param("period", "ONE_YEAR").with(signedIn(this.me)).with(csrf()))
			.andExpect(redirectedUrl(SECTION))
			.andExpect(flash().attribute("exclusionProblem", "exclusion.notLonger"));

		assertThat(this.restrictions.status(this.me.id()).excludedUntil()).isEqualTo(until);
		this.mvc.perform(post("/account/exclusion").param("period", "FIVE_YEARS").with(signedIn(this.me)).with(csrf()))
			.andExpect(flash().attribute("excludedNow", true));
		assertThat(this.restrictions.status(this.me.id()).excludedUntil()).isAfter(until);
	}

	@Test
	void aPeriodNotOnTheListIsRefused() throws Exception {
		for (String period : new String[] { "", "ONE_MONTH", "six_months" }) {
			this.mvc.perform(post("/account/exclusion").param("period", period).with(signedIn(this.me)).with(csrf()))
				.andExpect(redirectedUrl(SECTION))
				.andExpect(flash().attribute("exclusionProblem", "exclusion.choose"));
		}
		this.mvc.perform(get("/account/exclusion").param("period", "ONE_MONTH").with(signedIn(this.me)))
			.andExpect(flash().attribute("exclusionProblem", "exclusion.choose"));

		assertThat(this.restrictions.status(this.me.id()).excluded()).isFalse();
	}

	@Test
	void anExcludedParticipantSeesWhyTheyCannotPlay() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		this.restrictions.exclude(this.me.id(), ExclusionPeriod.SIX_MONTHS, Actors.of(this.me, null));

		Document play = Html.parse(this.mvc.perform(get("/play/{id}", lottery.id()).with(signedIn(this.me)))
			.andExpect(status().isOk())
			.andReturn());
		assertThat(play.select("#excluded").text()).startsWith("You excluded yourself from play until ");
		assertThat(play.select("#play-form")).as("no grid to fill in for nothing").isEmpty();

		Document refused = Html.parse(
				this.mvc
					.perform(post("/play/{id}", lottery.id()).param("key", "k-" + this.me.id())
						.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
						.with(signedIn(this.me))
						.with(csrf()))
					.andExpect(status().isUnprocessableEntity())
					.andReturn());
		assertThat(refused.select("#rejection").text())
			.isEqualTo("You excluded yourself from play, so ballots cannot be accepted. Nothing was stored.");
		assertThat(refused.select("#excluded")).hasSize(1);

		Document choose = Html.parse(this.mvc.perform(get("/play").with(signedIn(this.me))).andReturn());
		assertThat(choose.select("#excluded")).hasSize(1);
	}

	@Test
	void aSubmissionOverTheDailyLimitIsRefusedWithHowManyAreLeft() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		this.restrictions.setLimits(this.me.id(), 2, null, Actors.of(this.me, null));

		Document refused = Html
			.parse(this.mvc.perform(play(lottery, "a", 3)).andExpect(status().isUnprocessableEntity()));
		assertThat(refused.select("#rejection").text()).isEqualTo(
				"This would go over the daily limit you set: you can add 2 more ballots today. Nothing was stored.");
		this.mvc.perform(play(lottery, "b", 1)).andExpect(status().is3xxRedirection());
		refused = Html.parse(this.mvc.perform(play(lottery, "c", 2)).andExpect(status().isUnprocessableEntity()));
		assertThat(refused.select("#rejection").text()).isEqualTo(
				"This would go over the daily limit you set: you can add 1 more ballot today. Nothing was stored.");
		this.mvc.perform(play(lottery, "d", 1)).andExpect(status().is3xxRedirection());

		refused = Html.parse(this.mvc.perform(play(lottery, "e", 1).param("lang", "it"))
			.andExpect(status().isUnprocessableEntity()));
		assertThat(refused.select("#rejection").text()).isEqualTo(
				"Supereresti il limite giornaliero che hai scelto: oggi non puoi aggiungere altre schedine. Non è stato salvato nulla.");
	}

	@Test
	void theSectionSpeaksItalian() throws Exception {
		this.restrictions.setLimits(this.me.id(), 1, 10, Actors.of(this.me, null));
		this.restrictions.setLimits(this.me.id(), 1, 20, Actors.of(this.me, null));
		this.restrictions.exclude(this.me.id(), ExclusionPeriod.SIX_MONTHS, Actors.of(this.me, null));

		Document page = Html.parse(this.mvc.perform(get("/account").param("lang", "it").with(signedIn(this.me)))
			.andExpect(status().isOk())
			.andReturn());

		assertThat(page.select("#responsible-play h2").text()).isEqualTo("Gioco responsabile");
		assertThat(page.select("#monthlyLimit-pending").text()).startsWith("Aumento a 20 schedine: vale dal ");
		assertThat(page.select("#exclusion-status").text()).startsWith("Ti sei escluso dal gioco fino al ");
	}

	private MockHttpServletRequestBuilder play(Lottery lottery, String key, int lines) {
		MockHttpServletRequestBuilder post = post("/play/{id}", lottery.id()).param("key", key + "-" + this.me.id())
			.with(signedIn(this.me))
			.with(csrf());
		for (int i = 0; i < lines; i++) {
			post.param("lines[" + i + "].numbers", "1", "2", "3", "4", "5", String.valueOf(10 + i));
		}
		return post;
	}

	private Document accountPage() throws Exception {
		return Html
			.parse(this.mvc.perform(get("/account").with(signedIn(this.me))).andExpect(status().isOk()).andReturn());
	}

	private MockHttpServletRequestBuilder limits(String daily, String monthly) {
		return post("/account/limits").param("dailyLimit", daily)
			.param("monthlyLimit", monthly)
			.with(signedIn(this.me))
			.with(csrf());
	}

	/** An instant as the pages show it to a participant of Rome, in English. */
	static String shown(Instant instant) {
		return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).format(instant.atZone(ROME));
	}

}
