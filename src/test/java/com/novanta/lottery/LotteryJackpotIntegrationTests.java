package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The jackpot shown before a draw: known once every earlier lottery of the game is
 * settled (what rolled over into it is known then), and the prize table with the odds.
 */
@IntegrationTest
class LotteryJackpotIntegrationTests {

	/**
	 * A game of its own, so that no lottery of the calendar comes before its lotteries.
	 */
	private final Game game = new Game("jackpot-test", "J", "Jackpot test", 6, 90,
			DrawSchedule.daily(LocalTime.MIDNIGHT, ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.jackpot(6), PrizeTier.fixed(2, 100)), 100_000_000L, 30);

	@Autowired
	Lotteries lotteries;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void removeTheGamesLotteries() {
		this.mongo.remove(Query.query(Criteria.where("gameId").is(this.game.id())), LotteryDocument.class);
	}

	@Test
	void theJackpotIsKnownOnceEveryEarlierLotteryOfTheGameIsSettled() {
		Lottery first = insert(LocalDate.of(2090, 1, 1), LotteryStatus.SETTLED, 0, null);
		Lottery second = insert(LocalDate.of(2090, 1, 2), LotteryStatus.OPEN, 40, Map.of(first.id(), 250_000_000L));
		Lottery third = insert(LocalDate.of(2090, 1, 3), LotteryStatus.OPEN, 5, null);

		// 2,500,000.00 rolled over + 40 ballots x 1.00 x 30 %
		assertThat(this.lotteries.jackpotNow(second, this.game)).contains(250_000_000L + 1_200L);
		// what the second rolls over is not known before it is settled
		assertThat(this.lotteries.jackpotNow(third, this.game)).isEmpty();
	}

	@Test
	void aLotteryWithNothingBeforeItStartsFromTheGamesJackpotAndAClosedOneHasNoneToShow() {
		Lottery first = insert(LocalDate.of(2090, 2, 1), LotteryStatus.OPEN, 0, null);
		assertThat(this.lotteries.jackpotNow(first, this.game)).contains(100_000_000L);
		Lottery closed = insert(LocalDate.of(2090, 1, 31), LotteryStatus.CLOSED, 0, null);
		assertThat(this.lotteries.jackpotNow(closed, this.game)).isEmpty();
		// and the lottery after it waits for it
		assertThat(this.lotteries.jackpotNow(first, this.game)).isEmpty();
	}

	@Test
	void theLotteryPageListsThePrizesWithTheOddsOfEach() throws Exception {
		Lottery later = new TestLotteries(this.context).open("daily");
		Document page = Html.parse(this.mvc.perform(get("/lotteries/{id}", later.id())).andExpect(status().isOk()));
		assertThat(page.select(".prize-table tbody tr").eachText()).containsExactly(
				"6 of 6 A share of the jackpot 1 in 622,614,630", "5 of 6 €50,000.00 1 in 1,235,346",
				"4 of 6 €500.00 1 in 11,907", "3 of 6 €25.00 1 in 327", "2 of 6 €1.00 1 in 22");
		assertThat(page.select(".prize-table tfoot tr").text()).isEqualTo("Any prize 1 in 20");

		Document italian = Html
			.parse(this.mvc.perform(get("/lotteries/{id}", later.id()).param("lang", "it")).andExpect(status().isOk()));
		assertThat(italian.select(".prize-table tbody tr").first().text())
			.isEqualTo("6 su 6 Una quota del jackpot 1 su 622.614.630");
	}

	private Lottery insert(LocalDate date, LotteryStatus status, long ballots, Map<String, Long> carryIn) {
		Instant closes = date.atStartOfDay(ZoneId.of("Europe/Rome")).toInstant();
		return this.mongo
			.insert(new LotteryDocument(this.game.lotteryId(date), this.game.id(), date, closes, status, "c", ballots,
					ballots, null, null, null, null, null, null, null, carryIn, null, null, null, null, null, closes, 2,
					null, null))
			.view();
	}

}
