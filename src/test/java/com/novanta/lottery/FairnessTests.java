package com.novanta.lottery;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The published draw recipe. The test vectors were computed with an independent Python
 * implementation of the recipe in the README (hashlib and hmac only).
 */
class FairnessTests {

	static final String SEED = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";

	@Test
	void commitmentIsSha256OfTheSeedBytes() {
		assertThat(Fairness.commitment(SEED))
			.isEqualTo("630dcd2966c4336691125448bbb25b4ff412a49c732db2c8abc1b8581bd710dd");
	}

	@Test
	void digestFollowsTheCanonicalEncoding() {
		assertThat(new Fairness.BallotDigest("daily-2026-11-25").finish())
			.isEqualTo("ba8cf966ecd41577605376ec95651b841a7fcc0c436ad1d90d4b20fb369d3550");
		assertThat(threeBallots().finish())
			.isEqualTo("3bb47792dc00c2b21866766145265532bd9c52757a64688caa8531e5bb19fa7b");
	}

	@Test
	void drawMatchesTheTestVectors() {
		assertThat(Fairness.draw("00".repeat(32), "ba8cf966ecd41577605376ec95651b841a7fcc0c436ad1d90d4b20fb369d3550", 6,
				90))
			.containsExactly(70, 27, 90, 32, 63, 11);
		String digest = "3bb47792dc00c2b21866766145265532bd9c52757a64688caa8531e5bb19fa7b";
		assertThat(Fairness.draw(SEED, digest, 6, 90)).containsExactly(51, 47, 58, 44, 24, 12);
		assertThat(Fairness.draw(SEED, digest, 5, 50)).containsExactly(1, 22, 10, 46, 30);
		assertThat(Fairness.winningNumbers(new int[] { 51, 47, 58, 44, 24, 12 })).containsExactly(12, 24, 44, 47, 51,
				58);
	}

	@Test
	void drawIsDeterministic() {
		String digest = threeBallots().finish();
		assertThat(Fairness.draw(SEED, digest, 6, 90)).isEqualTo(Fairness.draw(SEED, digest, 6, 90));
	}

	@Test
	void drawsDistinctNumbersWithinRange() {
		SplittableRandom random = new SplittableRandom(11);
		for (int i = 0; i < 10_000; i++) {
			int[] numbers = Fairness.draw(hex(random, 32), hex(random, 32), 6, 90);
			assertThat(numbers).hasSize(6).doesNotHaveDuplicates();
			assertThat(Arrays.stream(numbers).allMatch((n) -> n >= 1 && n <= 90)).isTrue();
		}
	}

	@Test
	void changingAnyBallotChangesTheDigest() {
		String original = threeBallots().finish();
		Fairness.BallotDigest otherNumber = new Fairness.BallotDigest("daily-2026-11-25");
		otherNumber.add(1, 0, new int[] { 1, 2, 3, 4, 5, 7 });
		otherNumber.add(1, 1, new int[] { 7, 8, 9, 10, 11, 12 });
		otherNumber.add(3, 0, new int[] { 10, 20, 30, 40, 50, 60 });
		Fairness.BallotDigest missing = new Fairness.BallotDigest("daily-2026-11-25");
		missing.add(1, 0, new int[] { 1, 2, 3, 4, 5, 6 });
		missing.add(3, 0, new int[] { 10, 20, 30, 40, 50, 60 });
		Fairness.BallotDigest otherSlip = new Fairness.BallotDigest("daily-2026-11-25");
		otherSlip.add(1, 0, new int[] { 1, 2, 3, 4, 5, 6 });
		otherSlip.add(1, 1, new int[] { 7, 8, 9, 10, 11, 12 });
		otherSlip.add(4, 0, new int[] { 10, 20, 30, 40, 50, 60 });
		Fairness.BallotDigest otherLottery = new Fairness.BallotDigest("daily-2026-11-26");
		otherLottery.add(1, 0, new int[] { 1, 2, 3, 4, 5, 6 });
		otherLottery.add(1, 1, new int[] { 7, 8, 9, 10, 11, 12 });
		otherLottery.add(3, 0, new int[] { 10, 20, 30, 40, 50, 60 });
		assertThat(java.util.List.of(otherNumber.finish(), missing.finish(), otherSlip.finish(), otherLottery.finish()))
			.doesNotContain(original)
			.doesNotHaveDuplicates();
	}

	@Test
	void refusesBallotsOutOfOrder() {
		Fairness.BallotDigest digest = new Fairness.BallotDigest("x");
		digest.add(2, 0, new int[] { 1 });
		assertThatIllegalArgumentException().isThrownBy(() -> digest.add(1, 0, new int[] { 1 }));
		assertThatIllegalArgumentException().isThrownBy(() -> digest.add(2, 0, new int[] { 1 }));
	}

	@Test
	void everyNumberIsDrawnEquallyOften() {
		// chi-square over 100,000 draws of 6 from 90: 89 degrees of freedom, 99%
		// confidence
		SplittableRandom random = new SplittableRandom(20261125);
		int draws = 100_000;
		long[] counts = new long[91];
		for (int i = 0; i < draws; i++) {
			for (int n : Fairness.draw(hex(random, 32), hex(random, 32), 6, 90)) {
				counts[n]++;
			}
		}
		double expected = draws * 6 / 90.0;
		double chiSquare = 0;
		for (int n = 1; n <= 90; n++) {
			chiSquare += (counts[n] - expected) * (counts[n] - expected) / expected;
		}
		assertThat(chiSquare).isLessThan(122.94);
	}

	@Test
	void everyPositionOfTheDrawOrderIsUniformToo() {
		// the first number drawn alone: 89 degrees of freedom, 99% confidence
		SplittableRandom random = new SplittableRandom(7);
		int draws = 100_000;
		long[] counts = new long[91];
		for (int i = 0; i < draws; i++) {
			counts[Fairness.draw(hex(random, 32), hex(random, 32), 6, 90)[0]]++;
		}
		double expected = draws / 90.0;
		double chiSquare = 0;
		for (int n = 1; n <= 90; n++) {
			chiSquare += (counts[n] - expected) * (counts[n] - expected) / expected;
		}
		assertThat(chiSquare).isLessThan(122.94);
	}

	private static Fairness.BallotDigest threeBallots() {
		Fairness.BallotDigest digest = new Fairness.BallotDigest("daily-2026-11-25");
		digest.add(1, 0, new int[] { 1, 2, 3, 4, 5, 6 });
		digest.add(1, 1, new int[] { 7, 8, 9, 10, 11, 12 });
		digest.add(3, 0, new int[] { 10, 20, 30, 40, 50, 60 });
		return digest;
	}

	private static String hex(SplittableRandom random, int bytes) {
		byte[] value = new byte[bytes];
		random.nextBytes(value);
		return HexFormat.of().formatHex(value);
	}

}
