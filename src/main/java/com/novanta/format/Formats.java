package com.novanta.format;

import java.text.NumberFormat;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.MessageSource;

/**
 * Dates, times and amounts as Novanta writes them for one reader: in their language and
 * time zone, pages and emails alike. The one place that formats; the pages reach it
 * through the visitor's formats ({@code fmt}), the emails through the recipient's.
 *
 * <p>
 * One format per language: Italian conventions in Italian ("martedì 1 dicembre 2026,
 * 00:00", short "1 dic 2026, 19:41"), British ones in English ("Tuesday 1 December 2026,
 * 00:00", short "1 Dec 2026, 19:41"), with the 24-hour clock. Only a reader whose browser
 * names a region with other conventions gets those: the 12-hour clock in the United
 * States or Australia, the month first in the United States or Canada.
 *
 * <p>
 * A draw is said as people say it, relative to now where that helps: "tonight at
 * midnight", "tomorrow at 20:00", "Saturday at 20:00", else the full date. An instant at
 * 00:00 is "midnight" at the end of the day before, so the lottery of Monday 30 November,
 * which closes when that day ends, is drawn "Monday at midnight". The words come from the
 * instant itself, never from a key that assumes a draw time.
 */
public final class Formats {

	/** Within how many days ahead a weekday alone names a day without doubt. */
	private static final int WEEKDAY_DAYS = 6;

	private static final Map<Locale, Patterns> PATTERNS = new ConcurrentHashMap<>();

	private final MessageSource messages;

	private final Locale locale;

	private final ZoneId zone;

	private final DateTimeFormatter date;

	private final DateTimeFormatter shortDate;

	private final DateTimeFormatter weekday;

	private final DateTimeFormatter time;

	private Formats(MessageSource messages, Locale locale, ZoneId zone) {
		this.messages = messages;
		this.locale = locale;
		this.zone = zone;
		// by language and region only: a few hundred at most, whatever browsers send
		Patterns patterns = PATTERNS.computeIfAbsent(new Locale(locale.getLanguage(), locale.getCountry()),
				Patterns::of);
		this.date = patterns.date();
		this.shortDate = patterns.shortDate();
		this.weekday = patterns.weekday();
		this.time = patterns.time();
	}

	/**
	 * The formats for a reader.
	 * @param messages the bundle with the words ({@code when.*}, {@code time.*})
	 * @param locale the reader's language, and region if their browser names one
	 * @param zone the reader's time zone
	 * @return the formats
	 */
	public static Formats of(MessageSource messages, Locale locale, ZoneId zone) {
		return new Formats(messages, locale, zone);
	}

	/** The formatters of a locale, made once: pages format dozens of dates. */
	private record Patterns(DateTimeFormatter date, DateTimeFormatter shortDate, DateTimeFormatter weekday,
			DateTimeFormatter time) {

		static Patterns of(Locale locale) {
			boolean italian = "it".equals(locale.getLanguage());
			// English names from plain English: the British data abbreviates September
			// "Sept"
			Locale text = italian ? Locale.ITALIAN : Locale.ENGLISH;
			boolean monthFirst = !italian && regionSays(locale, FormatStyle.MEDIUM, null).startsWith("M");
			boolean twelveHours = !italian && regionSays(locale, null, FormatStyle.SHORT).contains("h");
			return new Patterns(
					DateTimeFormatter.ofPattern(monthFirst ? "EEEE, MMMM d, yyyy" : "EEEE d MMMM yyyy", text),
					DateTimeFormatter.ofPattern(monthFirst ? "MMM d, yyyy" : "d MMM yyyy", text),
					DateTimeFormatter.ofPattern("EEEE", text),
					DateTimeFormatter.ofPattern(twelveHours ? "h:mm a" : "HH:mm", text));
		}

	}

	/**
	 * The pattern the region of an English reader uses, or the British one when the
	 * browser named no region (plain "en" would otherwise mean American conventions).
	 */
	private static String regionSays(Locale locale, FormatStyle date, FormatStyle time) {
		Locale region = locale.getCountry().isEmpty() ? Locale.UK : locale;
		return DateTimeFormatterBuilder.getLocalizedDateTimePattern(date, time, IsoChronology.INSTANCE, region);
	}

	/** An amount in euros, to the cent: "€1,000.50", "1.000,50 €". */
	public String money(long cents) {
		return euros(2).format(cents / 100.0);
	}

	/**
	 * An amount in whole euros ("€1,000,012"), for jackpots: cents would only be noise.
	 */
	public String wholeMoney(long cents) {
		return euros(0).format(cents / 100);
	}

	/** A count: "1,234", "1.234". */
	public String number(long value) {
		return NumberFormat.getIntegerInstance(this.locale).format(value);
	}

	private NumberFormat euros(int fractionDigits) {
		NumberFormat format = NumberFormat.getCurrencyInstance(this.locale);
		format.setCurrency(Currency.getInstance("EUR"));
		format.setMinimumFractionDigits(fractionDigits);
		format.setMaximumFractionDigits(fractionDigits);
		return format;
	}

	public Locale locale() {
		return this.locale;
	}

	public ZoneId zone() {
		return this.zone;
	}

