package com.novanta.checker;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.novanta.draw.TestPipelines;
import com.novanta.format.Formats;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseReads;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexInfo;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checker on the embedded database, against lotteries drawn and settled by the draw
 * pipeline: what it says matched and would have been won is what was drawn and what each
 * draw's prize breakdown recorded, and a page is one indexed read of the lotteries.
 */
@IntegrationTest
class NumberCheckerIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	Game game;

	Formats formats;

	/** Three lotteries of the daily game on consecutive days, drawn; newest first. */
	List<Lottery> drawn = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.game = this.context.getBean(GameCatalog.class).get("daily");
		this.formats = Formats.of(this.context.getBean(MessageSource.class), Locale.ENGLISH, ZoneId.of("Europe/Rome"));
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery first = lotteries.open("daily");
		Lottery second = lotteries.next(first);
		Lottery third = lotteries.next(second);
		for (Lottery lottery : List.of(first, second, third)) {
			assertThat(TestPipelines.drawAtClose(this.context, lottery).isAtLeast(LotteryStatus.SETTLED)).isTrue();
			this.drawn.add(0, lotteries.reload(lottery));
		}
		// the day after the last draw: the last 30 days hold these three and no other
		// test's
		this.clock.freezeAt(third.closesAt().plusSeconds(60));
	}

	@Test
	void theWinningNumbersOfTheLatestDrawWinItsJackpotAndTheOthersWhatTheirBreakdownPaid() throws Exception {
		Lottery latest = this.drawn.get(0);
		List<Integer> line = latest.winningNumbers();

		Document page = check(line, "30");

		List<Element> rows = page.select("#check-draws > li");
		assertThat(rows).hasSize(3);
		long total = 0;
		int wins = 0;
		for (int i = 0; i < 3; i++) {
			Lottery lottery = this.drawn.get(i);
			Element row = rows.get(i);
			List<Integer> matched = lottery.winningNumbers().stream().filter(line::contains).toList();
			assertThat(row.select(".check-date a").attr("href")).isEqualTo("/lotteries/" + lottery.id());
			assertThat(row.select(".check-date").text()).isEqualTo(this.formats.shortDate(lottery.drawDate()));
			assertThat(row.select(".balls .ball > span:first-child").eachText()).as(lottery.id())
				.containsExactlyElementsOf(lottery.winningNumbers().stream().map(String::valueOf).toList());
			assertThat(row.select(".ball-matched > span:first-child").eachText()).as(lottery.id())
				.containsExactlyElementsOf(matched.stream().map(String::valueOf).toList());
			assertThat(row.select(".ball-matched .visually-hidden").eachText()).as(lottery.id())
				.isEqualTo(Collections.nCopies(matched.size(), "(matched)"));
			assertThat(row.select(".check-matches").text()).isEqualTo(matched.size() + " of 6 matched");
			String prize = row.select(".check-prize").text();
			if (i == 0) {
				// nobody played: the whole pool, as recorded
				assertThat(lottery.summary().winnersOf(6)).isZero();
				long jackpot = lottery.summary().jackpot();
				assertThat(jackpot).isPositive();
				assertThat(prize)
					.isEqualTo("Would have won " + this.formats.money(jackpot) + ", a share of the jackpot");
				total += jackpot;
				wins++;
			}
			else if (this.game.tierFor(matched.size()).isPresent()) {
				long amount = lottery.summary().prizeOf(matched.size());
				assertThat(prize).isEqualTo("Would have won " + this.formats.money(amount));
				total += amount;
				wins++;
			}
			else {
				assertThat(prize).isEqualTo("No prize");
			}
		}
		assertThat(page.select("#check-draws-checked").text()).isEqualTo("3");
		assertThat(page.select("#check-best").text()).isEqualTo("6 of 6, once");
		assertThat(page.select("#check-wins").text()).isEqualTo(String.valueOf(wins));
		assertThat(page.select("#check-total").text()).isEqualTo(this.formats.money(total));
		assertThat(page.select(".check-span").text())
			.isEqualTo("3 draws, from " + this.formats.shortDate(this.drawn.get(2).drawDate()) + " to "
					+ this.formats.shortDate(latest.drawDate()) + ".");
	}

	@Test
	void threeNumbersOfADrawWinItsFixedThirdTier() throws Exception {
		Lottery oldest = this.drawn.get(2);
		List<Integer> others = new ArrayList<>();
		this.drawn.forEach((lottery) -> others.addAll(lottery.winningNumbers()));
		List<Integer> line = new ArrayList<>(oldest.winningNumbers().subList(0, 3));
		for (int n = 1; line.size() < 6; n++) {
			if (!others.contains(n)) {
				line.add(n);
			}
		}

		Document page = check(line, "30");

		Element row = page.select("#check-draws > li").get(2);
		assertThat(row.select(".check-matches").text()).isEqualTo("3 of 6 matched");
		assertThat(oldest.summary().prizeOf(3)).isEqualTo(2_500);
		assertThat(row.select(".check-prize").text()).isEqualTo("Would have won €25.00");
		assertThat(row.select(".check-matched").text()).isEqualTo(
				"Matched: " + String.join(", ", line.subList(0, 3).stream().sorted().map(String::valueOf).toList()));
		assertThat(row.hasClass("check-won")).isTrue();
	}

	@Test
	void aCheckIsOneReadOfTheLotteriesThatTheGameAndDrawDateIndexServes() throws Exception {
		List<Integer> line = List.of(1, 2, 3, 4, 5, 6);
		try (DatabaseReads.Recording reads = DatabaseReads.finds("lotteries")) {
			check(line, "30");
			check(line, "all");

			assertThat(reads.commands()).hasSize(2);
			for (BsonDocument find : reads.commands()) {
				// the game pinned, then the draw dates as a range, newest first
				assertThat(find.getDocument("filter").keySet()).startsWith("gameId");
				assertThat(find.getDocument("sort")).isEqualTo(new BsonDocument("drawDate", new BsonInt32(-1)));
				assertThat(find.getNumber("limit").intValue()).isEqualTo(NumberChecker.MAX_DRAWS + 1);
				// its dates, numbers and prize breakdown; never a seed
				assertThat(find.getDocument("projection").keySet()).containsExactlyInAnyOrder("drawDate",
						"winningNumbers", "summary");
			}
			assertThat(reads.commands().get(0).getDocument("filter").keySet()).containsExactly("gameId", "drawDate",
					"status");
		}
		List<IndexInfo> indexes = this.mongo.indexOps("lotteries").getIndexInfo();
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.getIndexFields()).hasSize(2);
			assertThat(index.getIndexFields().get(0).getKey()).isEqualTo("gameId");
			assertThat(index.getIndexFields().get(1).getKey()).isEqualTo("drawDate");
			assertThat(index.getIndexFields().get(1).getDirection()).hasToString("DESC");
		});
	}

	@Test
	void aPeriodWithoutDrawsSaysSo() throws Exception {
		this.clock.freezeAt(this.drawn.get(0).closesAt().plusSeconds(60 * 86_400L));
		Document page = check(List.of(1, 2, 3, 4, 5, 6), "30");
		assertThat(page.select("#check-summary .empty").text())
			.isEqualTo("No draw of Novanta 6/90 in this period yet.");
		assertThat(page.select("#check-draws")).isEmpty();
	}

	private Document check(List<Integer> line, String period) throws Exception {
		return Html.parse(
				this.mvc
					.perform(get("/checker").param("game", "daily")
						.param("numbers", String.join(" ", line.stream().map(String::valueOf).toList()))
						.param("period", period))
					.andExpect(status().isOk()));
	}

}
