package com.novanta.ballot;

import java.util.List;
import java.util.Locale;

/**
 * A slip as its participant sees it, with each line's result once the lottery is drawn.
 *
 * @param slip the slip
 * @param lines its lines (possibly only those passing a filter)
 * @param stake what the slip cost, in cents
 */
public record BallotView(BallotSlip slip, List<Line> lines, long stake) {

	/**
	 * One ballot and its result.
	 *
	 * @param index the line's index in the slip
	 * @param numbers the numbers, ascending
	 * @param quickPick whether the system picked them
	 * @param result pending, won or no win
	 * @param matched the numbers that match the winning numbers
	 * @param tier the winning tier's matches, if won
	 * @param prize the prize in cents, if won and known
	 */
	public record Line(int index, List<Integer> numbers, boolean quickPick, Result result, List<Integer> matched,
			Integer tier, Long prize) {

		public boolean isMatched(int number) {
			return this.matched.contains(number);
		}

	}

	/** A ballot's result. */
	public enum Result {

		PENDING, WON, NO_WIN;

		public static Result parse(String value) {
			if (value == null || value.isBlank()) {
				return null;
			}
			return switch (value) {
				case "pending" -> PENDING;
				case "won" -> WON;
				case "no-win" -> NO_WIN;
				default -> null;
			};
		}

		public String param() {
			return name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

}
