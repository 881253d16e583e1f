package com.novanta.statistics;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.game.Game;

/**
 * What a visitor asked to see, checked: a game and a period (one of the last days, all
 * draws, or between two dates). Bad input gives one message key per field and no query.
 *
 * @param game the game (the first one when the choice is not valid)
 * @param period the period ({@link Period#ALL} when the choice is not valid)
 * @param from the first draw date included, or {@code null} for no limit
 * @param to the last draw date included, or {@code null} for no limit
 * @param errors message keys by field ({@code game}, {@code period}, {@code from},
 * {@code to}); empty when valid
 */
record StatisticsQuery(Game game, Period period, LocalDate from, LocalDate to, Map<String, String> errors) {

	/**
	 * Checks the visitor's choices. Without a period, dates mean "between these dates",
	 * and no dates mean all draws.
	 * @param games the games, the default first
	 * @param clock today's date is the game's, in its time zone
	 */
	static StatisticsQuery of(String gameId, String periodParam, String fromParam, String toParam, List<Game> games,
			Clock clock) {
		Map<String, String> errors = new LinkedHashMap<>();
		Game game = games.get(0);
		if (hasText(gameId)) {
			game = games.stream().filter((g) -> g.id().equals(gameId.trim())).findFirst().orElse(null);
			if (game == null) {
				errors.put("game", "statistics.game.invalid");
				game = games.get(0);
			}
		}
		Period period;
		if (hasText(periodParam)) {
			period = Period.parse(periodParam.trim()).orElse(null);
			if (period == null) {
				errors.put("period", "statistics.period.invalid");
				period = Period.ALL;
			}
		}
		else {
			period = (hasText(fromParam) || hasText(toParam)) ? Period.DATES : Period.ALL;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), game.schedule().zone());
		LocalDate from = null;
		LocalDate to = null;
		if (period == Period.DATES) {
			from = parse(fromParam, "from", errors);
			to = parse(toParam, "to", errors);
			if (!hasText(fromParam) && !hasText(toParam)) {
				errors.put("from", "statistics.dates.missing");
			}
			else if (from != null && to != null && from.isAfter(to)) {
				errors.put("to", "statistics.dates.order");
			}
		}
		else if (period.days() > 0) {
			from = today.minusDays(period.days() - 1L);
			to = today;
		}
		return new StatisticsQuery(game, period, from, to, Collections.unmodifiableMap(errors));
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	private static LocalDate parse(String value, String field, Map<String, String> errors) {
		if (!hasText(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			errors.put(field, "statistics.date.invalid");
			return null;
		}
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
