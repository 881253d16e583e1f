package com.novanta.feeds;

import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A game's upcoming draws as iCalendar, written, then parsed and validated. */
class DrawCalendarTests {

	/** Noon in Rome's winter: today's draw, at midnight, is still to come. */
	static final Instant NOON = Instant.parse("2026-12-04T11:00:00Z");

	@Test
	void eachComingDrawIsAnEventAtItsDrawInUtc() throws Exception {
		Calendar calendar = Calendars.parse(write(NOON, Locale.ENGLISH));

		assertThat(Calendars.value(calendar, "VERSION")).isEqualTo("2.0");
		assertThat(Calendars.value(calendar, "X-WR-CALNAME")).isEqualTo("Novanta 6/90 draws");
		assertThat(Calendars.value(calendar, "REFRESH-INTERVAL")).isEqualTo("PT12H");
		assertThat(Calendars.value(calendar, "X-PUBLISHED-TTL")).isEqualTo("PT12H");
		List<VEvent> events = Calendars.events(calendar);
		assertThat(events).extracting((event) -> Calendars.value(event, "UID"))
			.containsExactly("daily-2026-12-04@novanta", "daily-2026-12-05@novanta", "daily-2026-12-06@novanta",
					"daily-2026-12-07@novanta", "daily-2026-12-08@novanta", "daily-2026-12-09@novanta",
					"daily-2026-12-10@novanta");
		VEvent first = events.get(0);
		Instant midnight = Instant.parse("2026-12-04T23:00:00Z");
		assertThat(Calendars.instant(first, "DTSTART")).isEqualTo(midnight);
		assertThat(Calendars.value(first, "DTSTART")).isEqualTo("20261204T230000Z");
		assertThat(Calendars.instant(first, "DTEND")).isEqualTo(midnight.plus(Duration.ofMinutes(15)));
		assertThat(Calendars.value(first, "SUMMARY")).isEqualTo("Novanta 6/90 draw");
		assertThat(Calendars.value(first, "DESCRIPTION")).isEqualTo(
				"Play until 23:59 (Europe/Rome time). The results once drawn: https://novanta.example/lotteries/daily-2026-12-04");
		assertThat(Calendars.value(first, "URL")).isEqualTo("https://novanta.example/lotteries/daily-2026-12-04");
	}

	@Test
	void afterTheCloseTheNextDrawComesFirst() throws Exception {
		Calendar calendar = Calendars.parse(write(Instant.parse("2026-12-04T23:00:00Z"), Locale.ENGLISH));
		assertThat(Calendars.value(Calendars.events(calendar).get(0), "UID")).isEqualTo("daily-2026-12-05@novanta");
	}

	@Test
	void aWeeklyGameHasItsDrawsOfTheComingWeeks() throws Exception {
		Game saturday = new Game("saturday", "S", "Sabato 5/50", 5, 50,
				new DrawSchedule(LocalTime.of(20, 0), Set.of(DayOfWeek.SATURDAY), FeedFixtures.ROME), 14, 200,
				List.of(PrizeTier.jackpot(5)), 0, 0);
		Calendar calendar = Calendars.parse(DrawCalendar.write(saturday, NOON, FeedFixtures.formats(Locale.ENGLISH),
				FeedFixtures.MESSAGES, FeedFixtures.BASE));
		List<VEvent> events = Calendars.events(calendar);
		assertThat(events).extracting((event) -> Calendars.value(event, "UID"))
			.containsExactly("saturday-2026-12-05@novanta", "saturday-2026-12-12@novanta");
		assertThat(Calendars.value(events.get(0), "DTSTART")).isEqualTo("20261205T190000Z");
	}

	@Test
	void theSameDayWritesTheSameCalendar() {
		assertThat(write(NOON, Locale.ENGLISH)).as("no time of writing in it: its ETag holds until a draw passes")
			.isEqualTo(write(NOON.plus(Duration.ofHours(11)), Locale.ENGLISH));
	}

	@Test
	void speaksItalianToo() throws Exception {
		Calendar calendar = Calendars.parse(write(NOON, Locale.ITALIAN));
		assertThat(Calendars.value(calendar, "X-WR-CALNAME")).isEqualTo("Estrazioni di Novanta 6/90");
		assertThat(Calendars.value(Calendars.events(calendar).get(0), "SUMMARY"))
			.isEqualTo("Estrazione di Novanta 6/90");
	}

	@Test
	void textIsEscapedAndLongLinesFolded() throws Exception {
		assertThat(DrawCalendar.text("a, b; c\\d\ne")).isEqualTo("a\\, b\\; c\\\\d\\ne");
		StringBuilder out = new StringBuilder();
		String long_ = "DESCRIPTION:" + "è".repeat(100);
		DrawCalendar.line(out, long_);
		String folded = out.toString();
		for (String line : folded.split("\r\n")) {
			assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
		}
		assertThat(folded.replace("\r\n ", "")).isEqualTo(long_ + "\r\n");
	}

	private static String write(Instant now, Locale locale) {
		return DrawCalendar.write(FeedFixtures.DAILY, now, FeedFixtures.formats(locale), FeedFixtures.MESSAGES,
				FeedFixtures.BASE);
	}

}
