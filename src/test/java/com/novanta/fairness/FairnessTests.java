package com.novanta.fairness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

	/**
	 * Vectors that reach the recipe's corners, computed with the Python of the README
	 * (its {@code SEED}, {@code DIGEST}, {@code picks} and {@code top} set as below). Ten
	 * numbers from 90 read ten words, the last two from the second HMAC block (block
	 * counter 1: a counter written in the wrong byte order draws 18 and 61 instead of 38
	 * and 90); the whole of 1..90 shuffled reads twelve blocks, with every {@code n} from
	 * 90 down to 1.
	 */
	@Test
	void drawMatchesTheVectorsThatReachTheNextHmacBlocks() {
		String digest = "3bb47792dc00c2b21866766145265532bd9c52757a64688caa8531e5bb19fa7b";
		assertThat(Fairness.draw(SEED, digest, 10, 90)).containsExactly(51, 47, 58, 44, 24, 12, 2, 72, 38, 90);
		assertThat(Fairness.draw(SEED, digest, 90, 90)).containsExactly(51, 47, 58, 44, 24, 12, 2, 72, 38, 90, 5, 40,
				36, 79, 45, 57, 7, 8, 70, 13, 67, 50, 18, 48, 29, 37, 28, 78, 69, 21, 53, 55, 86, 33, 59, 49, 15, 71, 1,
				83, 63, 76, 4, 65, 54, 10, 16, 52, 85, 82, 34, 74, 17, 30, 56, 66, 46, 60, 35, 22, 41, 75, 9, 20, 27,
				19, 81, 80, 3, 68, 77, 6, 62, 25, 14, 31, 26, 61, 43, 32, 89, 42, 64, 73, 87, 84, 39, 88, 23, 11);
	}

	/**
	 * Vectors whose draw skips a word (rejection sampling), computed with the Python of
	 * the README. The rejection zone is tiny for these games (the top 76 of 2^32 values
	 * for n = 90, the top 46 for n = 50), so the digests were searched for: with this
	 * seed, the digests SHA-256 of "0", "1", "2", ... (the decimal number in ASCII) were
	 * tried in turn, and each vector is the first whose words fall in the zone. For 6
	 * from 90, SHA-256("16476763"): the fifth pick's first word is skipped (n = 86, w ≥
	 * 2^32 − 16), without the skip the draw would end 7, 54. For 5 from 50,
	 * SHA-256("23095847"): the very first word is skipped (n = 50, w ≥ 2^32 − 46),
	 * without the skip the draw would be 28, 30, 21, 12, 40.
	 */
	@Test
	void drawMatchesTheVectorsThatSkipAWord() {
		assertThat(Fairness.draw(SEED, "fd7548434abcc3a1f798aed217150b91c74d5ea8908f6bd544feb9ac925bea6f", 6, 90))
			.containsExactly(28, 59, 83, 64, 66, 85);
		assertThat(Fairness.draw(SEED, "bd0602a6f1d629ebc5870bf53a4b01d4790e5c69b969031c6eaced4060cd9286", 5, 50))
			.containsExactly(34, 13, 31, 48, 8);
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
		assertThat(List.of(otherNumber.finish(), missing.finish(), otherSlip.finish(), otherLottery.finish()))
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

	/**
	 * Each position of the draw order is uniform on its own: for every position, how
	 * often each number was drawn there over 60,000 draws (seeds and digests from a
	 * seeded generator, so the same every run), against the chi-square's critical value
	 * at p = 0.001 for {@code max − 1} degrees of freedom
	 * ({@code scipy.stats.chi2.ppf(0.999, 89)} = 135.98 and {@code ppf(0.999, 49)} =
	 * 85.35). A shuffle that favours some numbers in some places (a swap with the wrong
	 * range, a pick that ignores {@code k}) is far above it.
	 */
	@ParameterizedTest(name = "{0} from {1}")
	@CsvSource({ "6, 90, 135.97", "5, 50, 85.35" })
	void everyPositionOfTheDrawOrderIsUniform(int picks, int max, double critical) {
		SplittableRandom random = new SplittableRandom(20261201);
		int draws = 60_000;
		long[][] counts = new long[picks][max + 1];
		for (int i = 0; i < draws; i++) {
			int[] order = Fairness.draw(hex(random, 32), hex(random, 32), picks, max);
			for (int position = 0; position < picks; position++) {
				counts[position][order[position]]++;
			}
		}
		double expected = (double) draws / max;
		for (int position = 0; position < picks; position++) {
			double chiSquare = 0;
			for (int n = 1; n <= max; n++) {
				chiSquare += (counts[position][n] - expected) * (counts[position][n] - expected) / expected;
			}
			assertThat(chiSquare).as("position %d", position + 1).isLessThan(critical);
		}
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

	@Test
	void eachRecipeHasItsDigester() {
		Fairness.Digester one = Fairness.digester(1, "daily-2026-11-25");
		Fairness.BallotDigest digest = new Fairness.BallotDigest("daily-2026-11-25");
		Fairness.Digester two = Fairness.digester(2, "daily-2026-11-25");
		List<byte[]> leaves = new ArrayList<>();
		byte[] salt = new byte[BallotTree.SALT_BYTES];
		for (int line = 0; line < 3; line++) {
			int[] numbers = { 1 + line, 20, 30, 40, 50, 60 };
			salt[0] = (byte) line;
			one.add(5, line, numbers, salt);
			digest.add(5, line, numbers);
			two.add(5, line, numbers, salt);
			leaves.add(BallotTree.ballotLeaf("daily-2026-11-25", 5, line, numbers, salt));
		}
		assertThat(one.finish()).isEqualTo(digest.finish());
		assertThat(two.finish()).isEqualTo(HexFormat.of().formatHex(BallotTree.root(leaves)));
		assertThat(two.count()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> two.add(5, 2, new int[] { 1 }, salt))
			.withMessageContaining("out of order");
		// recipe 3 digests its ballots as recipe 2 does
		Fairness.Digester three = Fairness.digester(3, "daily-2026-11-25");
		for (int line = 0; line < 3; line++) {
			salt[0] = (byte) line;
			three.add(5, line, new int[] { 1 + line, 20, 30, 40, 50, 60 }, salt);
		}
		assertThat(three.finish()).isEqualTo(HexFormat.of().formatHex(BallotTree.root(leaves)));
		assertThatIllegalArgumentException().isThrownBy(() -> Fairness.digester(4, "daily-2026-11-25"));
	}

	/**
	 * Recipe 3's draw against vectors computed independently with Python's hmac and
	 * hashlib: HMAC-SHA-256 keyed by the seed over digest ‖ beacon value ‖ counter; the
	 * beacon value of these is quicknet's real round 1.
	 */
	@Test
	void beaconDrawMatchesTheTestVectors() {
		String digest = "3bb47792dc00c2b21866766145265532bd9c52757a64688caa8531e5bb19fa7b";
		String round1 = "1466a6cd24e327188770752f6134001c64d6efcc590ccc26b721611ad96f165a";
		assertThat(Fairness.draw(SEED, digest, round1, 6, 90)).containsExactly(15, 40, 61, 47, 79, 86);
		assertThat(Fairness.draw(SEED, digest, round1, 5, 50)).containsExactly(25, 27, 13, 49, 41);
		assertThat(Fairness.draw("00".repeat(32), "00".repeat(32), "00".repeat(32), 6, 90)).containsExactly(24, 35, 66,
				3, 17, 84);
		// without a beacon value (an overridden round), the draw of recipes 1 and 2
		assertThat(Fairness.draw(SEED, digest, null, 6, 90)).containsExactly(51, 47, 58, 44, 24, 12);
	}

	@Test
	void aTamperedBeaconValueDrawsOtherNumbers() {
		String digest = "3bb47792dc00c2b21866766145265532bd9c52757a64688caa8531e5bb19fa7b";
		String tampered = "1466a6cd24e327188770752f6134001c64d6efcc590ccc26b721611ad96f165b";
		assertThat(Fairness.draw(SEED, digest, tampered, 6, 90)).containsExactly(88, 5, 81, 82, 65, 74);
		assertThatIllegalArgumentException().isThrownBy(() -> Fairness.draw(SEED, digest, "00".repeat(31), 6, 90))
			.withMessageContaining("32 bytes");
	}

}