	/** "Tuesday 1 December 2026, 00:00". */
	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		LocalDateTime local = LocalDateTime.ofInstant(instant, this.zone);
		return this.date.format(local) + ", " + this.time.format(local);
	}

	/** "1 Dec 2026, 19:41", for tables and lists. */
	public String shortDateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		LocalDateTime local = LocalDateTime.ofInstant(instant, this.zone);
		return this.shortDate.format(local) + ", " + this.time.format(local);
	}

	/** "Tuesday 1 December 2026". */
	public String date(LocalDate date) {
		return (date != null) ? this.date.format(date) : "";
	}

	/** "1 Dec 2026". */
	public String shortDate(LocalDate date) {
		return (date != null) ? this.shortDate.format(date) : "";
	}

	/** "19:41". */
	public String time(Instant instant) {
		return (instant != null) ? this.time.format(LocalDateTime.ofInstant(instant, this.zone)) : "";
	}

	/**
	 * When something happens or happened, relative to now where that helps: "tonight at
	 * midnight", "today at 12:00", "tomorrow at 20:00", "last night at midnight",
	 * "Saturday at 20:00" within the next days, else "Saturday 12 December 2026 at
	 * 20:00". To the minute.
	 */
	public String when(Instant instant, Instant now) {
		if (instant == null) {
			return "";
		}
		LocalDateTime local = LocalDateTime.ofInstant(instant, this.zone).truncatedTo(ChronoUnit.MINUTES);
		boolean midnight = local.toLocalTime().equals(LocalTime.MIDNIGHT);
		// midnight ends the day before: the lottery of Monday is drawn "Monday at
		// midnight"
		LocalDate day = midnight ? local.toLocalDate().minusDays(1) : local.toLocalDate();
		LocalDate today = LocalDate.ofInstant(now, this.zone);
		long days = ChronoUnit.DAYS.between(today, day);
		String dayWords;
		if (days == 0) {
			dayWords = message((midnight || local.getHour() >= 18) ? "when.tonight" : "when.today");
		}
		else if (days == 1) {
			dayWords = message("when.tomorrow");
		}
		else if (days == -1) {
			// the midnight that began today
			dayWords = message(midnight ? "when.lastNight" : "when.yesterday");
		}
		else if (days > 1 && days <= WEEKDAY_DAYS) {
			dayWords = this.weekday.format(day);
		}
		else {
			dayWords = this.date.format(day);
		}
		String at = midnight ? message("when.atMidnight")
				: message(atOne(local.getHour()) ? "when.at.one" : "when.at", this.time.format(local));
		return message("when.dayAndTime", dayWords, at);
	}

	/**
	 * How often a game draws, from its schedule: "every day at midnight", "every Saturday
	 * at 20:00", "every Monday and Thursday at 20:00" (the time as configured, in the
	 * game's zone). The site's texts take it from here, so that they cannot disagree with
	 * the configuration.
	 */
	public String schedule(LocalTime time, Set<DayOfWeek> days) {
		String at = time.equals(LocalTime.MIDNIGHT) ? message("when.atMidnight")
				: message(atOne(time.getHour()) ? "when.at.one" : "when.at", this.time.format(time));
		if (days.isEmpty() || days.size() == DayOfWeek.values().length) {
			return message("schedule.everyDay", at);
		}
		List<String> names = days.stream()
			.sorted()
			.map((day) -> day.getDisplayName(TextStyle.FULL, this.locale))
			.toList();
		String listed = (names.size() == 1) ? names.get(0) : String.join(", ", names.subList(0, names.size() - 1)) + " "
				+ message("schedule.and") + " " + names.get(names.size() - 1);
		return message("schedule.every", listed, at);
	}

	/**
	 * The last minute to play before a close: "23:59" for a close at midnight, "19:41"
	 * for one at 19:41:30.
	 */
	public String lastMinute(Instant closesAt) {
		return (closesAt != null) ? this.time.format(lastMinuteOf(closesAt)) : "";
	}

	/**
	 * What a participant needs to know about an open lottery, in one line: "Draw tonight
	 * at midnight · play until 23:59". A lottery is drawn the instant it closes.
	 */
	public String draw(Instant closesAt, Instant now) {
		if (closesAt == null) {
			return "";
		}
		LocalDateTime last = lastMinuteOf(closesAt);
		String until = message(atOne(last.getHour()) ? "when.until.one" : "when.until", this.time.format(last));
		return message("lottery.draw", when(closesAt, now), until);
	}

	/**
	 * "2 h 14 min" until an instant, for pages without JavaScript; empty once it passed.
	 */
	public String remaining(Instant until, Instant now) {
		if (until == null || !until.isAfter(now)) {
			return "";
		}
		Duration left = Duration.between(now, until);
		long days = left.toDays();
		long hours = left.toHoursPart();
		long minutes = left.toMinutesPart();
		if (days > 0) {
			return message("time.daysHours", days, hours);
		}
		if (hours > 0) {
			return message("time.hoursMinutes", hours, minutes);
		}
		return message("time.minutes", Math.max(1, minutes));
	}

	private LocalDateTime lastMinuteOf(Instant closesAt) {
		return LocalDateTime.ofInstant(closesAt.minusNanos(1), this.zone).truncatedTo(ChronoUnit.MINUTES);
	}

	/** Italian elides before one o'clock: "all'01:00", not "alle 01:00". */
	private static boolean atOne(int hour) {
		return hour == 1;
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

}
