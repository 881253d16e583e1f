package com.novanta.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What became of a subscription in one lottery: one per subscription and lottery, never
 * changed once recorded.
 *
 * @param lotteryId the lottery
 * @param drawDate its draw date
 * @param outcome placed, failed or skipped
 * @param slipId the slip placed (its receipt page), or {@code null}
 * @param receipt the slip's receipt number, or {@code null}
 * @param reason why it was not placed: a message key, or {@code null}
 * @param at when it was recorded
 */
record Placement(String lotteryId, LocalDate drawDate, Outcome outcome, String slipId, String receipt, String reason,
		Instant at) {

	static Placement placed(String lotteryId, LocalDate drawDate, String slipId, String receipt, Instant at) {
		return new Placement(lotteryId, drawDate, Outcome.PLACED, slipId, receipt, null, at);
	}

	static Placement failed(String lotteryId, LocalDate drawDate, String reason, Instant at) {
		return new Placement(lotteryId, drawDate, Outcome.FAILED, null, null, reason, at);
	}

	static Placement skipped(String lotteryId, LocalDate drawDate, String reason, Instant at) {
		return new Placement(lotteryId, drawDate, Outcome.SKIPPED, null, null, reason, at);
	}

	boolean isPlaced() {
		return this.outcome == Outcome.PLACED;
	}

	/** What became of it. */
	enum Outcome {

		/** A slip was placed: it counts as one of the subscription's draws. */
		PLACED,

		/** The submission was refused (a limit): not retried for this lottery. */
		FAILED,

		/** The jackpot was below the participant's minimum: does not count as a draw. */
		SKIPPED;

		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
