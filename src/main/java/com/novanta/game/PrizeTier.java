package com.novanta.game;

/**
 * What a ballot wins for a number of matched numbers.
 *
 * @param matches how many numbers must match
 * @param kind a fixed amount, or a share of the jackpot pool
 * @param amount the fixed amount in cents (for a jackpot: unused)
 */
public record PrizeTier(int matches, Kind kind, long amount) {

	public PrizeTier {
		if (matches < 1) {
			throw new IllegalArgumentException("A tier needs at least one match");
		}
		if (kind == Kind.FIXED && amount <= 0) {
			throw new IllegalArgumentException("A fixed prize needs a positive amount");
		}
	}

	public static PrizeTier fixed(int matches, long amount) {
		return new PrizeTier(matches, Kind.FIXED, amount);
	}

	public static PrizeTier jackpot(int matches) {
		return new PrizeTier(matches, Kind.JACKPOT, 0);
	}

	public boolean isJackpot() {
		return this.kind == Kind.JACKPOT;
	}

	/** How a tier pays. */
	public enum Kind {

		/** A fixed amount per winning ballot. */
		FIXED,

		/**
		 * An equal share of the jackpot pool among the tier's winners; unwon, it rolls
		 * over.
		 */
		JACKPOT

	}

}
