package com.novanta.game;

import java.util.Arrays;

/**
 * A set of numbers from 1 to 128 as two 64-bit words, so that matching a ballot against
 * the winning numbers is two ANDs and two population counts.
 *
 * @param low numbers 1 to 64 (bit n-1)
 * @param high numbers 65 to 128 (bit n-65)
 */
public record NumberSet(long low, long high) {

	public static NumberSet of(int... numbers) {
		long low = 0;
		long high = 0;
		for (int n : numbers) {
			if (n < 1 || n > 128) {
				throw new IllegalArgumentException("Out of range: " + n);
			}
			if (n <= 64) {
				low |= 1L << (n - 1);
			}
			else {
				high |= 1L << (n - 65);
			}
		}
		return new NumberSet(low, high);
	}

	/** How many numbers the two sets share. */
	public int matches(NumberSet other) {
		return Long.bitCount(this.low & other.low) + Long.bitCount(this.high & other.high);
	}

	/** The same, without making an object: for matching millions of ballots. */
	public static int matches(long low, long high, long otherLow, long otherHigh) {
		return Long.bitCount(low & otherLow) + Long.bitCount(high & otherHigh);
	}

	public boolean contains(int n) {
		return (n <= 64) ? (this.low & (1L << (n - 1))) != 0 : (this.high & (1L << (n - 65))) != 0;
	}

	public int size() {
		return Long.bitCount(this.low) + Long.bitCount(this.high);
	}

	/** The numbers, ascending. */
	public int[] toArray() {
		int[] numbers = new int[size()];
		int i = 0;
		for (int n = 1; n <= 128; n++) {
			if (contains(n)) {
				numbers[i++] = n;
			}
		}
		return numbers;
	}

	/** The numbers this set shares with another, ascending. */
	public int[] common(NumberSet other) {
		return new NumberSet(this.low & other.low, this.high & other.high).toArray();
	}

	@Override
	public String toString() {
		return Arrays.toString(toArray());
	}

}
