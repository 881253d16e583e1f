package com.novanta.checker;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.LotterySummary;
import com.novanta.lottery.PastDraw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a line would have matched and won, draw by draw and in all. */
class LineCheckTests {

	static final Game GAME = new Game("daily", "D", "Novanta 6/90", 6, 90,
			DrawSchedule.daily(LocalTime.MIDNIGHT, ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.jackpot(6), PrizeTier.fixed(5, 5_000_000), PrizeTier.fixed(4, 50_000),
					PrizeTier.fixed(3, 2_500), PrizeTier.fixed(2, 100)),
			100_000_000, 30);

	static final List<Integer> LINE = List.of(3, 17, 22, 45, 61, 88);

	@Test
	void countsAndNamesTheMatchedNumbersOfEachDraw() {
		CheckResult result = LineCheck.check(GAME, LINE,
				List.of(settled("2026-03-03", List.of(1, 3, 22, 40, 61, 90)),
						settled("2026-03-02", List.of(2, 4, 6, 8, 10, 12)),
						settled("2026-03-01", List.of(3, 17, 22, 45, 61, 88))),
				false);

		assertThat(result.draws()).extracting(LineCheck.DrawCheck::matches).containsExactly(3, 0, 6);
		assertThat(result.draws().get(0).matched()).containsExactly(3, 22, 61);
		assertThat(result.draws().get(1).matched()).isEmpty();
		assertThat(result.draws().get(2).matched()).isEqualTo(LINE);
	}

	@Test
	void aFixedTierPaysWhatTheDrawRecordedForIt() {
		// a draw whose breakdown recorded another amount than the game's today
		Map<String, Long> prizes = prizes(0, 5_000_000, 50_000, 3_000, 100);
		PastDraw draw = draw("2026-03-01", List.of(3, 17, 22, 1, 2, 4), summary(prizes, winners(0, 0, 0, 0, 0), 0));

		LineCheck.DrawCheck check = LineCheck.check(GAME, LINE, List.of(draw), false).draws().get(0);

		assertThat(check.matches()).isEqualTo(3);
		assertThat(check.prize()).isEqualTo(new LineCheck.Prize(3, false, 3_000L));
	}

	@Test
	void noPrizeBelowTheLowestTier() {
		PastDraw draw = settled("2026-03-01", List.of(3, 1, 2, 4, 5, 6));
		LineCheck.DrawCheck check = LineCheck.check(GAME, LINE, List.of(draw), false).draws().get(0);
		assertThat(check.matches()).isEqualTo(1);
		assertThat(check.isWin()).isFalse();
		assertThat(check.prize()).isNull();
	}

	@Test
	void theJackpotIsSharedWithTheDrawsWinnersOrWonWhole() {
		PastDraw twoWinners = draw("2026-03-02", LINE,
				summary(prizes(150_000_000, 5_000_000, 50_000, 2_500, 100), winners(2, 0, 0, 0, 0), 300_000_000));
		PastDraw unwon = draw("2026-03-01", LINE,
				summary(prizes(0, 5_000_000, 50_000, 2_500, 100), winners(0, 0, 0, 0, 0), 120_000_000));

		List<LineCheck.DrawCheck> checks = LineCheck.check(GAME, LINE, List.of(twoWinners, unwon), false).draws();

		// the pool shared by its two winners and this line
		assertThat(checks.get(0).prize()).isEqualTo(new LineCheck.Prize(6, true, 100_000_000L));
		// nobody won it: all of it
		assertThat(checks.get(1).prize()).isEqualTo(new LineCheck.Prize(6, true, 120_000_000L));
	}

	@Test
	void aDrawNotSettledYetPaysTheGamesFixedAmountsAndAnUnknownJackpotShare() {
		PastDraw drawn = draw("2026-03-01", LINE, null);
		PastDraw drawnFour = draw("2026-02-28", List.of(3, 17, 22, 45, 1, 2), null);

		CheckResult result = LineCheck.check(GAME, LINE, List.of(drawn, drawnFour), false);

		assertThat(result.draws().get(0).prize()).isEqualTo(new LineCheck.Prize(6, true, null));
		assertThat(result.draws().get(0).prize().isKnown()).isFalse();
		assertThat(result.draws().get(1).prize()).isEqualTo(new LineCheck.Prize(4, false, 50_000L));
		assertThat(result.wins()).isEqualTo(2);
		assertThat(result.total()).isEqualTo(50_000);
		assertThat(result.unknownPrizes()).isEqualTo(1);
	}

