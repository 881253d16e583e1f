package com.novanta.responsibleplay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

/**
 * A participant's limits and exclusion as they stand at an instant: what the ballot
 * module enforces and what the account and admin pages show.
 *
 * @param at the instant
 * @param zone the site's time zone, in which days and months are counted
 * @param daily the daily limit in force, with a raise that still waits
 * @param monthly the monthly limit in force, with a raise that still waits
 * @param excludedAt when the self-exclusion in force began, or {@code null} if none is
 * @param excludedUntil when the self-exclusion in force ends, or {@code null} if none is
 */
public record PlayStatus(Instant at, ZoneId zone, PlayLimit daily, PlayLimit monthly, Instant excludedAt,
		Instant excludedUntil) {

	/** Whether the participant is excluded from play. */
	public boolean excluded() {
		return this.excludedUntil != null;
	}

	/** The most ballots for the day, or {@code null} for no limit. */
	public Integer dailyLimit() {
		return this.daily.value();
	}

	/** The most ballots for the month, or {@code null} for no limit. */
	public Integer monthlyLimit() {
		return this.monthly.value();
	}

	/** The day the instant falls on, in the site's time zone. */
	public LocalDate day() {
		return this.at.atZone(this.zone).toLocalDate();
	}

	/** The month the instant falls in, in the site's time zone. */
	public YearMonth month() {
		return YearMonth.from(day());
	}

	/** Whether any limit is set or waits to be. */
	public boolean hasLimits() {
		return this.daily.value() != null || this.monthly.value() != null || this.daily.pendingFrom() != null
				|| this.monthly.pendingFrom() != null;
	}

}
