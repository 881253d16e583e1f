package com.novanta.lines;

import java.text.Normalizer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.novanta.game.Game;
import com.novanta.game.NumberRules;
import com.novanta.game.TypedLine;

/**
 * A line a participant asks to save, checked: a name (required, 1 to {@value #MAX_NAME}
 * characters once trimmed, no control characters), a game, and numbers typed as in the
 * number checker (separated by spaces, commas or semicolons) that make a line of that
 * game by its own {@link NumberRules}. Plain Java: one message key per bad field; the
 * messages about numbers take the game's count and largest number as arguments.
 *
 * @param name the name, trimmed, inner runs of spaces made one; as typed (cut) when not
 * valid, to show in the form again
 * @param game the game (the first one when the choice is not valid)
 * @param numbers the numbers, ascending; empty when not valid
 * @param entered the numbers as typed, trimmed and cut to {@value #MAX_TYPED} characters,
 * to show in the form again
 * @param errors message keys by field ({@code name}, {@code game}, {@code numbers});
 * empty when valid
 */
record LineEntry(String name, Game game, List<Integer> numbers, String entered, Map<String, String> errors) {

	/** The longest name, in characters (code points). */
	static final int MAX_NAME = 40;

	/** Longer than any line with its separators: not read any further. */
	static final int MAX_TYPED = TypedLine.MAX_LENGTH;

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Co}\\p{Cn}\\u202A-\\u202E\\u2066-\\u2069]");

	/**
	 * Checks what the participant entered.
	 * @param games the games, the default first
	 */
	static LineEntry of(String name, String gameId, String numbers, List<Game> games) {
		Map<String, String> errors = new LinkedHashMap<>();
		String cleanName = clean(name);
		if (cleanName.isEmpty()) {
			errors.put("name", "lines.name.required");
		}
		else if (cleanName.codePointCount(0, cleanName.length()) > MAX_NAME) {
			errors.put("name", "lines.name.tooLong");
			int cut = Math.min(cleanName.codePointCount(0, cleanName.length()), MAX_NAME * 2);
			cleanName = cleanName.substring(0, cleanName.offsetByCodePoints(0, cut));
		}
		else if (CONTROL.matcher(cleanName).find()) {
			errors.put("name", "lines.name.invalid");
		}
		Game game = games.get(0);
		if (gameId == null || gameId.isBlank()) {
			errors.put("game", "lines.game.invalid");
		}
		else {
			game = games.stream().filter((g) -> g.id().equals(gameId.strip())).findFirst().orElse(null);
			if (game == null) {
				errors.put("game", "lines.game.invalid");
				game = games.get(0);
			}
		}
		TypedLine typed = TypedLine.read((numbers != null) ? numbers : "", game.rules());
		List<Integer> line = List.of();
		if (!typed.isValid()) {
			errors.put("numbers", typed.error());
		}
		else if (!errors.containsKey("game")) {
			line = typed.numbers();
		}
		String entered = typed.entered();
		return new LineEntry(cleanName, game, line, entered, Collections.unmodifiableMap(errors));
	}

	/** An empty form for a game, or with a line to save filled in. */
	static LineEntry blank(Game game, String numbers) {
		return new LineEntry("", game, List.of(), (numbers != null) ? numbers : "", Map.of());
	}

	/**
	 * The name as compared for uniqueness: Unicode-normalised (NFKC, so that look-alike
	 * encodings of one letter are one), spaces made one, lower case in every language
	 * ("Family Birthdays" and "family birthdays" are the same name).
	 */
	static String key(String name) {
		String normal = Normalizer.normalize(clean(name), Normalizer.Form.NFKC);
		return SPACES.matcher(normal).replaceAll(" ").toLowerCase(Locale.ROOT).strip();
	}

	private static String clean(String name) {
		return (name == null) ? "" : SPACES.matcher(name.strip()).replaceAll(" ");
	}

	public boolean isValid() {
		return this.errors.isEmpty();
	}

	public boolean hasError(String field) {
		return this.errors.containsKey(field);
	}

	/** The numbers as they go in the form again: "3 17 22 45 61 88", or as typed. */
	public String numbersText() {
		return this.numbers.isEmpty() ? this.entered
				: String.join(" ", this.numbers.stream().map(String::valueOf).toList());
	}

}