	@Test
	void aTierTheDrawsBreakdownDoesNotHaveWasNotThere() {
		Map<String, Long> prizes = new LinkedHashMap<>(prizes(0, 5_000_000, 50_000, 2_500, 100));
		prizes.remove("2");
		PastDraw draw = draw("2026-03-01", List.of(3, 17, 1, 2, 4, 5), summary(prizes, winners(0, 0, 0, 0, 0), 0));
		assertThat(LineCheck.check(GAME, LINE, List.of(draw), false).draws().get(0).isWin()).isFalse();
	}

	@Test
	void theSummaryAddsUpTheDraws() {
		CheckResult result = LineCheck.check(GAME, LINE, List.of(settled("2026-03-05", List.of(3, 17, 1, 2, 4, 5)),
				settled("2026-03-04", List.of(3, 17, 22, 1, 2, 4)), settled("2026-03-03", List.of(1, 2, 4, 5, 6, 7)),
				settled("2026-03-02", List.of(3, 17, 22, 2, 4, 5)), settled("2026-03-01", List.of(88, 1, 2, 4, 5, 6))),
				false);

		assertThat(result.checked()).isEqualTo(5);
		assertThat(result.best()).isEqualTo(3);
		assertThat(result.bestTimes()).isEqualTo(2);
		assertThat(result.wins()).isEqualTo(3);
		assertThat(result.total()).isEqualTo(100 + 2_500 + 2_500);
		assertThat(result.unknownPrizes()).isZero();
		assertThat(result.first()).isEqualTo(LocalDate.parse("2026-03-01"));
		assertThat(result.last()).isEqualTo(LocalDate.parse("2026-03-05"));
	}

	@Test
	void noDrawsMeanNothingMatchedAndNothingWon() {
		CheckResult result = LineCheck.check(GAME, LINE, List.of(), false);
		assertThat(result.checked()).isZero();
		assertThat(result.best()).isZero();
		assertThat(result.wins()).isZero();
		assertThat(result.total()).isZero();
		assertThat(result.first()).isNull();
		assertThat(result.pages(20)).isEqualTo(1);
		assertThat(result.page(1, 20)).isEmpty();
	}

	@Test
	void pagesThroughTheDrawsNewestFirst() {
		List<PastDraw> draws = new ArrayList<>();
		for (int day = 45; day >= 1; day--) {
			draws.add(settled(LocalDate.parse("2026-01-01").plusDays(day).toString(), List.of(1, 2, 4, 5, 6, 7)));
		}
		CheckResult result = LineCheck.check(GAME, LINE, draws, false);
		assertThat(result.pages(20)).isEqualTo(3);
		assertThat(result.page(1, 20)).hasSize(20)
			.first()
			.extracting(LineCheck.DrawCheck::drawDate)
			.isEqualTo(LocalDate.parse("2026-02-15"));
		assertThat(result.page(3, 20)).hasSize(5)
			.last()
			.extracting(LineCheck.DrawCheck::drawDate)
			.isEqualTo(LocalDate.parse("2026-01-02"));
		assertThat(result.page(4, 20)).isEmpty();
	}

	private static PastDraw settled(String date, List<Integer> numbers) {
		return draw(date, numbers,
				summary(prizes(0, 5_000_000, 50_000, 2_500, 100), winners(0, 0, 0, 0, 0), 100_000_000));
	}

	private static PastDraw draw(String date, List<Integer> numbers, LotterySummary summary) {
		return new PastDraw("daily-" + date, LocalDate.parse(date), numbers.stream().sorted().toList(), summary);
	}

	private static LotterySummary summary(Map<String, Long> prizes, Map<String, Long> winners, long jackpot) {
		return new LotterySummary(10, 5, winners, prizes, 0, jackpot, 0);
	}

	/** By tier: 6, 5, 4, 3 and 2 matched. */
	private static Map<String, Long> prizes(long six, long five, long four, long three, long two) {
		return byTier(six, five, four, three, two);
	}

	private static Map<String, Long> winners(long six, long five, long four, long three, long two) {
		return byTier(six, five, four, three, two);
	}

	private static Map<String, Long> byTier(long six, long five, long four, long three, long two) {
		Map<String, Long> map = new LinkedHashMap<>();
		map.put("6", six);
		map.put("5", five);
		map.put("4", four);
		map.put("3", three);
		map.put("2", two);
		return map;
	}

}
