package com.novanta.format;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import com.novanta.game.DrawSchedule;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One format per language, pages and emails alike, and a draw said as people say it.
 */
class FormatsTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final Locale ITALIAN = Locale.ITALIAN;

	/**
	 * The daily lottery of Monday 30 November 2026 closes, and is drawn, when that day
	 * ends.
	 */
	private static final Instant MONDAY_LOTTERY_CLOSES = DrawSchedule.daily(LocalTime.MIDNIGHT, ROME)
		.closesAt(LocalDate.of(2026, 11, 30));

	/** The weekly lottery of Saturday 5 December 2026 closes at 20:00. */
	private static final Instant SATURDAY_LOTTERY_CLOSES = new DrawSchedule(LocalTime.of(20, 0),
			EnumSet.of(DayOfWeek.SATURDAY), ROME)
		.closesAt(LocalDate.of(2026, 12, 5));

	private final ResourceBundleMessageSource messages = messages();

	@Test
	void englishIsWrittenTheBritishWayWithTheTwentyFourHourClock() {
		Formats english = formats(Locale.ENGLISH, ROME);
		assertThat(english.dateTime(MONDAY_LOTTERY_CLOSES)).isEqualTo("Tuesday 1 December 2026, 00:00");
		assertThat(english.shortDateTime(rome(2026, 12, 1, 19, 41))).isEqualTo("1 Dec 2026, 19:41");
		assertThat(english.date(LocalDate.of(2026, 11, 30))).isEqualTo("Monday 30 November 2026");
		assertThat(english.shortDate(LocalDate.of(2026, 9, 1))).isEqualTo("1 Sep 2026");
		assertThat(english.time(rome(2026, 12, 1, 7, 5))).isEqualTo("07:05");
		assertThat(formats(Locale.UK, ROME).dateTime(MONDAY_LOTTERY_CLOSES))
			.isEqualTo("Tuesday 1 December 2026, 00:00");
		assertThat(formats(Locale.forLanguageTag("en-IE"), ROME).shortDateTime(rome(2026, 12, 1, 19, 41)))
			.isEqualTo("1 Dec 2026, 19:41");
	}

	@Test
	void amountsAreInEurosInTheReadersLanguage() {
		Formats english = formats(Locale.ENGLISH, ROME);
		Formats italian = formats(ITALIAN, ROME);
		assertThat(english.money(100_050)).isEqualTo("€1,000.50");
		assertThat(italian.money(100_050)).isEqualTo("1.000,50\u00a0€");
		assertThat(english.money(100)).isEqualTo("€1.00");
		// a jackpot in whole euros, the cents dropped (never rounded up)
		assertThat(english.wholeMoney(100_001_299)).isEqualTo("€1,000,012");
		assertThat(italian.wholeMoney(100_001_299)).isEqualTo("1.000.012\u00a0€");
		assertThat(english.number(1_234_567)).isEqualTo("1,234,567");
		assertThat(italian.number(1_234_567)).isEqualTo("1.234.567");
	}

	@Test
	void howOftenAGameDrawsIsSaidFromItsSchedule() {
		Formats english = formats(Locale.ENGLISH, ROME);
		Formats italian = formats(ITALIAN, ROME);
		Set<DayOfWeek> everyDay = EnumSet.allOf(DayOfWeek.class);
		assertThat(english.schedule(LocalTime.MIDNIGHT, everyDay)).isEqualTo("every day at midnight");
		assertThat(italian.schedule(LocalTime.MIDNIGHT, everyDay)).isEqualTo("ogni giorno a mezzanotte");
		assertThat(english.schedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY)))
			.isEqualTo("every Saturday at 20:00");
		assertThat(italian.schedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY)))
			.isEqualTo("ogni sabato alle 20:00");
		assertThat(english.schedule(LocalTime.of(1, 0), EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY)))
			.isEqualTo("every Monday and Thursday at 01:00");
		assertThat(italian.schedule(LocalTime.of(1, 0), EnumSet.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY)))
			.isEqualTo("ogni lunedì e giovedì all'01:00");
		assertThat(english.schedule(LocalTime.of(21, 30),
				EnumSet.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY)))
			.isEqualTo("every Monday, Wednesday and Friday at 21:30");
	}

	@Test
	void aVisitorWhoseRegionWritesOtherwiseReadsItThatWay() {
		Formats american = formats(Locale.US, ROME);
		assertThat(american.dateTime(MONDAY_LOTTERY_CLOSES)).isEqualTo("Tuesday, December 1, 2026, 12:00 AM");
		assertThat(american.shortDateTime(rome(2026, 12, 1, 19, 41))).isEqualTo("Dec 1, 2026, 7:41 PM");
		assertThat(american.draw(SATURDAY_LOTTERY_CLOSES, rome(2026, 12, 3, 9, 0)))
			.isEqualTo("Draw Saturday at 8:00 PM · play until 7:59 PM");
		assertThat(formats(Locale.forLanguageTag("en-AU"), ROME).shortDateTime(rome(2026, 12, 1, 19, 41)))
			.isEqualTo("1 Dec 2026, 7:41 PM");
	}

	@Test
	void italianIsWrittenTheItalianWay() {
		Formats italian = formats(ITALIAN, ROME);
		assertThat(italian.dateTime(MONDAY_LOTTERY_CLOSES)).isEqualTo("martedì 1 dicembre 2026, 00:00");
		assertThat(italian.shortDateTime(rome(2026, 12, 1, 19, 41))).isEqualTo("1 dic 2026, 19:41");
		assertThat(italian.date(LocalDate.of(2026, 11, 30))).isEqualTo("lunedì 30 novembre 2026");
		assertThat(italian.shortDate(LocalDate.of(2026, 9, 1))).isEqualTo("1 set 2026");
		assertThat(formats(Locale.forLanguageTag("it-CH"), ROME).dateTime(MONDAY_LOTTERY_CLOSES))
			.isEqualTo("martedì 1 dicembre 2026, 00:00");
	}

	@Test
	void aDrawAtMidnightIsTonightOnItsOwnDate() {
		Instant mondayEvening = rome(2026, 11, 30, 20, 56);
		assertThat(formats(Locale.ENGLISH, ROME).draw(MONDAY_LOTTERY_CLOSES, mondayEvening))
			.isEqualTo("Draw tonight at midnight · play until 23:59");
		assertThat(formats(ITALIAN, ROME).draw(MONDAY_LOTTERY_CLOSES, mondayEvening))
			.isEqualTo("Estrazione stasera a mezzanotte · si gioca fino alle 23:59");
		// just after the previous midnight it is still tonight's draw
		assertThat(formats(Locale.ENGLISH, ROME).draw(MONDAY_LOTTERY_CLOSES, rome(2026, 11, 30, 0, 0)))
			.isEqualTo("Draw tonight at midnight · play until 23:59");
	}

	@Test
	void aDrawTheDayAfterIsTomorrow() {
		Instant sunday = rome(2026, 11, 29, 10, 0);
		assertThat(formats(Locale.ENGLISH, ROME).draw(MONDAY_LOTTERY_CLOSES, sunday))
			.isEqualTo("Draw tomorrow at midnight · play until 23:59");
		assertThat(formats(ITALIAN, ROME).draw(MONDAY_LOTTERY_CLOSES, sunday))
			.isEqualTo("Estrazione domani a mezzanotte · si gioca fino alle 23:59");
		assertThat(formats(Locale.ENGLISH, ROME).draw(SATURDAY_LOTTERY_CLOSES, rome(2026, 12, 4, 23, 59)))
			.isEqualTo("Draw tomorrow at 20:00 · play until 19:59");
	}

	@Test
	void aDrawLaterTodayIsTodayOrTonight() {
		assertThat(formats(Locale.ENGLISH, ROME).draw(SATURDAY_LOTTERY_CLOSES, rome(2026, 12, 5, 9, 30)))
			.isEqualTo("Draw tonight at 20:00 · play until 19:59");
		assertThat(formats(ITALIAN, ROME).draw(SATURDAY_LOTTERY_CLOSES, rome(2026, 12, 5, 9, 30)))
			.isEqualTo("Estrazione stasera alle 20:00 · si gioca fino alle 19:59");
		assertThat(formats(Locale.ENGLISH, ROME).when(rome(2026, 12, 5, 12, 0), rome(2026, 12, 5, 9, 30)))
			.isEqualTo("today at 12:00");
		assertThat(formats(ITALIAN, ROME).when(rome(2026, 12, 5, 12, 0), rome(2026, 12, 5, 9, 30)))
			.isEqualTo("oggi alle 12:00");
	}

	@Test
	void aDrawLaterInTheWeekIsItsWeekdayAndLaterItsDate() {
		Instant thursday = rome(2026, 12, 3, 9, 0);
		assertThat(formats(Locale.ENGLISH, ROME).draw(SATURDAY_LOTTERY_CLOSES, thursday))
			.isEqualTo("Draw Saturday at 20:00 · play until 19:59");
		assertThat(formats(ITALIAN, ROME).draw(SATURDAY_LOTTERY_CLOSES, thursday))
			.isEqualTo("Estrazione sabato alle 20:00 · si gioca fino alle 19:59");
		assertThat(formats(Locale.ENGLISH, ROME).draw(MONDAY_LOTTERY_CLOSES, rome(2026, 11, 25, 9, 0)))
			.isEqualTo("Draw Monday at midnight · play until 23:59");
		// a week or more ahead a weekday alone would be ambiguous
		Instant aMonthBefore = rome(2026, 11, 1, 9, 0);
		assertThat(formats(Locale.ENGLISH, ROME).draw(MONDAY_LOTTERY_CLOSES, aMonthBefore))
			.isEqualTo("Draw Monday 30 November 2026 at midnight · play until 23:59");
		assertThat(formats(ITALIAN, ROME).draw(SATURDAY_LOTTERY_CLOSES, aMonthBefore))
			.isEqualTo("Estrazione sabato 5 dicembre 2026 alle 20:00 · si gioca fino alle 19:59");
	}

	@Test
	void aPastDrawIsLastNightYesterdayOrItsDate() {
		Instant drawn = MONDAY_LOTTERY_CLOSES.plusSeconds(4);
		assertThat(formats(Locale.ENGLISH, ROME).when(drawn, rome(2026, 12, 1, 9, 0)))
			.isEqualTo("last night at midnight");
		assertThat(formats(ITALIAN, ROME).when(drawn, rome(2026, 12, 1, 9, 0))).isEqualTo("stanotte a mezzanotte");
		assertThat(formats(Locale.ENGLISH, ROME).when(SATURDAY_LOTTERY_CLOSES, rome(2026, 12, 6, 9, 0)))
			.isEqualTo("yesterday at 20:00");
		assertThat(formats(ITALIAN, ROME).when(SATURDAY_LOTTERY_CLOSES, rome(2026, 12, 6, 9, 0)))
			.isEqualTo("ieri alle 20:00");
		assertThat(formats(Locale.ENGLISH, ROME).when(drawn, rome(2026, 12, 9, 9, 0)))
			.isEqualTo("Monday 30 November 2026 at midnight");
	}

	@Test
	void theLastMinuteToPlayIsTheOneBeforeTheClose() {
		Formats english = formats(Locale.ENGLISH, ROME);
		assertThat(english.lastMinute(MONDAY_LOTTERY_CLOSES)).isEqualTo("23:59");
		assertThat(english.lastMinute(rome(2026, 12, 1, 19, 41).plusSeconds(30))).isEqualTo("19:41");
	}

	@Test
	void aCloseAcrossTheSpringDaylightSavingChangeCountsCalendarDays() {
		// Sunday 29 March 2026 has 23 hours in Rome
		Instant closes = DrawSchedule.daily(LocalTime.MIDNIGHT, ROME).closesAt(LocalDate.of(2026, 3, 29));
		Instant saturdayNoon = rome(2026, 3, 28, 12, 0);
		Formats english = formats(Locale.ENGLISH, ROME);
		assertThat(english.draw(closes, saturdayNoon)).isEqualTo("Draw tomorrow at midnight · play until 23:59");
		assertThat(english.remaining(closes, saturdayNoon)).isEqualTo("1 d 11 h");
		assertThat(formats(ITALIAN, ROME).remaining(closes, saturdayNoon)).isEqualTo("1 g 11 h");
		// a close at 02:30 that night falls in the gap: the clocks show 03:30 then
		Instant inTheGap = DrawSchedule.daily(LocalTime.of(2, 30), ROME).closesAt(LocalDate.of(2026, 3, 29));
		assertThat(english.draw(inTheGap, saturdayNoon)).isEqualTo("Draw tomorrow at 03:30 · play until 03:29");
		// a close at 03:00 follows 01:59 directly
		Instant atTheGapsEnd = DrawSchedule.daily(LocalTime.of(3, 0), ROME).closesAt(LocalDate.of(2026, 3, 29));
		assertThat(formats(ITALIAN, ROME).draw(atTheGapsEnd, saturdayNoon))
			.isEqualTo("Estrazione domani alle 03:00 · si gioca fino all'01:59");
	}

	@Test
	void aCloseAcrossTheAutumnDaylightSavingChangeCountsCalendarDays() {
		// Sunday 25 October 2026 has 25 hours in Rome
		Instant closes = DrawSchedule.daily(LocalTime.MIDNIGHT, ROME).closesAt(LocalDate.of(2026, 10, 25));
		Formats english = formats(Locale.ENGLISH, ROME);
		assertThat(english.dateTime(closes)).isEqualTo("Monday 26 October 2026, 00:00");
		assertThat(english.draw(closes, rome(2026, 10, 24, 23, 30)))
			.isEqualTo("Draw tomorrow at midnight · play until 23:59");
		assertThat(english.draw(closes, rome(2026, 10, 25, 0, 30)))
			.isEqualTo("Draw tonight at midnight · play until 23:59");
		assertThat(english.remaining(closes, rome(2026, 10, 24, 12, 0))).isEqualTo("1 d 13 h");
	}

	@Test
	void timesAreInTheReadersTimeZone() {
		Instant mondayEveningInRome = rome(2026, 11, 30, 20, 56);
		assertThat(formats(Locale.ENGLISH, ZoneId.of("Europe/London")).draw(MONDAY_LOTTERY_CLOSES, mondayEveningInRome))
			.isEqualTo("Draw tonight at 23:00 · play until 22:59");
		assertThat(
				formats(Locale.ENGLISH, ZoneId.of("America/New_York")).draw(MONDAY_LOTTERY_CLOSES, mondayEveningInRome))
			.isEqualTo("Draw tonight at 18:00 · play until 17:59");
		// in Tokyo it is already Tuesday: the draw is that morning
		assertThat(formats(Locale.ENGLISH, ZoneId.of("Asia/Tokyo")).draw(MONDAY_LOTTERY_CLOSES, mondayEveningInRome))
			.isEqualTo("Draw today at 08:00 · play until 07:59");
		assertThat(formats(ITALIAN, ZoneId.of("Europe/Athens")).draw(MONDAY_LOTTERY_CLOSES, mondayEveningInRome))
			.isEqualTo("Estrazione domani all'01:00 · si gioca fino alle 00:59");
		assertThat(formats(Locale.ENGLISH, ZoneId.of("America/New_York")).dateTime(MONDAY_LOTTERY_CLOSES))
			.isEqualTo("Monday 30 November 2026, 18:00");
	}

	@Test
	void timeLeftIsInTheReadersLanguage() {
		Instant now = rome(2026, 11, 30, 20, 56);
		assertThat(formats(Locale.ENGLISH, ROME).remaining(MONDAY_LOTTERY_CLOSES, now)).isEqualTo("3 h 4 min");
		assertThat(formats(ITALIAN, ROME).remaining(MONDAY_LOTTERY_CLOSES, now.minusSeconds(86400)))
			.isEqualTo("1 g 3 h");
		assertThat(formats(Locale.ENGLISH, ROME).remaining(MONDAY_LOTTERY_CLOSES, MONDAY_LOTTERY_CLOSES)).isEmpty();
	}

	private Formats formats(Locale locale, ZoneId zone) {
		return Formats.of(this.messages, locale, zone);
	}

	private static Instant rome(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(LocalDateTime.of(year, month, day, hour, minute), ROME).toInstant();
	}

	/** The application's bundle, read as Spring Boot reads it. */
	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
