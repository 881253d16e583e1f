package com.novanta.subscription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.novanta.game.Game;
import com.novanta.game.TypedEuros;
import com.novanta.game.TypedLine;

/**
 * What a participant asks to subscribe to, checked (plain Java): a game, its lines (one
 * to {@value #MAX_LINES}, each checked by the game's own rules, kept ascending), the
 * number of draws ({@value Subscription#MIN_DRAWS} to {@value Subscription#MAX_DRAWS}) or
 * every draw until stopped, and an optional minimum jackpot in whole euros (above zero,
 * for a game with a jackpot). One message key per bad field.
 *
 * @param game the game (the first one when the choice is not valid)
 * @param lines the lines, ascending; only the valid ones
 * @param kind {@code fixed} or {@code open}, as sent (cut) when not valid
 * @param draws the number of draws for {@code fixed}, else {@code null}
 * @param drawsText the number of draws as typed, to show in the form again
 * @param minJackpot the minimum jackpot in euros, or {@code null}
 * @param minJackpotText the minimum as typed, to show in the form again
 * @param errors message keys by field ({@code game}, {@code lines}, {@code kind},
 * {@code draws}, {@code minJackpot}); empty when valid
 */
record SubscriptionTerms(Game game, List<List<Integer>> lines, String kind, Integer draws, String drawsText,
		Long minJackpot, String minJackpotText, Map<String, String> errors) {

	/** The most lines of a subscription: the most of one slip. */
	static final int MAX_LINES = 10;

	static final String FIXED = "fixed";

	static final String OPEN = "open";

	/** The number of draws offered first. */
	static final int DEFAULT_DRAWS = 4;

	private static final Pattern WHOLE = Pattern.compile("[0-9]{1,12}");

	/**
	 * Checks what the participant sent.
	 * @param games the games, the default first
	 */
	static SubscriptionTerms of(String gameId, List<String> lines, String kind, String draws, String minJackpot,
			List<Game> games) {
		Map<String, String> errors = new LinkedHashMap<>();
		Game game = (gameId == null) ? null
				: games.stream().filter((g) -> g.id().equals(gameId.strip())).findFirst().orElse(null);
		if (game == null) {
			errors.put("game", "subscriptions.game.invalid");
			game = games.get(0);
		}
		List<List<Integer>> valid = new ArrayList<>();
		List<String> sent = (lines != null) ? lines.stream().filter((line) -> line != null && !line.isBlank()).toList()
				: List.of();
		if (sent.isEmpty()) {
			errors.put("lines", "subscriptions.lines.none");
		}
		else if (sent.size() > MAX_LINES) {
			errors.put("lines", "subscriptions.lines.tooMany");
		}
		else if (!errors.containsKey("game")) {
			for (String line : sent) {
				TypedLine typed = TypedLine.read(line, game.rules());
				if (!typed.isValid()) {
					errors.put("lines", "subscriptions.lines.invalid");
					valid.clear();
					break;
				}
				valid.add(typed.numbers());
			}
		}
		String chosen = (kind == null) ? "" : kind.strip();
		Integer count = null;
		String drawsText = clip(draws);
		if (!chosen.equals(FIXED) && !chosen.equals(OPEN)) {
			errors.put("kind", "subscriptions.kind.invalid");
			chosen = clip(chosen);
		}
		else if (chosen.equals(FIXED)) {
			String typed = drawsText.strip();
			if (!WHOLE.matcher(typed).matches() || Long.parseLong(typed) < Subscription.MIN_DRAWS
					|| Long.parseLong(typed) > Subscription.MAX_DRAWS) {
				errors.put("draws", "subscriptions.draws.invalid");
			}
			else {
				count = Integer.parseInt(typed);
			}
		}
		Long minimum = null;
		String minText = clip(minJackpot);
		if (!minText.isBlank()) {
			String typed = minText.strip();
			if (game.jackpotTier().isEmpty()) {
				errors.put("minJackpot", "subscriptions.jackpot.noJackpot");
			}
			else if (!TypedEuros.read(typed).isValid()) {
				errors.put("minJackpot", "subscriptions.jackpot.invalid");
			}
			else {
				minimum = TypedEuros.read(typed).euros();
			}
		}
		return new SubscriptionTerms(game, List.copyOf(valid), chosen, count, drawsText, minimum, minText,
				Collections.unmodifiableMap(errors));
	}

	/** A new form for the lines of a game: {@value #DEFAULT_DRAWS} draws, no minimum. */
	static SubscriptionTerms blank(Game game, List<List<Integer>> lines) {
		return new SubscriptionTerms(game, lines, FIXED, DEFAULT_DRAWS, String.valueOf(DEFAULT_DRAWS), null, "",
				Map.of());
	}

	private static String clip(String value) {
		if (value == null) {
			return "";
		}
		return (value.length() > 20) ? value.substring(0, 20) : value;
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	public boolean hasError(String field) {
		return this.errors.containsKey(field);
	}

	public boolean isFixed() {
		return FIXED.equals(this.kind);
	}

	/** What one draw costs, in cents. */
	public long pricePerDraw() {
		return this.game.price() * this.lines.size();
	}

	/** What all the draws cost, in cents, or {@code null} until stopped. */
	public Long total() {
		return (this.draws != null) ? pricePerDraw() * this.draws : null;
	}

	/**
	 * Each line as the form sends it back: "3 17 22 45 61 88" (spaces, not commas: a
	 * single value with commas would be bound as a list of its parts).
	 */
	public List<String> lineParams() {
		return this.lines.stream()
			.map((line) -> String.join(" ", line.stream().map(String::valueOf).toList()))
			.toList();
	}

	/** Whether the game has a jackpot that a minimum can be set for. */
	public boolean jackpotGame() {
		return this.game.jackpotTier().isPresent();
	}

}
