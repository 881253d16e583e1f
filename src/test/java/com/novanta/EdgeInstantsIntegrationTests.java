package com.novanta;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestPlayForm;
import com.novanta.draw.DrawPipeline;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryCalendar;
import com.novanta.lottery.LotteryStatus;
import com.novanta.testing.FrozenClockExtension;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A participant's whole path through the application with the clock at the instants where
 * time is hardest: seconds before the weekly and the daily close, across both
 * daylight-saving changes in Rome, and on 29 February. At each, the open lotteries are
 * listed, the play page opens, a slip goes to the lottery still open and My ballots shows
 * it; twenty seconds later the draw worker runs, and a lottery that closed in between is
 * drawn and its result shown, while one that did not close stays open until its own
 * close.
 *
 * <p>
 * Each instant is the next one after the suite's (see {@link FrozenClockExtension}), so
 * these are always days to come; run the suite with {@code -Dnovanta.test.now} set to one
 * of them to start the whole suite there. The application is one of its own: the clock
 * goes months ahead and the draw worker draws everything due.
 */
@IntegrationTest
@TestPropertySource(properties = "lottery.test.context=edge-instants")
@DirtiesContext
class EdgeInstantsIntegrationTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final Duration LATER = Duration.ofSeconds(20);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	LotteryCalendar calendar;

	@Autowired
	Lotteries lotteries;

	@Autowired
	GameCatalog games;

	@Autowired
	DrawPipeline pipeline;

	/**
	 * The edges after the suite's instant, soonest first: each leaves its lotteries
	 * drawn.
	 */
	static Stream<Edge> edges() {
		ZonedDateTime from = FrozenClockExtension.suiteInstant().atZone(ROME);
		List<Edge> edges = new ArrayList<>();
		edges.add(new Edge("10 s before the weekly close, Saturday 20:00", "saturday", true,
				next(from, (date) -> date.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)),
						LocalTime.of(19, 59, 50), null)));
		edges.add(new Edge("10 s before the daily close, midnight", "daily", true,
				next(from, Function.identity(), LocalTime.of(23, 59, 50), null)));
		Function<LocalDate, LocalDate> lastSundayOfMarch = (date) -> lastSunday(date, Month.MARCH);
		edges.add(new Edge("10 s before the clocks go forward, 02:00 of the last Sunday of March", "daily", false,
				next(from, lastSundayOfMarch, LocalTime.of(1, 59, 50), null)));
		edges.add(new Edge("10 s before the close of that 23-hour day", "daily", true,
				next(from, lastSundayOfMarch, LocalTime.of(23, 59, 50), null)));
		Function<LocalDate, LocalDate> lastSundayOfOctober = (date) -> lastSunday(date, Month.OCTOBER);
		edges.add(new Edge("10 s before the clocks go back, 03:00 summer time of the last Sunday of October", "daily",
				false, next(from, lastSundayOfOctober, LocalTime.of(2, 59, 50), ZoneOffset.ofHours(2))));
		edges.add(new Edge("10 s before 03:00 winter time, the second time the clocks show it", "daily", false,
				next(from, lastSundayOfOctober, LocalTime.of(2, 59, 50), ZoneOffset.ofHours(1))));
		edges.add(new Edge("10 s before the close of that 25-hour day", "daily", true,
				next(from, lastSundayOfOctober, LocalTime.of(23, 59, 50), null)));
		edges.add(new Edge("10 s before the close of 29 February", "daily", true,
				next(from, EdgeInstantsIntegrationTests::nextLeapDay, LocalTime.of(23, 59, 50), null)));
		return edges.stream().sorted(Comparator.comparing(Edge::at));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("edges")
	void aParticipantPlaysAndSeesTheDraw(Edge edge) throws Exception {
		Instant at = edge.at().toInstant();
		this.clock.freezeAt(at);
		// the calendar's job, which runs every ten minutes, has run
		this.calendar.ensureUpcoming();
		Game game = this.games.get(edge.gameId());
		LocalDate drawDate = game.schedule().currentDrawDate(at);
		Lottery lottery = this.lotteries.find(game.lotteryId(drawDate)).orElseThrow();
		assertThat(lottery.isOpenAt(at)).isTrue();
		assertThat(lottery.closesAt()).isEqualTo(game.schedule().closesAt(drawDate));

		// anyone sees the open lotteries, this one among them, and none that closed
		assertThat(openOnTheHomePage()).contains(lottery.id())
			.allSatisfy((id) -> assertThat(this.lotteries.find(id).orElseThrow().isOpenAt(at)).as(id).isTrue());

		// a participant opens the play page and sends a slip
		CurrentAccount player = new TestParticipants(this.context).verified("Edge Player");
		MvcResult accepted = this.mvc.perform(slip(player, lottery, game)).andReturn();
		assertThat(accepted.getResponse().getRedirectedUrl()).startsWith("/my/ballots/" + lottery.id() + ":")
			.endsWith("?accepted");
		String slipPath = accepted.getResponse().getRedirectedUrl().replace("?accepted", "");
		Element slip = mySlip(player, slipPath);
		assertThat(slip.select(".receipt a").text())
			.startsWith(game.code() + "-" + drawDate.toString().replace("-", "") + "-");
		assertThat(slip.select("tbody tr").text()).contains("Waiting for the draw");

		// twenty seconds later the draw worker runs
		this.clock.advance(LATER);
		this.pipeline.advanceDue();
		Lottery after = this.lotteries.find(lottery.id()).orElseThrow();
		if (edge.closes()) {
			assertThat(lottery.closesAt()).isBetween(at, at.plus(LATER));
			assertThat(after.status()).isEqualTo(LotteryStatus.NOTIFIED);
			assertThat(after.winningNumbers()).hasSize(game.picks());
			assertThat(mySlip(player, slipPath).select("tbody tr").text()).doesNotContain("Waiting for the draw")
				.containsAnyOf("No win", "Won");
			Document page = Html.parse(this.mvc.perform(get("/lotteries/{id}", lottery.id())).andReturn());
			assertThat(page.select("#status .balls .ball > span:first-child").eachText())
				.containsExactlyElementsOf(after.winningNumbers().stream().map(String::valueOf).toList());
			Document late = Html.parse(this.mvc.perform(slip(player, lottery, game))
				.andExpect(status().isUnprocessableEntity())
				.andReturn());
			assertThat(late.select("#rejection").text()).contains("This lottery is closed");
			// and the game's next lottery is open, and listed
			LocalDate nextDate = game.schedule().currentDrawDate(this.clock.instant());
			assertThat(nextDate).isAfter(drawDate);
			assertThat(openOnTheHomePage()).contains(game.lotteryId(nextDate)).doesNotContain(lottery.id());
		}
		else {
			// the clocks jumped, the close did not move: the lottery takes slips until
			// its
			// own midnight
			assertThat(after.status()).isEqualTo(LotteryStatus.OPEN);
			assertThat(after.closesAt()).isEqualTo(drawDate.plusDays(1).atStartOfDay(ROME).toInstant());
			assertThat(this.mvc.perform(slip(player, lottery, game)).andReturn().getResponse().getRedirectedUrl())
				.endsWith("?accepted");
			assertThat(openOnTheHomePage()).contains(lottery.id());
		}
	}

	/** The lotteries the home page offers to play. */
	private List<String> openOnTheHomePage() throws Exception {
		Document home = Html.parse(this.mvc.perform(get("/")).andExpect(status().isOk()).andReturn());
		return home.select("a[href^='/play/']").eachAttr("href").stream().map((href) -> href.substring(6)).toList();
	}

	/** Opens the play page and sends its form with one line. */
	private MockHttpServletRequestBuilder slip(CurrentAccount player, Lottery lottery, Game game) throws Exception {
		String key = TestPlayForm.key(this.mvc.perform(get("/play/{id}", lottery.id()).with(signedIn(player)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		MockHttpServletRequestBuilder submit = post("/play/{id}", lottery.id()).with(csrf())
			.with(signedIn(player))
			.param("key", key)
			.param("_lines[0].numbers", "on");
		for (int n = 1; n <= game.picks(); n++) {
			submit.param("lines[0].numbers", String.valueOf(n * 7));
		}
		return submit;
	}

	/** The slip as My ballots shows it. */
	private Element mySlip(CurrentAccount player, String slipPath) throws Exception {
		Document mine = Html
			.parse(this.mvc.perform(get("/my/ballots").with(signedIn(player))).andExpect(status().isOk()).andReturn());
		Element link = mine.selectFirst(".slip .receipt a[href='" + slipPath + "']");
		assertThat(link).as("%s in My ballots", slipPath).isNotNull();
		return link.closest(".slip");
	}

	/**
	 * The first time on or after {@code from} that is {@code time} on a day that
	 * {@code day} picks (from a date on or after the given one), at the offset given (for
	 * a time that happens twice) or the earlier one.
	 */
	private static ZonedDateTime next(ZonedDateTime from, Function<LocalDate, LocalDate> day, LocalTime time,
			ZoneOffset offset) {
		LocalDate date = day.apply(from.toLocalDate());
		while (true) {
			ZonedDateTime candidate = ZonedDateTime.ofLocal(LocalDateTime.of(date, time), ROME, offset);
			if (!candidate.isBefore(from)) {
				return candidate;
			}
			date = day.apply(date.plusDays(1));
		}
	}

	private static LocalDate lastSunday(LocalDate from, Month month) {
		LocalDate date = from.withMonth(month.getValue()).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
		return date.isBefore(from) ? lastSunday(from.withDayOfYear(1).plusYears(1), month) : date;
	}

	private static LocalDate nextLeapDay(LocalDate from) {
		int year = from.getYear();
		while (!Year.isLeap(year) || LocalDate.of(year, 2, 29).isBefore(from)) {
			year++;
		}
		return LocalDate.of(year, 2, 29);
	}

	/**
	 * An instant to run the paths at.
	 *
	 * @param name what is special about it
	 * @param gameId the game whose lottery gets the slip
	 * @param closes whether that lottery closes in the twenty seconds after
	 * @param at the instant
	 */
	record Edge(String name, String gameId, boolean closes, ZonedDateTime at) {

		@Override
		public String toString() {
			return this.name + " (" + this.at.toOffsetDateTime() + ")";
		}

	}

}
