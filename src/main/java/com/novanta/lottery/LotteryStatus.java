package com.novanta.lottery;

/**
 * Where a lottery is in its life; the draw pipeline moves it forward one step at a time.
 */
public enum LotteryStatus {

	/** Accepting ballots until its close instant. */
	OPEN,

	/** Closed: the set of ballots is fixed and its digest published. */
	CLOSED,

	/** The winning numbers are drawn and saved; the seed is revealed. */
	DRAWN,

	/** Every ballot is settled and the winners recorded. */
	SETTLED,

	/** Every participant has been sent their result. */
	NOTIFIED;

	public boolean isAtLeast(LotteryStatus other) {
		return compareTo(other) >= 0;
	}

}
