package com.novanta.feeds;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.novanta.format.Formats;
import com.novanta.game.Game;

import org.springframework.context.MessageSource;

/**
 * A game's upcoming draws as an iCalendar (RFC 5545) that a phone subscribes to: one
 * event a lottery, from the one open now over the game's days ahead (at least a week),
 * computed from the game's schedule as the lottery calendar computes them, so there is
 * always one; its UID the lottery's (the same on every refresh, so a calendar updates an
 * event rather than adding it again), starting at its draw in UTC; words from the message
 * bundle; lines folded at 75 octets, CRLF, text escaped. The calendar asks to be
 * refreshed every {@link #REFRESH} (REFRESH-INTERVAL, and X-PUBLISHED-TTL for the clients
 * that read that).
 */
final class DrawCalendar {

	static final Duration REFRESH = Duration.ofHours(12);

	/** How long a draw's event lasts in a calendar: the draw itself is an instant. */
	static final Duration LENGTH = Duration.ofMinutes(15);

	private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final String CRLF = "\r\n";

	private DrawCalendar() {
	}

	/**
	 * @param now the draws closing after it are upcoming
	 * @param base the site's absolute address, without a trailing slash
	 */
	static String write(Game game, Instant now, Formats formats, MessageSource messages, String base) {
		StringBuilder out = new StringBuilder();
		line(out, "BEGIN:VCALENDAR");
		line(out, "VERSION:2.0");
		line(out, "PRODID:-//Novanta//Open results//" + formats.locale().getLanguage().toUpperCase());
		line(out, "CALSCALE:GREGORIAN");
		line(out, "X-WR-CALNAME:" + text(message(messages, formats, "feeds.calendar.name", game.name())));
		line(out, "NAME:" + text(message(messages, formats, "feeds.calendar.name", game.name())));
		line(out, "REFRESH-INTERVAL;VALUE=DURATION:" + REFRESH);
		line(out, "X-PUBLISHED-TTL:" + REFRESH);
		// no METHOD: this is a calendar to subscribe to, not a scheduling message (iTIP)
		for (LocalDate date : upcoming(game, now)) {
			String id = game.lotteryId(date);
			Instant draw = game.schedule().closesAt(date);
			line(out, "BEGIN:VEVENT");
			line(out, "UID:" + id + "@novanta");
			// without a METHOD, DTSTAMP is when the event last changed: a draw's never
			// does once its lottery opens, so it stays put (and so does the ETag)
			line(out, "DTSTAMP:" + UTC.format(draw.minus(Duration.ofDays(game.daysAhead()))));
			line(out, "DTSTART:" + UTC.format(draw));
			line(out, "DTEND:" + UTC.format(draw.plus(LENGTH)));
			line(out, "SUMMARY:" + text(message(messages, formats, "feeds.calendar.summary", game.name())));
			line(out, "DESCRIPTION:" + text(message(messages, formats, "feeds.calendar.description",
					formats.lastMinute(draw), formats.zone().getId(), base + "/lotteries/" + id)));
			line(out, "URL:" + base + "/lotteries/" + id);
			line(out, "TRANSP:TRANSPARENT");
			line(out, "END:VEVENT");
		}
		line(out, "END:VCALENDAR");
		return out.toString();
	}

	/**
	 * The draw dates of the game's lotteries from the one open at {@code now}, over its
	 * days ahead and at least a week: never none.
	 */
	static List<LocalDate> upcoming(Game game, Instant now) {
		LocalDate first = game.schedule().currentDrawDate(now);
		return game.schedule().drawDates(first, Math.max(game.daysAhead(), 7));
	}

	/** A TEXT value escaped (RFC 5545 3.3.11). */
	static String text(String value) {
		return value.replace("\\", "\\\\")
			.replace(";", "\\;")
			.replace(",", "\\,")
			.replace("\r\n", "\\n")
			.replace("\n", "\\n")
			.replace("\r", "\\n");
	}

	/** A content line, folded so that no line is longer than 75 octets (RFC 5545 3.1). */
	static void line(StringBuilder out, String content) {
		int octets = 0;
		for (int i = 0; i < content.length();) {
			int codePoint = content.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (octets + size > 75) {
				out.append(CRLF).append(' ');
				octets = 1;
			}
			out.appendCodePoint(codePoint);
			octets += size;
			i += Character.charCount(codePoint);
		}
		out.append(CRLF);
	}

	private static String message(MessageSource messages, Formats formats, String key, Object... arguments) {
		return messages.getMessage(key, arguments, formats.locale());
	}

}
