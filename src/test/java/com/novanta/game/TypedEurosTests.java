package com.novanta.game;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole euros as players type them, for the jackpot amounts they choose. */
class TypedEurosTests {

	@Test
	void digitsOrGroupsOfThreeWithAEuroSignOrNot() {
		for (String typed : List.of("5000000", "5.000.000", "5,000,000", "5'000'000", "5 000 000", "€ 5 000 000",
				"5.000.000 €", " 5000000 ")) {
			assertThat(TypedEuros.read(typed)).as(typed).isEqualTo(new TypedEuros(5_000_000, null));
		}
		assertThat(TypedEuros.read("1").euros()).isEqualTo(1);
		assertThat(TypedEuros.read("1.000.000.000").isValid()).isTrue();
	}

	@Test
	void anythingElseIsNotAnAmount() {
		for (String typed : List.of("", " ", "-5", "5.5", "5,00", "5.0000", "lots", "5e6", "€", "1".repeat(21))) {
			assertThat(TypedEuros.read(typed).problem()).as(typed).isEqualTo(TypedEuros.Problem.NOT_AN_AMOUNT);
		}
		assertThat(TypedEuros.read(null).problem()).isEqualTo(TypedEuros.Problem.NOT_AN_AMOUNT);
	}

	@Test
	void nothingOrMoreThanABillionIsOutOfRange() {
		for (String typed : List.of("0", "000", "1000000001", "9999999999", "1.000.000.001")) {
			assertThat(TypedEuros.read(typed).problem()).as(typed).isEqualTo(TypedEuros.Problem.OUT_OF_RANGE);
		}
	}

}
