package com.novanta.beacon;

import java.time.Duration;
import java.time.Instant;

/**
 * How lotteries use the beacon ({@code lottery.fairness.beacon.margin} and
 * {@code override-after}).
 *
 * @param margin a lottery's round is the first one published at least this long after its
 * close, so that its ballot digest is fixed and published before anyone knows the round's
 * value
 * @param overrideAfter how long the round must be overdue (published by the beacon's
 * schedule, but not to be had) before an operator may draw without it, publicly
 */
public record BeaconTerms(Duration margin, Duration overrideAfter) {

	public BeaconTerms {
		if (margin.isNegative()) {
			throw new IllegalArgumentException("lottery.fairness.beacon.margin cannot be negative: " + margin);
		}
		if (overrideAfter.isNegative()) {
			throw new IllegalArgumentException(
					"lottery.fairness.beacon.override-after cannot be negative: " + overrideAfter);
		}
	}

	/** The round of a lottery that closes at {@code closesAt}. */
	public long roundFor(RandomnessBeacon beacon, Instant closesAt) {
		return beacon.roundAt(closesAt.plus(this.margin));
	}

	/**
	 * Whether an operator may draw without a round due at {@code due}, at {@code now}.
	 */
	public boolean mayOverride(Instant due, Instant now) {
		return !now.isBefore(due.plus(this.overrideAfter));
	}

}
