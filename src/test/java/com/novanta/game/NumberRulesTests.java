package com.novanta.game;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NumberRulesTests {

	private final NumberRules sixFromNinety = new NumberRules(6, 90);

	@Test
	void acceptsExactlySixDistinctNumbersInRange() {
		assertThat(this.sixFromNinety.check(List.of(90, 1, 45, 2, 3, 77))).isEmpty();
		assertThat(this.sixFromNinety.normalize(List.of(90, 1, 45, 2, 3, 77))).containsExactly(1, 2, 3, 45, 77, 90);
	}

	@Test
	void refusesEveryKindOfBadLine() {
		assertThat(this.sixFromNinety.check(List.of())).contains(NumberRules.Problem.EMPTY);
		assertThat(this.sixFromNinety.check(null)).contains(NumberRules.Problem.EMPTY);
		assertThat(this.sixFromNinety.check(List.of(1, 2, 3, 4, 5))).contains(NumberRules.Problem.TOO_FEW);
		assertThat(this.sixFromNinety.check(List.of(1, 2, 3, 4, 5, 6, 7))).contains(NumberRules.Problem.TOO_MANY);
		assertThat(this.sixFromNinety.check(List.of(1, 2, 3, 4, 5, 5))).contains(NumberRules.Problem.REPEATED);
		assertThat(this.sixFromNinety.check(List.of(0, 2, 3, 4, 5, 6))).contains(NumberRules.Problem.OUT_OF_RANGE);
		assertThat(this.sixFromNinety.check(List.of(1, 2, 3, 4, 5, 91))).contains(NumberRules.Problem.OUT_OF_RANGE);
		assertThat(this.sixFromNinety.check(List.of(-1, 2, 3, 4, 5, 6))).contains(NumberRules.Problem.OUT_OF_RANGE);
		assertThat(this.sixFromNinety.check(Arrays.asList(1, 2, null, 4, 5, 6)))
			.contains(NumberRules.Problem.OUT_OF_RANGE);
	}

	@Test
	void otherMatricesHaveTheirOwnRange() {
		NumberRules fiveFromFifty = new NumberRules(5, 50);
		assertThat(fiveFromFifty.check(List.of(1, 2, 3, 4, 50))).isEmpty();
		assertThat(fiveFromFifty.check(List.of(1, 2, 3, 4, 51))).contains(NumberRules.Problem.OUT_OF_RANGE);
		assertThat(fiveFromFifty.check(List.of(1, 2, 3, 4, 5, 6))).contains(NumberRules.Problem.TOO_MANY);
	}

	@Test
	void everyProblemHasAMessage() {
		for (NumberRules.Problem problem : NumberRules.Problem.values()) {
			assertThat(problem.messageKey()).startsWith("play.problem.");
		}
	}

}
