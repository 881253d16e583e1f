package com.novanta.game;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Picks distinct numbers uniformly at random: a partial Fisher–Yates shuffle of the whole
 * range, so that every set of numbers is equally likely.
 */
public final class QuickPick {

	private QuickPick() {
	}

	/**
	 * Picks {@code count} distinct numbers from {@code 1..max}, sorted ascending.
	 * @param count how many numbers
	 * @param max the largest number
	 * @param random the random source
	 * @return the numbers, ascending
	 */
	public static int[] pick(int count, int max, RandomGenerator random) {
		if (count < 1 || count > max) {
			throw new IllegalArgumentException("Cannot pick " + count + " numbers from 1.." + max);
		}
		int[] pool = new int[max];
		for (int i = 0; i < max; i++) {
			pool[i] = i + 1;
		}
		for (int i = 0; i < count; i++) {
			int j = i + random.nextInt(max - i);
			int swap = pool[i];
			pool[i] = pool[j];
			pool[j] = swap;
		}
		int[] picked = Arrays.copyOf(pool, count);
		Arrays.sort(picked);
		return picked;
	}

	/** A valid line for a game. */
	public static int[] pick(Game game, RandomGenerator random) {
		return pick(game.picks(), game.maxNumber(), random);
	}

}
