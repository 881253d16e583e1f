package com.novanta.lines;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A line to save, read as a name, a game and numbers, or as a clear message per field.
 */
class LineEntryTests {

	static final Game DAILY = new Game("daily", "D", "Novanta 6/90", 6, 90,
			new DrawSchedule(LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class), ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.jackpot(6), PrizeTier.fixed(2, 200)), 100_000_000, 40);

	static final Game SATURDAY = new Game("saturday", "S", "Sabato 5/50", 5, 50,
			new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY), ZoneId.of("Europe/Rome")), 14, 200,
			List.of(PrizeTier.jackpot(5), PrizeTier.fixed(2, 300)), 25_000_000, 40);

	static final List<Game> GAMES = List.of(DAILY, SATURDAY);

	@Test
	void aValidLineIsTrimmedAndSorted() {
		LineEntry entry = LineEntry.of("  Family   birthdays ", "daily", " 88, 3 17;22  45,61 ", GAMES);
		assertThat(entry.isValid()).isTrue();
		assertThat(entry.name()).isEqualTo("Family birthdays");
		assertThat(entry.game()).isEqualTo(DAILY);
		assertThat(entry.numbers()).containsExactly(3, 17, 22, 45, 61, 88);
		assertThat(entry.numbersText()).isEqualTo("3 17 22 45 61 88");
	}

	@Test
	void eachGameChecksItsOwnLines() {
		assertThat(LineEntry.of("Saturday", "saturday", "50 1 2 3 4", GAMES).numbers()).containsExactly(1, 2, 3, 4, 50);
		assertThat(LineEntry.of("Saturday", "saturday", "1 2 3 4 5 6", GAMES).errors()).containsEntry("numbers",
				"checker.problem.too_many");
		assertThat(LineEntry.of("Saturday", "saturday", "1 2 3 4 51", GAMES).errors()).containsEntry("numbers",
				"checker.problem.out_of_range");
		assertThat(LineEntry.of("Daily", "daily", "1 2 3 4 5", GAMES).errors()).containsEntry("numbers",
				"checker.problem.too_few");
	}

	@ParameterizedTest(name = "name \"{0}\": {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                                          | lines.name.required
			'   '                                       | lines.name.required
			'12345678901234567890123456789012345678901' | lines.name.tooLong
			'bad\u0000name'                             | lines.name.invalid
			'right-to-left \u202E override'             | lines.name.invalid
			'tab\tinside'                               |
			'1234567890123456789012345678901234567890'  |
			'Compleanni di famiglia 🎂'                  |
			'L''amore'                                  |
			""")
	void aNameIsRequiredShortAndPrintable(String name, String problem) {
		LineEntry entry = LineEntry.of(name, "daily", "1 2 3 4 5 6", GAMES);
		if (problem == null) {
			assertThat(entry.errors()).isEmpty();
		}
		else {
			assertThat(entry.errors()).containsOnlyKeys("name").containsEntry("name", problem);
		}
	}

	@Test
	void aMissingNameIsRequired() {
		assertThat(LineEntry.of(null, "daily", "1 2 3 4 5 6", GAMES).errors()).containsEntry("name",
				"lines.name.required");
	}

	@Test
	void fortyCharactersAreCountedAsCharactersNotAsJavaChars() {
		String emoji = "🎂".repeat(40);
		assertThat(LineEntry.of(emoji, "daily", "1 2 3 4 5 6", GAMES).isValid()).isTrue();
		assertThat(LineEntry.of(emoji + "🎂", "daily", "1 2 3 4 5 6", GAMES).errors()).containsEntry("name",
				"lines.name.tooLong");
	}

	@Test
	void aVeryLongNameIsCutForTheFormAgain() {
		LineEntry entry = LineEntry.of("x".repeat(5000), "daily", "1 2 3 4 5 6", GAMES);
		assertThat(entry.errors()).containsEntry("name", "lines.name.tooLong");
		assertThat(entry.name()).hasSize(80);
	}

	@ParameterizedTest(name = "numbers \"{0}\": {1}")
	@CsvSource(delimiter = '|', textBlock = """
			''                          | checker.problem.empty
			'one two three four five six' | checker.numbers.notNumbers
			'1.5 2 3 4 5 6'             | checker.numbers.notNumbers
			'-1 2 3 4 5 6'              | checker.numbers.notNumbers
			'0 2 3 4 5 6'               | checker.problem.out_of_range
			'1 2 3 4 5 91'              | checker.problem.out_of_range
			'1 2 3 4 5 99999999999999'  | checker.problem.out_of_range
			'1 2 3 4 5 5'               | checker.problem.repeated
			'1 2 3 4 5 6 7'             | checker.problem.too_many
			""")
	void numbersMakeALineOfTheGame(String numbers, String problem) {
		assertThat(LineEntry.of("Mine", "daily", numbers, GAMES).errors()).containsOnlyKeys("numbers")
			.containsEntry("numbers", problem);
	}

	@Test
	void numbersFarLongerThanALineAreNotReadAndAreCut() {
		LineEntry entry = LineEntry.of("Mine", "daily", "1 ".repeat(3000), GAMES);
		assertThat(entry.errors()).containsEntry("numbers", "checker.numbers.tooLong");
		assertThat(entry.entered()).hasSize(LineEntry.MAX_TYPED);
	}

	@Test
	void anUnknownOrMissingGameIsAFieldErrorAndNoLine() {
		LineEntry unknown = LineEntry.of("Mine", "bingo", "1 2 3 4 5 6", GAMES);
		assertThat(unknown.errors()).containsOnlyKeys("game");
		assertThat(unknown.numbers()).isEmpty();
		assertThat(LineEntry.of("Mine", null, "1 2 3 4 5 6", GAMES).errors()).containsOnlyKeys("game");
		assertThat(LineEntry.of("Mine", "<script>", "1 2 3 4 5 6", GAMES).errors()).containsOnlyKeys("game");
	}

	@Test
	void namesAreTheSameWhateverTheirCaseSpacingOrUnicodeForm() {
		assertThat(LineEntry.key("Family Birthdays")).isEqualTo(LineEntry.key("  family   BIRTHDAYS "));
		// "é" written as one character and as "e" and a combining accent
		assertThat(LineEntry.key("Caf\u00e9")).isEqualTo(LineEntry.key("cafe\u0301"));
		assertThat(LineEntry.key("Family birthdays")).isNotEqualTo(LineEntry.key("Family birthday"));
	}

}
