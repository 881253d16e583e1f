package com.novanta.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lottery;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.FrozenClockExtension;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.commons.csv.CSVRecord;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A game's feeds on the embedded database, read by real parsers: its Atom feed and its
 * CSV say what the draw pipeline drew and recorded, its calendar the draws to come; the
 * results, lottery and statistics pages announce the game's feed and the results page
 * links to all of them.
 */
@IntegrationTest
class FeedsIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	OpenResultsFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = new OpenResultsFixture(this.context);
	}

	@Test
	void theAtomFeedHasTheLatestDrawsNewestFirst() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/feeds/daily/atom.xml"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
		assertThat(response.getHeader(HttpHeaders.VARY)).contains("Accept-Language");
		Feed feed = AtomFeeds.parse(response.getContentAsString());

		assertThat(feed.getTitle()).isEqualTo("Novanta 6/90 results");
		assertThat(feed.getEntries()).hasSizeLessThanOrEqualTo(OpenResults.FEED_ENTRIES);
		for (int i = 0; i < 3; i++) {
			Lottery lottery = this.fixture.drawn.get(i);
			Entry entry = feed.getEntries().get(i);
			assertThat(entry.getId()).isEqualTo(AtomFeed.id("lottery:" + lottery.id()));
			assertThat(entry.getAlternateLinks().get(0).getHref())
				.isEqualTo("http://localhost/lotteries/" + lottery.id());
			assertThat(entry.getUpdated().toInstant()).isEqualTo(lottery.drawnAt().truncatedTo(ChronoUnit.SECONDS));
			String numbers = String.join(", ", lottery.winningNumbers().stream().map(String::valueOf).toList());
			assertThat(entry.getSummary().getValue()).startsWith("Winning numbers: " + numbers + "\n");
		}
		assertThat(feed.getEntries().get(0).getSummary().getValue())
			.contains("3 numbers matched: 1 winner, €25.00 each");
		assertThat(feed.getUpdated().toInstant()).isEqualTo(feed.getEntries().get(0).getUpdated().toInstant());

		Feed italian = AtomFeeds
			.parse(this.mvc.perform(get("/feeds/daily/atom.xml").header(HttpHeaders.ACCEPT_LANGUAGE, "it"))
				.andReturn()
				.getResponse()
				.getContentAsString());
		assertThat(italian.getTitle()).isEqualTo("Risultati di Novanta 6/90");
	}

	@Test
	void theCsvHasEveryDrawOldestFirstAsAnAttachment() throws Exception {
		MockHttpServletResponse response = this.mvc.perform(get("/feeds/daily/draws.csv"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(response.getHeader(HttpHeaders.CONTENT_DISPOSITION))
			.isEqualTo("attachment; filename=\"novanta-daily-draws.csv\"");
		List<CSVRecord> rows = HistoryCsvTests.parse(response.getContentAsString());
		List<String> ids = rows.stream().map((row) -> row.get("lottery")).toList();
		assertThat(ids.subList(ids.size() - 3, ids.size())).containsExactly(this.fixture.drawn.get(2).id(),
				this.fixture.drawn.get(1).id(), this.fixture.drawn.get(0).id());
		assertThat(ids).isSortedAccordingTo((a,
				b) -> rows.get(ids.indexOf(a)).get("draw_date").compareTo(rows.get(ids.indexOf(b)).get("draw_date")));
		CSVRecord newest = rows.get(rows.size() - 1);
		Lottery lottery = this.fixture.newest();
		assertThat(Instant.parse(newest.get("draw_time_utc"))).isEqualTo(lottery.closesAt());
		for (int i = 0; i < 6; i++) {
			assertThat(newest.get("number_" + (i + 1))).isEqualTo(String.valueOf(lottery.winningNumbers().get(i)));
		}
		assertThat(newest.get("ballots")).isEqualTo("1");
		assertThat(newest.get("winners_3")).isEqualTo("1");
		assertThat(newest.get("prize_3_cents")).isEqualTo("2500");
		assertThat(newest.get("jackpot_cents")).isEqualTo(String.valueOf(lottery.summary().jackpot()));
	}

	@Test
	void theCalendarHasTheDrawsToComeFromTheLotteryOpenNow() throws Exception {
		this.clock.freezeAt(FrozenClockExtension.suiteInstant());
		MockHttpServletResponse response = this.mvc.perform(get("/feeds/saturday/calendar.ics"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();
		assertThat(response.getContentType()).isEqualTo("text/calendar;charset=UTF-8");
		Calendar calendar = Calendars.parse(response.getContentAsString());
		Game saturday = this.context.getBean(GameCatalog.class).get("saturday");
		List<VEvent> events = Calendars.events(calendar);
		assertThat(events).hasSize(2);
		LocalDate next = saturday.schedule().currentDrawDate(this.clock.instant());
		assertThat(Calendars.value(events.get(0), "UID")).isEqualTo(saturday.lotteryId(next) + "@novanta");
		assertThat(Calendars.instant(events.get(0), "DTSTART")).isEqualTo(saturday.schedule().closesAt(next))
			.isAfter(this.clock.instant());
		assertThat(Calendars.value(events.get(0), "SUMMARY")).isEqualTo("Sabato 5/50 draw");
		assertThat(Calendars.value(events.get(0), "URL"))
			.isEqualTo("http://localhost/lotteries/" + saturday.lotteryId(next));
		assertThat(Calendars.value(events.get(1), "UID")).isEqualTo(saturday.lotteryId(next.plusDays(7)) + "@novanta");
	}

	@Test
	void anUnknownGameHasNoFeeds() throws Exception {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		for (String path : List.of("/feeds/bingo/atom.xml", "/feeds/bingo/draws.csv", "/feeds/bingo/calendar.ics",
				"/feeds/daily/other.xml")) {
			String body = this.mvc.perform(get(path))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("Exception").doesNotContain("\tat ");
		}
		before.assertUnchanged();
	}

	@Test
	void thePagesOfAGameAnnounceItsFeed() throws Exception {
		assertThat(alternates("/lotteries")).containsExactly("/feeds/daily/atom.xml", "/feeds/saturday/atom.xml");
		assertThat(alternates("/lotteries?game=saturday")).containsExactly("/feeds/saturday/atom.xml");
		assertThat(alternates("/lotteries/" + this.fixture.newest().id())).containsExactly("/feeds/daily/atom.xml");
		assertThat(alternates("/statistics?game=saturday")).containsExactly("/feeds/saturday/atom.xml");
		assertThat(alternates("/statistics")).containsExactly("/feeds/daily/atom.xml");
		assertThat(alternates("/checker")).isEmpty();
		Document page = Html.parse(this.mvc.perform(get("/lotteries")).andReturn().getResponse().getContentAsString());
		assertThat(page.select("head link[rel=alternate]").eachAttr("title")).containsExactly("Novanta 6/90 results",
				"Sabato 5/50 results");
	}

	@Test
	void theResultsPageLinksToEveryFeedOfEveryGame() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/lotteries")).andReturn().getResponse().getContentAsString());
		assertThat(page.select("#feeds h2").text()).isEqualTo("Open results");
		assertThat(page.select("#feeds-daily h3").text()).isEqualTo("Results of Novanta 6/90");
		assertThat(page.select("#feeds-daily a").eachAttr("href")).containsExactly("/api/v1/games/daily/latest",
				"/api/v1/games/daily/draws", "/feeds/daily/atom.xml", "/feeds/daily/draws.csv",
				"webcal://localhost/feeds/daily/calendar.ics", "/feeds/daily/calendar.ics");
		assertThat(page.select("#feeds-daily a").eachText()).containsExactly("Latest draw (JSON)", "All draws (JSON)",
				"Atom feed", "History (CSV)", "Add the draws to your calendar", "Calendar file (iCalendar)");
		assertThat(page.select("#feeds-saturday a.feed-webcal").attr("href"))
			.isEqualTo("webcal://localhost/feeds/saturday/calendar.ics");
		assertThat(page.select("#feeds a.feed-openapi").attr("href")).isEqualTo("/api/v1/openapi.json");

		Document chosen = Html
			.parse(this.mvc.perform(get("/lotteries?game=saturday")).andReturn().getResponse().getContentAsString());
		assertThat(chosen.select(".feeds-game").eachAttr("id")).containsExactly("feeds-saturday");

		Document italian = Html.parse(
				this.mvc.perform(get("/lotteries").param("lang", "it")).andReturn().getResponse().getContentAsString());
		assertThat(italian.select("#feeds h2").text()).isEqualTo("Risultati aperti");
		assertThat(italian.select("#feeds-daily a.feed-webcal").text())
			.isEqualTo("Aggiungi le estrazioni al tuo calendario");
	}

	private List<String> alternates(String path) throws Exception {
		Document page = Html.parse(
				this.mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(page.select("body link[rel=alternate]")).isEmpty();
		return page.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href");
	}

}
