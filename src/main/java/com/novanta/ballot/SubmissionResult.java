package com.novanta.ballot;

import java.util.Locale;
import java.util.Map;

/** What became of a submission of ballots. */
public sealed interface SubmissionResult {

	/**
	 * The ballots are accepted and stored.
	 *
	 * @param slip the stored slip
	 * @param repeated whether this is the same submission sent again (nothing new was
	 * stored)
	 */
	record Accepted(BallotSlip slip, boolean repeated) implements SubmissionResult {
	}

	/**
	 * Nothing was stored.
	 *
	 * @param reason why
	 * @param lineProblems for {@link Reason#INVALID_LINES}: the problem of each bad line,
	 * by line index
	 * @param remaining for {@link Reason#LIMIT_REACHED} and the daily and monthly limits:
	 * how many more ballots the participant may add
	 */
	record Rejected(Reason reason, Map<Integer, String> lineProblems, long remaining) implements SubmissionResult {

		static Rejected of(Reason reason) {
			return new Rejected(reason, Map.of(), 0);
		}

	}

	/** Why a submission was refused. */
	enum Reason {

		NOT_VERIFIED, UNKNOWN_LOTTERY, CLOSED, NO_LINES, TOO_MANY_LINES, INVALID_LINES, LIMIT_REACHED, MISSING_KEY,

		/** The participant excluded themselves from play. */
		EXCLUDED,

		/** The ballots would go over the participant's own limit for the day. */
		DAILY_LIMIT_REACHED,

		/** The ballots would go over the participant's own limit for the month. */
		MONTHLY_LIMIT_REACHED;

		public String messageKey() {
			return "play.rejected." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
