package com.novanta.game;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NumberSetTests {

	@Test
	void countsMatchesAcrossBothWords() {
		NumberSet ballot = NumberSet.of(1, 2, 64, 65, 89, 90);
		NumberSet winning = NumberSet.of(2, 3, 64, 66, 90, 12);
		assertThat(ballot.matches(winning)).isEqualTo(3);
		assertThat(ballot.common(winning)).containsExactly(2, 64, 90);
		assertThat(NumberSet.matches(ballot.low(), ballot.high(), winning.low(), winning.high())).isEqualTo(3);
	}

	@Test
	void agreesWithCountingByHand() {
		SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < 10_000; i++) {
			int[] a = QuickPick.pick(6, 90, random);
			int[] b = QuickPick.pick(6, 90, random);
			long byHand = Arrays.stream(a).filter((n) -> Arrays.stream(b).anyMatch((m) -> m == n)).count();
			assertThat(NumberSet.of(a).matches(NumberSet.of(b))).isEqualTo((int) byHand);
			assertThat(NumberSet.of(a).toArray()).containsExactly(a);
		}
	}

	@Test
	void refusesNumbersOutsideOneTo128() {
		assertThatIllegalArgumentException().isThrownBy(() -> NumberSet.of(0));
		assertThatIllegalArgumentException().isThrownBy(() -> NumberSet.of(129));
	}

}
