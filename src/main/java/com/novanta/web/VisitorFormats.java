package com.novanta.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
import com.novanta.format.Formats;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.env.Environment;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Formatting for pages ({@code ${@fmt.dateTime(instant)}}): dates and times in the
 * visitor's time zone (the account's, or the site's for visitors), amounts in euros, in
 * the visitor's language. Dates and times are written by {@link Formats}, as in emails.
 */
@Component("fmt")
public class VisitorFormats {

	private final ZoneId defaultZone;

	private final GameCatalog games;

	private final MessageSource messages;

	private final Clock clock;

	VisitorFormats(Environment environment, GameCatalog games, MessageSource messages, Clock clock) {
		this.clock = clock;
		this.defaultZone = ZoneId.of(environment.getProperty("lottery.accounts.time-zone", "Europe/Rome"));
		this.games = games;
		this.messages = messages;
	}

	/**
	 * The application's clock now: pages write it for their countdowns, which count by
	 * the server's clock, not by a device's that may be wrong.
	 */
	public Instant now() {
		return this.clock.instant();
	}

	/** The visitor's time zone. */
	public ZoneId zone() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount account
				&& account.timeZone() != null) {
			try {
				return ZoneId.of(account.timeZone());
			}
			catch (RuntimeException ex) {
				return this.defaultZone;
			}
		}
		return this.defaultZone;
	}

	public String zoneName() {
		return zone().getId();
	}

	/** "1 Dec 2026, 19:41", for tables and lists. */
	public String dateTime(Instant instant) {
		return formats().shortDateTime(instant);
	}

	/** "Tuesday 1 December 2026, 00:00". */
	public String longDateTime(Instant instant) {
		return formats().dateTime(instant);
	}

	/** "Tuesday 1 December 2026". */
	public String date(LocalDate date) {
		return formats().date(date);
	}

	/** "1 Dec 2026". */
	/**
	 * A date that starts a heading or a title: "Martedì 1 dicembre 2026" (Italian writes
	 * the day lowercase inside a sentence, as {@link #date} does).
	 */
	public String dateTitle(LocalDate date) {
		String text = date(date);
		return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(locale()) + text.substring(1);
	}

	public String shortDate(LocalDate date) {
		return formats().shortDate(date);
	}

	/** "tonight at midnight", "Saturday at 20:00": when, relative to now. */
	public String when(Instant instant) {
		return formats().when(instant, this.clock.instant());
	}

	/** "Draw tonight at midnight · play until 23:59", for a lottery that closes then. */
	public String draw(Instant closesAt) {
		return formats().draw(closesAt, this.clock.instant());
	}

	public String money(Long cents) {
		return formats().money((cents != null) ? cents : 0L);
	}

	/**
	 * An amount in whole euros ("€1,000,012"), for jackpots: cents would only be noise.
	 */
	public String wholeMoney(Long cents) {
		return formats().wholeMoney((cents != null) ? cents : 0L);
	}

	public String number(long value) {
		return formats().number(value);
	}

	/**
	 * "2 h 14 min" until an instant, for pages without JavaScript; empty once it passed.
	 */
	public String remaining(Instant until, Instant now) {
		return formats().remaining(until, now);
	}

	/**
	 * What the site's own texts say of its main game (the first in the configuration):
	 * how many numbers, from what range, when it draws, all read from the configuration.
	 */
	public GameWords mainGame() {
		Game game = this.games.all().get(0);
		return new GameWords(game.picks(), game.maxNumber(),
				formats().schedule(game.schedule().time(), game.schedule().days()));
	}

	/**
	 * A game, for the site's texts.
	 *
	 * @param picks how many numbers a line has
	 * @param maxNumber the largest number
	 * @param drawn when it draws: "every day at midnight"
	 */
	public record GameWords(int picks, int maxNumber, String drawn) {

	}

	/** A game's name in the visitor's language. */
	public String gameName(String gameId) {
		String fallback = this.games.find(gameId).map((game) -> game.name()).orElse(gameId);
		return this.messages.getMessage("game." + gameId + ".name", null, fallback, locale());
	}

	/** The formats of this visitor: their language and time zone. */
	public Formats formats() {
		return Formats.of(this.messages, locale(), zone());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
