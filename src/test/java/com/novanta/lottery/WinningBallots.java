package com.novanta.lottery;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;

import com.novanta.fairness.Fairness;
import com.novanta.game.NumberSet;
import com.novanta.game.QuickPick;
import com.novanta.testing.TestSaltConfiguration;

/**
 * Ballots that win what a test needs in a lottery's real draw. The draw is a function of
 * the lottery's seed, its ballots and its beacon round's value ({@link Fairness}):
 * knowing the seed and the value (the tests' beacon has a fixed key), a test tries random
 * ballots until the draw they would make matches each as asked, then plays them. The one
 * search every test that needs a win uses.
 */
public final class WinningBallots {

	private static final int PICKS = 6;

	private static final int MAX = 90;

	private WinningBallots() {
	}

	/**
	 * Searches ballots of the 6/90 game (the daily game of {@link TestLotteries}) for the
	 * first slips of a lottery, one line a slip, played in slip order.
	 * @param lotteryId the lottery
	 * @param secrets its seed and beacon value ({@link TestLotteries#drawInputs})
	 * @param randomSeed where the search starts (tests choose different ones)
	 * @param slips how many slips play each ballot, in slip order: {@code {1}} one slip;
	 * {@code {2}} two slips of the same ballot; {@code {1, 2}} one slip of a ballot, then
	 * two of another
	 * @param wanted whether the matches of each ballot (indexed as {@code slips}) are
	 * what the test needs
	 * @return the ballots, the numbers the draw will pick and the ballot digest
	 */
	public static Found search(String lotteryId, Inputs secrets, long randomSeed, int[] slips,
			Predicate<int[]> wanted) {
		SplittableRandom random = new SplittableRandom(randomSeed);
		while (true) {
			List<int[]> ballots = new ArrayList<>();
			for (int i = 0; i < slips.length; i++) {
				ballots.add(QuickPick.pick(PICKS, MAX, random));
			}
			Fairness.Digester digest = Fairness.digester(Fairness.RECIPE, lotteryId);
			long slip = 1;
			for (int i = 0; i < slips.length; i++) {
				for (int copy = 0; copy < slips[i]; copy++) {
					digest.add(slip, 0, ballots.get(i), TestSaltConfiguration.salt(lotteryId, slip, 0));
					slip++;
				}
			}
			String digestHex = digest.finish();
			int[] drawn = Fairness
				.winningNumbers(Fairness.draw(secrets.seed(), digestHex, secrets.beaconValue(), PICKS, MAX));
			int[] matches = ballots.stream()
				.mapToInt((ballot) -> NumberSet.of(ballot).matches(NumberSet.of(drawn)))
				.toArray();
			if (wanted.test(matches)) {
				return new Found(List.copyOf(ballots), drawn, digestHex);
			}
		}
	}

	/**
	 * One ballot, the lottery's only slip, that matches exactly {@code matches} numbers.
	 */
	public static Found onlySlipMatching(String lotteryId, Inputs secrets, long randomSeed, int matches) {
		return search(lotteryId, secrets, randomSeed, new int[] { 1 }, (found) -> found[0] == matches);
	}

	/**
	 * Two ballots for a lottery of three slips: the first ballot (slip 1) matches three
	 * numbers, the second (slips 2 and 3) none or one, which wins nothing.
	 */
	public static Found threeSlipsOneWinningThree(String lotteryId, Inputs secrets, long randomSeed) {
		return search(lotteryId, secrets, randomSeed, new int[] { 1, 2 }, (found) -> found[0] == 3 && found[1] < 2);
	}

	/**
	 * What a lottery's numbers are drawn from, besides its ballots.
	 *
	 * @param seed its seed, hex
	 * @param beaconValue its beacon round's value, hex ({@code null} before recipe 3)
	 */
	public record Inputs(String seed, String beaconValue) {

	}

	/**
	 * What {@link #search} found.
	 *
	 * @param ballots the ballots, ascending numbers each, in the order asked
	 * @param drawn the winning numbers the draw will pick, ascending
	 * @param digest the lottery's ballot digest once these slips are in, hex
	 */
	public record Found(List<int[]> ballots, int[] drawn, String digest) {

		public int[] ballot(int index) {
			return this.ballots.get(index);
		}

	}

}
