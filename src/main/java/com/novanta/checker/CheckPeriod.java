package com.novanta.checker;

import java.util.Arrays;
import java.util.Optional;

/**
 * The periods a visitor can check a line over: the same choices and words as the
 * statistics page, without its "between dates".
 */
enum CheckPeriod {

	LAST_30("30", 30), LAST_90("90", 90), LAST_365("365", 365), ALL("all", 0);

	private final String param;

	private final int days;

	CheckPeriod(String param, int days) {
		this.param = param;
		this.days = days;
	}

	/** Its value in the address. */
	public String param() {
		return this.param;
	}

	/** Its words, shared with the statistics page. */
	public String messageKey() {
		return "statistics.period." + this.param;
	}

	/** How many days back from today (today included), or 0 for every draw. */
	int days() {
		return this.days;
	}

	static Optional<CheckPeriod> parse(String param) {
		return Arrays.stream(values()).filter((period) -> period.param.equals(param)).findFirst();
	}

}
