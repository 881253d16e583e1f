package com.novanta.game;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When a game's lotteries close and are drawn: a local time on some days of the week, in
 * a named time zone. A time of 00:00 means midnight at the end of the draw date, so the
 * lottery of 25 November closes when 25 November ends.
 *
 * @param time the local closing time
 * @param days the days of the week with a draw
 * @param zone the time zone the time is in
 */
public record DrawSchedule(LocalTime time, Set<DayOfWeek> days, ZoneId zone) {

	public DrawSchedule {
		if (days.isEmpty()) {
			throw new IllegalArgumentException("A schedule needs at least one day");
		}
		days = Set.copyOf(EnumSet.copyOf(days));
	}

	public static DrawSchedule daily(LocalTime time, ZoneId zone) {
		return new DrawSchedule(time, EnumSet.allOf(DayOfWeek.class), zone);
	}

	public boolean drawsOn(LocalDate date) {
		return this.days.contains(date.getDayOfWeek());
	}

	/**
	 * The instant the lottery of {@code date} closes. Computed from the local time in the
	 * zone, so a daylight-saving change never moves it: a local time that does not exist
	 * that day (the clocks jump over it) closes at the first instant after the gap, which
	 * is what the clocks on the wall show.
	 */
	public Instant closesAt(LocalDate date) {
		if (this.time.equals(LocalTime.MIDNIGHT)) {
			return date.plusDays(1).atStartOfDay(this.zone).toInstant();
		}
		return ZonedDateTime.of(date, this.time, this.zone).toInstant();
	}

	/** The draw dates from {@code from} (included) over {@code days} days. */
	public List<LocalDate> drawDates(LocalDate from, int days) {
		List<LocalDate> dates = new ArrayList<>();
		for (int i = 0; i < days; i++) {
			LocalDate date = from.plusDays(i);
			if (drawsOn(date)) {
				dates.add(date);
			}
		}
		return dates;
	}

	/**
	 * The date of the lottery that is open for play at {@code now} (the first not yet
	 * closed).
	 */
	public LocalDate currentDrawDate(Instant now) {
		LocalDate date = now.atZone(this.zone).toLocalDate().minusDays(1);
		while (!drawsOn(date) || !closesAt(date).isAfter(now)) {
			date = date.plusDays(1);
		}
		return date;
	}

}
