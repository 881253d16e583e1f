package com.novanta.feeds;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.novanta.format.Formats;
import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.LotterySummary;
import com.novanta.lottery.PastDraw;

import org.springframework.context.support.ResourceBundleMessageSource;

/** Games, draws and the message bundle for the feeds' unit tests: plain Java. */
final class FeedFixtures {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final Game DAILY = new Game("daily", "D", "Novanta 6/90", 6, 90,
			DrawSchedule.daily(LocalTime.MIDNIGHT, ROME), 7, 100,
			List.of(PrizeTier.jackpot(6), PrizeTier.fixed(5, 5_000_000), PrizeTier.fixed(4, 50_000),
					PrizeTier.fixed(3, 2_500), PrizeTier.fixed(2, 100)),
			100_000_000, 30);

	static final String BASE = "https://novanta.example";

	static final ResourceBundleMessageSource MESSAGES = messages();

	private FeedFixtures() {
	}

	static Formats formats(Locale locale) {
		return Formats.of(MESSAGES, locale, ROME);
	}

	/**
	 * A settled draw of the daily game: one winner of 5 (€50,000.00), 12 of 3 (€25.00),
	 * nobody of 6 (the jackpot rolled over).
	 */
	static PastDraw settled(String date, List<Integer> numbers) {
		LocalDate day = LocalDate.parse(date);
		Instant closes = DAILY.schedule().closesAt(day);
		Map<String, Long> winners = byTier(0, 1, 0, 12, 40);
		Map<String, Long> prizes = byTier(0, 5_000_000, 50_000, 2_500, 100);
		LotterySummary summary = new LotterySummary(1234, 200, winners, prizes, 5_000_000 + 12 * 2_500 + 40 * 100,
				123_456_700, 123_456_700);
		return new PastDraw("daily-" + date, day, numbers, summary, closes, closes.plusSeconds(65));
	}

	/** A draw whose numbers are out, not settled yet. */
	static PastDraw drawn(String date, List<Integer> numbers) {
		LocalDate day = LocalDate.parse(date);
		Instant closes = DAILY.schedule().closesAt(day);
		return new PastDraw("daily-" + date, day, numbers, null, closes, closes.plusSeconds(65));
	}

	/** By tier: 6, 5, 4, 3 and 2 matched. */
	static Map<String, Long> byTier(long six, long five, long four, long three, long two) {
		Map<String, Long> map = new LinkedHashMap<>();
		map.put("6", six);
		map.put("5", five);
		map.put("4", four);
		map.put("3", three);
		map.put("2", two);
		return map;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
