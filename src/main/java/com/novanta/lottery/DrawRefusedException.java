package com.novanta.lottery;

/**
 * The draw step would not draw: the lottery's seed cannot be read, or is not the one
 * whose commitment was published. Nothing was written; the lottery stays closed until
 * someone puts the right seed (or the right seed key) back.
 */
public class DrawRefusedException extends RuntimeException {

	private final String reason;

	DrawRefusedException(String reason, String message) {
		super(message);
		this.reason = reason;
	}

	/**
	 * Why, in a word for metrics and the audit log: {@code seed-unreadable} or
	 * {@code seed-commitment}.
	 */
	public String reason() {
		return this.reason;
	}

}
