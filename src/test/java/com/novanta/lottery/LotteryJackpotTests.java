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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LotteryJackpotTests {

	private static final Instant CLOSE = Instant.parse("2026-12-01T23:00:00Z");

	private final Game game = game(List.of(PrizeTier.jackpot(6), PrizeTier.fixed(2, 100)));

	@Test
	void anOpenLotteryWithNothingCarriedInStartsFromTheGamesJackpotPlusItsShareOfTheBallotsSoFar() {
		// 1,000,000.00 + 40 ballots x 1.00 x 30 %
		assertThat(open(40, null).jackpotSoFar(this.game)).isEqualTo(100_000_000L + 1_200L);
		assertThat(open(0, Map.of()).jackpotSoFar(this.game)).isEqualTo(100_000_000L);
	}

	@Test
	void whatRolledOverReplacesTheStartingJackpot() {
		Lottery lottery = open(10, Map.of("daily-2026-11-30", 150_000_000L, "daily-2026-11-29", 1L));
		assertThat(lottery.jackpotSoFar(this.game)).isEqualTo(150_000_001L + 300L);
		assertThat(lottery.jackpot(this.game, 20)).isEqualTo(150_000_001L + 600L);
	}

	@Test
	void aGameWithoutAJackpotTierHasNoJackpot() {
		assertThat(open(40, null).jackpotSoFar(game(List.of(PrizeTier.fixed(2, 100))))).isZero();
	}

	private static Lottery open(long ballots, Map<String, Long> carryIn) {
		return new Lottery("daily-2026-12-02", "daily", LocalDate.of(2026, 12, 2), CLOSE, LotteryStatus.OPEN, "c",
				ballots, ballots, null, null, null, null, null, null, null, carryIn, null, 2, null, null);
	}

	private static Game game(List<PrizeTier> tiers) {
		return new Game("daily", "D", "Novanta 6/90", 6, 90,
				DrawSchedule.daily(LocalTime.MIDNIGHT, ZoneId.of("Europe/Rome")), 7, 100, tiers, 100_000_000L, 30);
	}

}
