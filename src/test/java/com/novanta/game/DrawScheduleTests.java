package com.novanta.game;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DrawScheduleTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Test
	void midnightMeansTheEndOfTheDrawDate() {
		DrawSchedule daily = DrawSchedule.daily(LocalTime.MIDNIGHT, ROME);
		assertThat(daily.closesAt(LocalDate.of(2026, 11, 25))).isEqualTo(Instant.parse("2026-11-25T23:00:00Z"));
	}

	@Test
	void closesAtLocalMidnightOnBothSidesOfASummerTimeChange() {
		DrawSchedule daily = DrawSchedule.daily(LocalTime.MIDNIGHT, ROME);
		// Clocks go forward on Sunday 29 March 2026 at 02:00
		assertThat(daily.closesAt(LocalDate.of(2026, 3, 28))).isEqualTo(Instant.parse("2026-03-28T23:00:00Z"));
		assertThat(daily.closesAt(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
		// and back on Sunday 25 October 2026 at 03:00
		assertThat(daily.closesAt(LocalDate.of(2026, 10, 24))).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
		assertThat(daily.closesAt(LocalDate.of(2026, 10, 25))).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
	}

	@Test
	void closesWhenTheWallClockShowsTheNewDayInAZoneWhoseClocksJumpAtMidnight() {
		// In Havana the clocks jump from 00:00 to 01:00 on Sunday 8 March 2026: midnight
		// never
		// happens, so the lottery of 7 March closes at the first instant of 8 March,
		// 01:00 local.
		ZoneId havana = ZoneId.of("America/Havana");
		DrawSchedule daily = DrawSchedule.daily(LocalTime.MIDNIGHT, havana);
		Instant close = daily.closesAt(LocalDate.of(2026, 3, 7));
		assertThat(close).isEqualTo(Instant.parse("2026-03-08T05:00:00Z"));
		assertThat(close.atZone(havana).toLocalDateTime()).hasToString("2026-03-08T01:00");
		assertThat(daily.closesAt(LocalDate.of(2026, 3, 6))).isEqualTo(Instant.parse("2026-03-07T05:00:00Z"));
	}

	@Test
	void aTimeThatTheClocksSkipClosesRightAfterTheGap() {
		DrawSchedule at0230 = DrawSchedule.daily(LocalTime.of(2, 30), ROME);
		assertThat(at0230.closesAt(LocalDate.of(2026, 3, 29)).atZone(ROME).toLocalTime())
			.isEqualTo(LocalTime.of(3, 30));
	}

	@Test
	void weeklyGameDrawsOnlyOnItsDays() {
		DrawSchedule saturdays = new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY), ROME);
		assertThat(saturdays.drawDates(LocalDate.of(2026, 11, 23), 14)).containsExactly(LocalDate.of(2026, 11, 28),
				LocalDate.of(2026, 12, 5));
		assertThat(saturdays.closesAt(LocalDate.of(2026, 11, 28))).isEqualTo(Instant.parse("2026-11-28T19:00:00Z"));
	}

	@Test
	void findsTheLotteryOpenAtAnInstant() {
		DrawSchedule daily = DrawSchedule.daily(LocalTime.MIDNIGHT, ROME);
		assertThat(daily.currentDrawDate(Instant.parse("2026-11-25T22:59:59.999Z")))
			.isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(daily.currentDrawDate(Instant.parse("2026-11-25T23:00:00Z"))).isEqualTo(LocalDate.of(2026, 11, 26));
		DrawSchedule saturdays = new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY), ROME);
		assertThat(saturdays.currentDrawDate(Instant.parse("2026-11-28T19:00:00Z")))
			.isEqualTo(LocalDate.of(2026, 12, 5));
	}

	@Test
	void needsAtLeastOneDay() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DrawSchedule(LocalTime.NOON, EnumSet.noneOf(DayOfWeek.class), ROME));
	}

}
