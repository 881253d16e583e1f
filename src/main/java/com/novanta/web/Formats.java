package com.novanta.web;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
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
 * the visitor's language.
 */
@Component("fmt")
public class Formats {

	private final ZoneId defaultZone;

	private final GameCatalog games;

	private final MessageSource messages;

	Formats(Environment environment, GameCatalog games, MessageSource messages) {
		this.defaultZone = ZoneId.of(environment.getProperty("lottery.accounts.time-zone", "Europe/Rome"));
		this.games = games;
		this.messages = messages;
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

	public String dateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale())
			.format(instant.atZone(zone()));
	}

	/** Date and time with the weekday, for when a lottery closes. */
	public String longDateTime(Instant instant) {
		if (instant == null) {
			return "";
		}
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", locale()).format(instant.atZone(zone()));
	}

	public String date(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale()).format(date);
	}

	public String shortDate(LocalDate date) {
		if (date == null) {
			return "";
		}
		return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date);
	}

	public String money(Long cents) {
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(Currency.getInstance("EUR"));
		return format.format(((cents != null) ? cents : 0L) / 100.0);
	}

	public String number(long value) {
		return NumberFormat.getIntegerInstance(locale()).format(value);
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
		Locale locale = locale();
		if (days > 0) {
			return this.messages.getMessage("time.daysHours", new Object[] { days, hours }, locale);
		}
		if (hours > 0) {
			return this.messages.getMessage("time.hoursMinutes", new Object[] { hours, minutes }, locale);
		}
		return this.messages.getMessage("time.minutes", new Object[] { Math.max(1, minutes) }, locale);
	}

	/** A game's name in the visitor's language. */
	public String gameName(String gameId) {
		String fallback = this.games.find(gameId).map((game) -> game.name()).orElse(gameId);
		return this.messages.getMessage("game." + gameId + ".name", null, fallback, locale());
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
