package com.novanta.reminder;

import java.time.Duration;
import java.time.Instant;

/** When a reminder is due, and how the time left is said. Plain Java. */
final class ReminderRules {

	private ReminderRules() {
	}

	/**
	 * Whether a lottery closing at {@code closesAt} is due a closing reminder at
	 * {@code now}: not closed yet, and closing within the window.
	 */
	static boolean closesWithin(Instant closesAt, Instant now, Duration window) {
		return now.isBefore(closesAt) && !closesAt.isAfter(now.plus(window));
	}

	/**
	 * Whether a jackpot of {@code cents} reached a threshold in whole euros
	 * ({@code null}: no alert wanted).
	 */
	static boolean reached(long cents, Long thresholdEuros) {
		return thresholdEuros != null && thresholdEuros > 0 && cents / 100 >= thresholdEuros;
	}

	/** Whole minutes left until the close, at least 1 while it is open. */
	static long minutesLeft(Instant closesAt, Instant now) {
		long seconds = Duration.between(now, closesAt).toSeconds();
		return Math.max(1, (seconds + 59) / 60);
	}

	/**
	 * The hours to say ("in about 2 hours"): the minutes left rounded to the nearest
	 * hour, or 0 under 45 minutes, when the minutes are said instead.
	 */
	static long aboutHours(long minutesLeft) {
		return (minutesLeft < 45) ? 0 : Math.max(1, Math.round(minutesLeft / 60.0));
	}

}
