package com.novanta.checker;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.game.Game;
import com.novanta.game.NumberRules;
import com.novanta.game.TypedLine;

/**
 * What a visitor asked to check, checked: a game, a line of numbers (the game's rules for
 * a ballot line, {@link NumberRules}) and a period. Bad input gives one message key per
 * field; the messages about numbers take the game's count and largest number as
 * arguments.
 *
 * @param game the game (the first one when the choice is not valid)
 * @param line the numbers, ascending; empty when none were asked about or they are not a
 * valid line
 * @param entered the numbers as typed, trimmed and cut to {@value #MAX_LENGTH}
 * characters, to show in the form again
 * @param period the period ({@link CheckPeriod#LAST_365} when none or not valid)
 * @param from the first draw date included, or {@code null} for no limit
 * @param to the last draw date included, or {@code null} for no limit
 * @param errors message keys by field ({@code game}, {@code numbers}, {@code period},
 * {@code line}); empty when valid
 */
record CheckQuery(Game game, List<Integer> line, String entered, CheckPeriod period, LocalDate from, LocalDate to,
		Map<String, String> errors) {

	/** Longer than any line with its separators: not read any further. */
	static final int MAX_LENGTH = TypedLine.MAX_LENGTH;

	static final CheckPeriod DEFAULT_PERIOD = CheckPeriod.LAST_365;

	/**
	 * Checks the visitor's choices. Without numbers nothing is checked (the form shows,
	 * with the game and period chosen); numbers that are given must make a line of the
	 * game.
	 * @param games the games, the default first
	 * @param clock today's date is the game's, in its time zone
	 */
	static CheckQuery of(String gameId, String numbers, String periodParam, List<Game> games, Clock clock) {
		Map<String, String> errors = new LinkedHashMap<>();
		Game game = games.get(0);
		if (hasText(gameId)) {
			game = games.stream().filter((g) -> g.id().equals(gameId.trim())).findFirst().orElse(null);
			if (game == null) {
				errors.put("game", "checker.game.invalid");
				game = games.get(0);
			}
		}
		CheckPeriod period = DEFAULT_PERIOD;
		if (hasText(periodParam)) {
			period = CheckPeriod.parse(periodParam.trim()).orElse(null);
			if (period == null) {
				errors.put("period", "checker.period.invalid");
				period = DEFAULT_PERIOD;
			}
		}
		List<Integer> line = List.of();
		String entered = null;
		if (numbers != null) {
			TypedLine typed = TypedLine.read(numbers, game.rules());
			entered = typed.entered();
			if (!typed.isValid()) {
				errors.put("numbers", typed.error());
			}
			else if (!errors.containsKey("game")) {
				line = typed.numbers();
			}
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), game.schedule().zone());
		LocalDate from = (period.days() > 0) ? today.minusDays(period.days() - 1L) : null;
		LocalDate to = (period.days() > 0) ? today : null;
		return new CheckQuery(game, line, entered, period, from, to, Collections.unmodifiableMap(errors));
	}

	/** The same query with one more bad field: nothing is checked. */
	CheckQuery withError(String field, String messageKey) {
		Map<String, String> more = new LinkedHashMap<>(this.errors);
		more.put(field, messageKey);
		return new CheckQuery(this.game, List.of(), this.entered, this.period, this.from, this.to,
				Collections.unmodifiableMap(more));
	}

	/** Whether numbers were asked about and everything is valid: the check can run. */
	public boolean isReady() {
		return this.errors.isEmpty() && !this.line.isEmpty();
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	public boolean hasError(String field) {
		return this.errors.containsKey(field);
	}

	/** The line as it goes in an address: "3,17,22,45,61,88". */
	public String lineParam() {
		return String.join(",", this.line.stream().map(String::valueOf).toList());
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}

}
