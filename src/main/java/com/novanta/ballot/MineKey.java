package com.novanta.ballot;

import java.util.regex.Pattern;

/**
 * The key that puts a participant's slips in "My ballots" order, newest first, as one
 * ascending string: the participant, then the order key, which is the time of submission
 * counted down ({@code Long.MAX_VALUE} minus its epoch milliseconds, 19 digits), the slip
 * number counted down (9 digits) and the lottery. Slips submitted in the same millisecond
 * come highest slip number first; the lottery makes the key unique.
 *
 * <p>
 * The order key alone is the page's cursor, so a cursor never names a participant: the
 * range read always starts with the signed-in one.
 */
final class MineKey {

	/**
	 * Between the participant and the order key; below every character of either (ids are
	 * never control characters), so one participant's keys are one contiguous range.
	 */
	private static final char SEPARATOR = '\u0001';

	/** What a cursor must look like: the digits, then a lottery id. */
	private static final Pattern ORDER = Pattern.compile("\\d{28}:[A-Za-z0-9._-]{1,100}");

	private static final long LAST_SLIP = 999_999_999L;

	private MineKey() {
	}

	/** The stored key of a slip. */
	static String of(BallotSlip slip) {
		return slip.accountId() + SEPARATOR + order(slip);
	}

	/** The order key of a slip: the cursor of the page it ends. */
	static String order(BallotSlip slip) {
		long millis = Math.max(0, slip.submittedAt().toEpochMilli());
		return String.format("%019d%09d:%s", Long.MAX_VALUE - millis, LAST_SLIP - Math.min(slip.slip(), LAST_SLIP),
				slip.lotteryId());
	}

	/** The exclusive lower bound of a participant's range after a cursor. */
	static String from(String accountId, String after) {
		return accountId + SEPARATOR + ((after != null) ? after : "");
	}

	/** The exclusive upper bound of a participant's range. */
	static String end(String accountId) {
		return accountId + (char) (SEPARATOR + 1);
	}

	/** Whether a cursor from a URL is an order key (anything else is refused). */
	static boolean isOrder(String cursor) {
		return ORDER.matcher(cursor).matches();
	}

}
