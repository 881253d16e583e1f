package com.novanta.statistics;

import java.util.Arrays;
import java.util.Optional;

/** The periods a visitor can choose. */
enum Period {

	LAST_30("30", 30), LAST_90("90", 90), LAST_365("365", 365), ALL("all", 0), DATES("dates", 0);

	private final String param;

	private final int days;

	Period(String param, int days) {
		this.param = param;
		this.days = days;
	}

	/** Its value in the address. */
	public String param() {
		return this.param;
	}

	/** How many days back from today (today included), or 0. */
	int days() {
		return this.days;
	}

	static Optional<Period> parse(String param) {
		return Arrays.stream(values()).filter((period) -> period.param.equals(param)).findFirst();
	}

}
