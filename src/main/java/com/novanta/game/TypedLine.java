package com.novanta.game;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A line of numbers as a person types it ("7 21, 33;40 58 90"), read and checked against
 * a game's rules: the number checker and saved lines read lines this way.
 *
 * @param entered what was typed, trimmed and cut to {@value #MAX_LENGTH} characters, to
 * show in the form again
 * @param numbers the numbers in order, or none if they are not a valid line
 * @param error the message key of what is wrong ({@code checker.numbers.tooLong},
 * {@code checker.numbers.notNumbers}, {@code checker.problem.<problem>}), or {@code null}
 */
public record TypedLine(String entered, List<Integer> numbers, String error) {

	/** The most characters read of a typed line. */
	public static final int MAX_LENGTH = 100;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");

	private static final Pattern DIGITS = Pattern.compile("[0-9]+");

	/** Reads what was typed (not {@code null}) as a line of the game of {@code rules}. */
	public static TypedLine read(String typed, NumberRules rules) {
		String entered = typed.strip();
		if (entered.length() > MAX_LENGTH) {
			return new TypedLine(entered.substring(0, MAX_LENGTH), List.of(), "checker.numbers.tooLong");
		}
		Optional<List<Integer>> parsed = parse(entered);
		if (parsed.isEmpty()) {
			return new TypedLine(entered, List.of(), "checker.numbers.notNumbers");
		}
		Optional<NumberRules.Problem> problem = rules.check(parsed.get());
		if (problem.isPresent()) {
			return new TypedLine(entered, List.of(),
					"checker.problem." + problem.get().name().toLowerCase(Locale.ROOT));
		}
		return new TypedLine(entered, parsed.get().stream().sorted().toList(), null);
	}

	/**
	 * The numbers of a line as typed: whole numbers separated by spaces, commas or
	 * semicolons; empty when anything else is there. A number too long for an int is kept
	 * as the largest int: out of every game's range, and said so.
	 */
	public static Optional<List<Integer>> parse(String text) {
		List<Integer> numbers = new ArrayList<>();
		for (String part : SEPARATORS.split(text.strip())) {
			if (part.isEmpty()) {
				continue;
			}
			if (!DIGITS.matcher(part).matches()) {
				return Optional.empty();
			}
			numbers.add((part.length() > 9) ? Integer.MAX_VALUE : Integer.parseInt(part));
		}
		return Optional.of(numbers);
	}

	public boolean isValid() {
		return this.error == null;
	}

}
