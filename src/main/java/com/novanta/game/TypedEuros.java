package com.novanta.game;

import java.util.regex.Pattern;

/**
 * A whole number of euros as a player types it for a jackpot amount: "5000000",
 * "5.000.000", "5,000,000" or "€ 5 000 000" (a euro sign before or after, groups of three
 * digits apart by a dot, comma, apostrophe or space), from 1 euro to {@value #MAX}. The
 * one reading of such amounts, for jackpot alerts and a subscription's minimum jackpot.
 *
 * @param euros the amount ({@link Long#MAX_VALUE} when far too many digits were typed), 0
 * when it is not an amount
 * @param problem what is wrong with it, {@code null} when nothing is
 */
public record TypedEuros(long euros, Problem problem) {

	/** The largest amount a player can choose, in euros. */
	public static final long MAX = 1_000_000_000L;

	/** The longest text read as an amount. */
	public static final int MAX_LENGTH = 20;

	private static final Pattern EUROS = Pattern.compile("[0-9]{1,10}|[0-9]{1,3}([.,'\u00a0 ][0-9]{3})+");

	/** What can be wrong with a typed amount. */
	public enum Problem {

		/** Not a whole number of euros. */
		NOT_AN_AMOUNT,

		/** Below 1 euro or above {@link TypedEuros#MAX}. */
		OUT_OF_RANGE

	}

	/**
	 * Reads a typed amount (a blank one is not an amount: callers decide what it means).
	 */
	public static TypedEuros read(String text) {
		if (text == null || text.length() > MAX_LENGTH) {
			return new TypedEuros(0, Problem.NOT_AN_AMOUNT);
		}
		String amount = withoutEuroSign(text);
		if (!EUROS.matcher(amount).matches()) {
			return new TypedEuros(0, Problem.NOT_AN_AMOUNT);
		}
		String digits = amount.replaceAll("[^0-9]", "");
		long euros = (digits.length() > 10) ? Long.MAX_VALUE : Long.parseLong(digits);
		return new TypedEuros(euros, (euros < 1 || euros > MAX) ? Problem.OUT_OF_RANGE : null);
	}

	public boolean isValid() {
		return this.problem == null;
	}

	/** Without spaces around it and a euro sign before or after it. */
	private static String withoutEuroSign(String text) {
		String amount = text.strip();
		if (amount.startsWith("€")) {
			amount = amount.substring(1).strip();
		}
		if (amount.endsWith("€")) {
			amount = amount.substring(0, amount.length() - 1).strip();
		}
		return amount;
	}

}
