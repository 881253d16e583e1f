package com.novanta.game;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TypedLineTests {

	private final NumberRules sixFromNinety = new NumberRules(6, 90);

	@Test
	void numbersSeparatedBySpacesCommasOrSemicolonsAreALineInOrder() {
		TypedLine line = TypedLine.read("  90 7, 33;40  58,,21 ", this.sixFromNinety);

		assertThat(line.isValid()).isTrue();
		assertThat(line.numbers()).containsExactly(7, 21, 33, 40, 58, 90);
		assertThat(line.entered()).isEqualTo("90 7, 33;40  58,,21");
	}

	@Test
	void anythingButWholeNumbersIsNotALine() {
		for (String typed : List.of("1 2 3 4 5 x", "1.5 2 3 4 5 6", "-1 2 3 4 5 6", "１ 2 3 4 5 6")) {
			TypedLine line = TypedLine.read(typed, this.sixFromNinety);

			assertThat(line.error()).as(typed).isEqualTo("checker.numbers.notNumbers");
			assertThat(line.numbers()).isEmpty();
		}
	}

	@Test
	void theGamesRulesSayWhatIsWrong() {
		assertThat(TypedLine.read("", this.sixFromNinety).error()).startsWith("checker.problem.");
		assertThat(TypedLine.read("1 2 3 4 5", this.sixFromNinety).error()).isEqualTo("checker.problem.too_few");
		assertThat(TypedLine.read("1 2 3 4 5 91", this.sixFromNinety).error())
			.isEqualTo("checker.problem.out_of_range");
		assertThat(TypedLine.read("1 2 3 4 5 99999999999", this.sixFromNinety).error())
			.isEqualTo("checker.problem.out_of_range");
		assertThat(TypedLine.read("1 2 3 4 5 5", this.sixFromNinety).error()).isEqualTo("checker.problem.repeated");
	}

	@Test
	void whatIsTooLongIsCutAndSaidSo() {
		TypedLine line = TypedLine.read("1 ".repeat(200), this.sixFromNinety);

		assertThat(line.error()).isEqualTo("checker.numbers.tooLong");
		assertThat(line.entered()).hasSize(TypedLine.MAX_LENGTH);
		assertThat(line.numbers()).isEmpty();
	}

}
