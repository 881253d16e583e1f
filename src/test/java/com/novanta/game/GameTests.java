package com.novanta.game;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GameTests {

	private final Game game = new Game("daily", "D", "Novanta", 6, 90,
			DrawSchedule.daily(LocalTime.MIDNIGHT, ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.fixed(2, 100), PrizeTier.jackpot(6), PrizeTier.fixed(4, 50_000)), 100_000_000, 30);

	@Test
	void findsTheTierForEachNumberOfMatches() {
		assertThat(this.game.tierFor(6)).map(PrizeTier::isJackpot).contains(true);
		assertThat(this.game.tierFor(4)).map(PrizeTier::amount).contains(50_000L);
		assertThat(this.game.tierFor(3)).isEmpty();
		assertThat(this.game.tierFor(0)).isEmpty();
		assertThat(this.game.lowestWinningMatches()).isEqualTo(2);
		assertThat(this.game.tiers()).extracting(PrizeTier::matches).containsExactly(6, 4, 2);
	}

	@Test
	void namesItsLotteriesByGameAndDate() {
		assertThat(this.game.lotteryId(LocalDate.of(2026, 11, 25))).isEqualTo("daily-2026-11-25");
	}

	@Test
	void refusesImpossibleDefinitions() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Game("x", "X", "x", 7, 6, this.game.schedule(), 7, 100, List.of(), 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> new Game("x", "X", "x", 6, 90, this.game.schedule(), 7,
				100, List.of(PrizeTier.fixed(7, 1)), 0, 0));
		assertThatIllegalArgumentException().isThrownBy(() -> PrizeTier.fixed(3, 0));
	}

}
