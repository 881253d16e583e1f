package com.novanta.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Request parameters as every page reads them, whatever a hostile or careless request
 * puts in them.
 */
public final class RequestParameters {

	private RequestParameters() {
	}

	/**
	 * The page asked for, from 1, bounded so that its offset cannot overflow.
	 */
	public static int page(int requested, int pageSize) {
		return Math.max(1, Math.min(requested, Integer.MAX_VALUE / pageSize));
	}

	/**
	 * A date written {@code 2026-11-25}, or {@code null} when the value is blank, is not
	 * a date, or is so far outside our era (years 1 to 9999) that it cannot even be
	 * stored or queried.
	 */
	public static LocalDate date(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			LocalDate parsed = LocalDate.parse(value.trim());
			return (parsed.getYear() >= 1 && parsed.getYear() <= 9999) ? parsed : null;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
