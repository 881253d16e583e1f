package com.novanta.draw;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.novanta.fairness.BallotTree;
import com.novanta.fairness.Fairness;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySummary;
import com.novanta.testing.IntegrationTest;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prizes: fixed amounts per tier, the jackpot shared to the cent, the rest rolled over.
 */
@IntegrationTest
class SettlementIntegrationTests {

	static final List<Integer> WINNING = List.of(5, 17, 23, 42, 61, 88);

	@Autowired
	Winners winners;

	@Autowired
	GameCatalog games;

	@Autowired
	Clock clock;

	@Test
	void sharesTheJackpotAmongItsWinnersAndPaysFixedTiers() {
		Game game = this.games.get("daily");
		Lottery lottery = drawn("jackpot-share-" + System.nanoTime(), Map.of("daily-earlier", 123_456_789L));
		List<int[]> ballots = new ArrayList<>();
		ballots.add(new int[] { 5, 17, 23, 42, 61, 88 });
		ballots.add(new int[] { 5, 17, 23, 42, 61, 88 });
		ballots.add(new int[] { 5, 17, 23, 42, 61, 88 });
		ballots.add(new int[] { 5, 17, 23, 42, 61, 1 });
		ballots.add(new int[] { 5, 17, 2, 3, 4, 1 });
		ballots.add(new int[] { 5, 6, 7, 8, 9, 10 });
		ballots.add(new int[] { 1, 2, 3, 4, 6, 7 });

		LotterySummary summary = new Settlement(this.winners, this.clock, 2).settle(lottery, game,
				compact(lottery, ballots), () -> {
				});

		long pool = 123_456_789L + 7 * game.price() * game.jackpotShare() / 100;
		assertThat(summary.jackpot()).isEqualTo(pool);
		assertThat(summary.winnersOf(6)).isEqualTo(3);
		assertThat(summary.prizeOf(6)).isEqualTo(pool / 3);
		assertThat(summary.rolledOver()).isEqualTo(pool - 3 * (pool / 3));
		assertThat(summary.winnersOf(5)).isEqualTo(1);
		assertThat(summary.prizeOf(5)).isEqualTo(game.tierFor(5).orElseThrow().amount());
		assertThat(summary.winnersOf(2)).isEqualTo(1);
		assertThat(summary.winnersOf(1)).isZero();
		assertThat(summary.ballots()).isEqualTo(7);
		assertThat(summary.participants()).isEqualTo(2);
		assertThat(summary.totalPrizes()).isEqualTo(
				3 * (pool / 3) + game.tierFor(5).orElseThrow().amount() + game.tierFor(2).orElseThrow().amount());
		List<Winner> recorded = this.winners.ofLottery(lottery.id());
		assertThat(recorded).hasSize(5);
		assertThat(recorded).filteredOn((w) -> w.tier() == 6).allSatisfy((w) -> {
			assertThat(w.prize()).isEqualTo(pool / 3);
			assertThat(w.jackpot()).isTrue();
			assertThat(w.matched()).containsExactlyElementsOf(WINNING);
		});
	}

	@Test
	void aLotteryWithoutCarryStartsFromTheGamesJackpot() {
		Game game = this.games.get("daily");
		Lottery lottery = drawn("no-carry-" + System.nanoTime(), null);
		LotterySummary summary = new Settlement(this.winners, this.clock, 10).settle(lottery, game,
				compact(lottery, List.of(new int[] { 1, 2, 3, 4, 6, 7 })), () -> {
				});
		assertThat(summary.jackpot()).isEqualTo(game.jackpotSeed() + game.price() * game.jackpotShare() / 100);
		assertThat(summary.rolledOver()).isEqualTo(summary.jackpot());
		assertThat(summary.totalPrizes()).isZero();
	}

	private static CompactBallots compact(Lottery lottery, List<int[]> ballots) {
		CompactBallots compact = new CompactBallots(lottery.id());
		for (int i = 0; i < ballots.size(); i++) {
			compact.visit("slip-" + i, i + 1, 0, ballots.get(i), new byte[BallotTree.SALT_BYTES],
					(i < 4) ? "account-a" : "account-b");
		}
		return compact;
	}

	/**
	 * A drawn lottery that is not stored, dated the day before today: no lottery of the
	 * game is, so its winners are the only ones of that date.
	 */
	private Lottery drawn(String id, Map<String, Long> carryIn) {
		Instant now = this.clock.instant();
		LocalDate yesterday = LocalDate.ofInstant(now, this.games.get("daily").schedule().zone()).minusDays(1);
		return new Lottery(id, "daily", yesterday, now, LotteryStatus.DRAWN, "c", 7, 7, 7L, "d", now, "s", WINNING,
				WINNING, now, carryIn, null, Fairness.RECIPE, null, null);
	}

}
