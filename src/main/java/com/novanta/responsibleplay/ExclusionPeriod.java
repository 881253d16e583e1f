package com.novanta.responsibleplay;

import java.time.Period;
import java.util.Locale;
import java.util.Optional;

/**
 * How long a participant can exclude themselves from play: never less than six months.
 */
public enum ExclusionPeriod {

	SIX_MONTHS(Period.ofMonths(6)), ONE_YEAR(Period.ofYears(1)), TWO_YEARS(Period.ofYears(2)),
	FIVE_YEARS(Period.ofYears(5));

	private final Period period;

	ExclusionPeriod(Period period) {
		this.period = period;
	}

	public Period period() {
		return this.period;
	}

	public String messageKey() {
		return "exclusion.period." + name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** The period with this name, as a form sends it. */
	public static Optional<ExclusionPeriod> parse(String name) {
		for (ExclusionPeriod candidate : values()) {
			if (candidate.name().equals(name)) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

}
