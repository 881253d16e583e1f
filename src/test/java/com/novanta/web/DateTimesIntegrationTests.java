package com.novanta.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.TestSlips;
import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages say when a lottery is drawn as people say it, relative to now, in the
 * visitor's language and time zone, and write every date and time in one format per
 * language.
 */
@IntegrationTest
class DateTimesIntegrationTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	Lottery daily;

	@BeforeEach
	void setUp() {
		this.daily = new TestLotteries(this.context).open("daily");
	}

	@Test
	void theLotteryPageSaysTheDrawIsTonightAtMidnightAndTheLastMinuteToPlay() throws Exception {
		this.clock.freezeAt(this.daily.closesAt().minus(Duration.ofMinutes(3 * 60 + 4)));

		Document page = page(get("/lotteries/{id}", this.daily.id()));
		assertThat(page.select("h1").text()).isEqualTo(longDate(this.daily, Locale.ENGLISH));
		assertThat(page.title()).startsWith("Novanta 6/90, draw of " + longDate(this.daily, Locale.ENGLISH));
		assertThat(page.select("#status .draw-when").text()).isEqualTo("Draw tonight at midnight · play until 23:59");
		Element countdown = page.selectFirst("#status .countdown");
		assertThat(countdown.text()).isEqualTo("3 h 4 min");
		assertThat(countdown.attr("data-countdown-days")).isEqualTo("{0} d {1} h {2} min {3} s");
		assertThat(countdown.attr("data-countdown-minutes")).isEqualTo("{0} min {1} s");
	}

	@Test
	void inItalianTheWordsAndUnitsAreItalian() throws Exception {
		this.clock.freezeAt(this.daily.closesAt().minus(Duration.ofHours(27)));

		Document page = page(get("/lotteries/{id}", this.daily.id()).header("Accept-Language", "it-IT,it;q=0.9"));
		// a heading starts with a capital, though Italian writes the day lowercase
		String date = longDate(this.daily, Locale.ITALIAN);
		assertThat(date).matches("[a-zì]+ \\d{1,2} [a-z]+ \\d{4}");
		assertThat(page.select("h1").text()).isEqualTo(Character.toUpperCase(date.charAt(0)) + date.substring(1));
		assertThat(page.select("#status .draw-when").text())
			.isEqualTo("Estrazione domani a mezzanotte · si gioca fino alle 23:59");
		Element countdown = page.selectFirst("#status .countdown");
		assertThat(countdown.text()).isEqualTo("1 g 3 h");
		assertThat(countdown.attr("data-countdown-days")).isEqualTo("{0} g {1} h {2} min {3} s");
		assertThat(countdown.attr("data-countdown-hours")).isEqualTo("{0} h {1} min {2} s");
	}

	@Test
	void aWeeklyDrawLaterInTheWeekIsItsWeekdayAndItsConfiguredTime() throws Exception {
		Lottery saturday = new TestLotteries(this.context).open("saturday");
		// Thursday morning: Rome changes its clocks on Sundays only
		this.clock.freezeAt(saturday.closesAt().minus(Duration.ofHours(2 * 24 + 11)));

		assertThat(page(get("/lotteries/{id}", saturday.id())).select("#status .draw-when").text())
			.isEqualTo("Draw Saturday at 20:00 · play until 19:59");
		assertThat(
				page(get("/lotteries/{id}", saturday.id()).header("Accept-Language", "it")).select("#status .draw-when")
					.text())
			.isEqualTo("Estrazione sabato alle 20:00 · si gioca fino alle 19:59");
	}

	@Test
	void theHomeAndPlayPagesSayItTooAndMyBallotsWritesTheShortFormat() throws Exception {
		CurrentAccount player = new TestParticipants(this.context).verified("Tina Tonight");
		this.clock.freezeAt(this.daily.closesAt().minus(Duration.ofMinutes(3 * 60 + 4)));
		BallotSlip slip = new TestSlips(this.context).play(player, this.daily, 1, 2, 3, 4, 5, 6);

		Element card = page(get("/")).selectFirst("[data-lottery=" + this.daily.id() + "]");
		assertThat(card).isNotNull();
		assertThat(card.select(".draw-when").text()).isEqualTo("Draw tonight at midnight · play until 23:59");

		Document play = page(get("/play/{id}", this.daily.id()).with(signedIn(player)));
		assertThat(play.select(".draw-when").text()).isEqualTo("Draw tonight at midnight · play until 23:59");

		Element mine = page(get("/my/ballots").with(signedIn(player)))
			.selectFirst("article.slip:has(a[href=/lotteries/" + this.daily.id() + "])");
		assertThat(mine.select(".slip-meta").text()).isEqualTo("Accepted " + shortDateTime(slip.submittedAt()));
		assertThat(shortDateTime(slip.submittedAt())).matches("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2}");
	}

	@Test
	void timesAreInTheParticipantsTimeZone() throws Exception {
		CurrentAccount inRome = new TestParticipants(this.context).verified("Nora New-York");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(inRome.id())),
				new Update().set("timeZone", "America/New_York"), "accounts");
		CurrentAccount inNewYork = new CurrentAccount(inRome.id(), inRome.email(), inRome.name(), inRome.roles(),
				inRome.emailVerified(), "America/New_York", inRome.language(), inRome.sessionEpoch(), null,
				inRome.active());
		// 20:56 in Rome is 14:56 in New York; midnight in Rome is 18:00 there, or 19:00
		// in the weeks of March and October when one has changed its clocks and the
		// other not yet (the lottery's date depends on the tests that ran before)
		this.clock.freezeAt(this.daily.closesAt().minus(Duration.ofMinutes(3 * 60 + 4)));
		LocalTime draw = this.daily.closesAt().atZone(ZoneId.of("America/New_York")).toLocalTime();

		assertThat(draw.getHour()).isIn(18, 19);
		assertThat(page(get("/lotteries/{id}", this.daily.id()).with(signedIn(inNewYork))).select("#status .draw-when")
			.text()).isEqualTo("Draw tonight at %s · play until %s".formatted(draw, draw.minusMinutes(1)));
	}

	@Test
	void aDrawnLotterySaysWhenItWasDrawn() throws Exception {
		TestPipelines.drawAtClose(this.context, this.daily);
		this.clock.freezeAt(this.daily.closesAt().plus(Duration.ofHours(9)));

		assertThat(page(get("/lotteries/{id}", this.daily.id())).select("#status .drawn-when").text())
			.isEqualTo("Drawn last night at midnight");
		assertThat(page(get("/lotteries/{id}", this.daily.id()).header("Accept-Language", "it"))
			.select("#status .drawn-when")
			.text()).isEqualTo("Estratti stanotte a mezzanotte");
	}

	private Document page(MockHttpServletRequestBuilder request) throws Exception {
		return Html.parse(this.mvc.perform(request).andExpect(status().isOk()));
	}

	private static String longDate(Lottery lottery, Locale locale) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(lottery.drawDate());
	}

	private static String shortDateTime(Instant instant) {
		return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH).format(instant.atZone(ROME));
	}

}
