package com.novanta.game;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OddsTests {

	@Test
	void sixFromNinetyHasTheOddsOfItsMatrix() {
		Game game = game(6, 90, List.of(PrizeTier.jackpot(6), PrizeTier.fixed(5, 1), PrizeTier.fixed(4, 1),
				PrizeTier.fixed(3, 1), PrizeTier.fixed(2, 1)));
		assertThat(Odds.choose(90, 6)).hasToString("622614630");
		assertThat(Odds.oneIn(game, 6)).isEqualTo(622_614_630L);
		// 622,614,630 / (6 x 84) = 1,235,346.49
		assertThat(Odds.oneIn(game, 5)).isEqualTo(1_235_346L);
		// / (15 x 3,486) = 11,906.95
		assertThat(Odds.oneIn(game, 4)).isEqualTo(11_907L);
		// / (20 x 95,284) = 326.72
		assertThat(Odds.oneIn(game, 3)).isEqualTo(327L);
		// / (15 x 1,929,501) = 21.51
		assertThat(Odds.oneIn(game, 2)).isEqualTo(22L);
		// / (504 + 52,290 + 1,905,680 + 28,942,515 + 1) = 20.15
		assertThat(Odds.anyPrizeOneIn(game)).isEqualTo(20L);
	}

	@Test
	void agreesWithCountingEveryDrawOfASmallGame() {
		// 3 from 9: every one of the 84 draws against the ballot {1, 2, 3}
		Game game = game(3, 9, List.of(PrizeTier.fixed(3, 1), PrizeTier.fixed(2, 1), PrizeTier.fixed(1, 1)));
		int[] perMatches = new int[4];
		int draws = 0;
		for (int a = 1; a <= 9; a++) {
			for (int b = a + 1; b <= 9; b++) {
				for (int c = b + 1; c <= 9; c++) {
					draws++;
					perMatches[(a <= 3 ? 1 : 0) + (b <= 3 ? 1 : 0) + (c <= 3 ? 1 : 0)]++;
				}
			}
		}
		assertThat(draws).isEqualTo(84);
		for (int matches = 1; matches <= 3; matches++) {
			assertThat(Odds.oneIn(game, matches)).as("%d matches", matches)
				.isEqualTo(Math.round((double) draws / perMatches[matches]));
		}
		assertThat(Odds.anyPrizeOneIn(game))
			.isEqualTo(Math.round((double) draws / (perMatches[1] + perMatches[2] + perMatches[3])));
	}

	@Test
	void aTierNobodyCanReachHasNoOdds() {
		Game game = game(3, 9, List.of(PrizeTier.fixed(3, 1)));
		assertThat(Odds.oneIn(game, 4)).isZero();
	}

	private static Game game(int picks, int max, List<PrizeTier> tiers) {
		return new Game("g", "G", "g", picks, max, DrawSchedule.daily(LocalTime.MIDNIGHT, ZoneId.of("Europe/Rome")), 7,
				100, tiers, 0, 0);
	}

}
