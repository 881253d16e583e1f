package com.novanta.game;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class QuickPickTests {

	@Test
	void picksTheRequestedCountOfDistinctNumbersInRangeSorted() {
		SplittableRandom random = new SplittableRandom(42);
		for (int i = 0; i < 10_000; i++) {
			int[] numbers = QuickPick.pick(6, 90, random);
			assertThat(numbers).hasSize(6).doesNotHaveDuplicates().isSorted();
			assertThat(numbers[0]).isGreaterThanOrEqualTo(1);
			assertThat(numbers[5]).isLessThanOrEqualTo(90);
		}
	}

	@Test
	void spreadsPicksUniformlyOverTheRange() {
		SplittableRandom random = new SplittableRandom(7);
		int picks = 90_000;
		long[] counts = new long[91];
		for (int i = 0; i < picks; i++) {
			for (int n : QuickPick.pick(6, 90, random)) {
				counts[n]++;
			}
		}
		double expected = picks * 6 / 90.0;
		double chiSquare = Arrays.stream(counts, 1, 91)
			.mapToDouble((c) -> (c - expected) * (c - expected) / expected)
			.sum();
		// 89 degrees of freedom, 99% confidence
		assertThat(chiSquare).isLessThan(122.94);
	}

	@Test
	void samePicksFromTheSameSeed() {
		assertThat(QuickPick.pick(6, 90, new SplittableRandom(1)))
			.isEqualTo(QuickPick.pick(6, 90, new SplittableRandom(1)));
	}

	@Test
	void refusesImpossibleRequests() {
		assertThatIllegalArgumentException().isThrownBy(() -> QuickPick.pick(0, 90, new SplittableRandom()));
		assertThatIllegalArgumentException().isThrownBy(() -> QuickPick.pick(91, 90, new SplittableRandom()));
	}

}
