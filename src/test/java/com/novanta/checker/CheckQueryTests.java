package com.novanta.checker;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** What a visitor typed, read as a game, a line and a period, or as clear messages. */
class CheckQueryTests {

	static final Game SATURDAY = new Game("saturday", "S", "Sabato 5/50", 5, 50,
			new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY), ZoneId.of("Europe/Rome")), 14, 200,
			List.of(PrizeTier.jackpot(5), PrizeTier.fixed(2, 300)), 25_000_000, 40);

	static final List<Game> GAMES = List.of(LineCheckTests.GAME, SATURDAY);

	/** 23:30 in UTC on 31 March: already 1 April in Rome, the games' zone. */
	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T23:30:00Z"), ZoneOffset.UTC);

	@Test
	void aValidLineIsSortedAndTheLastDaysEndTodayInTheGamesZone() {
		CheckQuery query = CheckQuery.of("daily", " 61, 3 17;22  45,88 ", "30", GAMES, CLOCK);
		assertThat(query.isReady()).isTrue();
		assertThat(query.line()).containsExactly(3, 17, 22, 45, 61, 88);
		assertThat(query.lineParam()).isEqualTo("3,17,22,45,61,88");
		assertThat(query.to()).isEqualTo(LocalDate.parse("2026-04-01"));
		assertThat(query.from()).isEqualTo(LocalDate.parse("2026-03-03"));
		assertThat(query.period()).isEqualTo(CheckPeriod.LAST_30);
	}

	@Test
	void allDrawsHaveNoLimitAndTheDefaultIsTheLastYear() {
		CheckQuery all = CheckQuery.of("daily", "1 2 3 4 5 6", "all", GAMES, CLOCK);
		assertThat(all.from()).isNull();
		assertThat(all.to()).isNull();
		CheckQuery byDefault = CheckQuery.of(null, "1 2 3 4 5 6", null, GAMES, CLOCK);
		assertThat(byDefault.game()).isEqualTo(LineCheckTests.GAME);
		assertThat(byDefault.period()).isEqualTo(CheckPeriod.LAST_365);
		assertThat(byDefault.from()).isEqualTo(LocalDate.parse("2025-04-02"));
	}

	@Test
	void withoutNumbersNothingIsCheckedAndNothingIsWrong() {
		CheckQuery query = CheckQuery.of("saturday", null, "90", GAMES, CLOCK);
		assertThat(query.isValid()).isTrue();
		assertThat(query.isReady()).isFalse();
		assertThat(query.game()).isEqualTo(SATURDAY);
		assertThat(query.entered()).isNull();
	}

	@Test
	void eachGameHasItsOwnRules() {
		assertThat(CheckQuery.of("saturday", "1 2 3 4 50", null, GAMES, CLOCK).isReady()).isTrue();
		assertThat(CheckQuery.of("saturday", "1 2 3 4 51", null, GAMES, CLOCK).errors()).containsEntry("numbers",
				"checker.problem.out_of_range");
		assertThat(CheckQuery.of("saturday", "1 2 3 4 5 6", null, GAMES, CLOCK).errors()).containsEntry("numbers",
				"checker.problem.too_many");
	}

	@ParameterizedTest(name = "{0}: {1}")
	@CsvSource(delimiter = '|', textBlock = """
			letters                 | one two three four five six | checker.numbers.notNumbers
			a decimal               | 1.5 2 3 4 5 6               | checker.numbers.notNumbers
			a negative number       | -1 2 3 4 5 6                | checker.numbers.notNumbers
			markup                  | <b>1</b> 2 3 4 5 6          | checker.numbers.notNumbers
			five numbers            | 1 2 3 4 5                   | checker.problem.too_few
			seven numbers           | 1 2 3 4 5 6 7               | checker.problem.too_many
			zero                    | 0 2 3 4 5 6                 | checker.problem.out_of_range
			ninety-one              | 1 2 3 4 5 91                | checker.problem.out_of_range
			a number past any int   | 1 2 3 4 5 99999999999999999 | checker.problem.out_of_range
			a repeated number       | 1 2 3 4 5 5                 | checker.problem.repeated
			nothing                 | '   '                       | checker.problem.empty
			two lines given at once | '1,2,3,4,5,6,7,8,9,10,11,12' | checker.problem.too_many
			""")
	void badNumbersGetAMessageForTheField(String what, String numbers, String message) {
		CheckQuery query = CheckQuery.of("daily", numbers, "365", GAMES, CLOCK);
		assertThat(query.errors()).containsExactly(Map.entry("numbers", message));
		assertThat(query.isReady()).isFalse();
		assertThat(query.line()).isEmpty();
	}

	@Test
	void aValueFarLongerThanALineIsNotReadAndIsShownCut() {
		CheckQuery query = CheckQuery.of("daily", "1 ".repeat(5000), "365", GAMES, CLOCK);
		assertThat(query.errors()).containsEntry("numbers", "checker.numbers.tooLong");
		assertThat(query.entered()).hasSize(CheckQuery.MAX_LENGTH);
	}

	@Test
	void anUnknownGameOrPeriodIsSaidSoAndTheDefaultsAreShown() {
		CheckQuery game = CheckQuery.of("bingo", "1 2 3 4 5 6", "365", GAMES, CLOCK);
		assertThat(game.errors()).containsOnlyKeys("game").containsEntry("game", "checker.game.invalid");
		assertThat(game.game()).isEqualTo(LineCheckTests.GAME);
		assertThat(game.isReady()).isFalse();
		CheckQuery period = CheckQuery.of("daily", "1 2 3 4 5 6", "dates", GAMES, CLOCK);
		assertThat(period.errors()).containsOnlyKeys("period").containsEntry("period", "checker.period.invalid");
		assertThat(period.period()).isEqualTo(CheckQuery.DEFAULT_PERIOD);
		// what Spring makes of a repeated parameter
		assertThat(CheckQuery.of("daily,saturday", "1 2 3 4 5 6", "30,90", GAMES, CLOCK).errors())
			.containsOnlyKeys("game", "period");
	}

}
