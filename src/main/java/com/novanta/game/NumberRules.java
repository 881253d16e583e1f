package com.novanta.game;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * What makes a line of numbers valid for a game: exactly {@code picks} distinct whole
 * numbers from 1 to {@code maxNumber}.
 *
 * @param picks how many numbers
 * @param maxNumber the largest number
 */
public record NumberRules(int picks, int maxNumber) {

	/**
	 * Checks a line as entered.
	 * @return the problem, or empty if the line is valid
	 */
	public Optional<Problem> check(Collection<Integer> numbers) {
		if (numbers == null || numbers.isEmpty()) {
			return Optional.of(Problem.EMPTY);
		}
		if (numbers.stream().anyMatch((n) -> n == null || n < 1 || n > this.maxNumber)) {
			return Optional.of(Problem.OUT_OF_RANGE);
		}
		if (numbers.stream().distinct().count() != numbers.size()) {
			return Optional.of(Problem.REPEATED);
		}
		if (numbers.size() < this.picks) {
			return Optional.of(Problem.TOO_FEW);
		}
		if (numbers.size() > this.picks) {
			return Optional.of(Problem.TOO_MANY);
		}
		return Optional.empty();
	}

	/** The line sorted, after {@link #check} found it valid. */
	public int[] normalize(Collection<Integer> numbers) {
		int[] sorted = numbers.stream().mapToInt(Integer::intValue).toArray();
		Arrays.sort(sorted);
		return sorted;
	}

	/** What is wrong with a line. */
	public enum Problem {

		EMPTY, OUT_OF_RANGE, REPEATED, TOO_FEW, TOO_MANY;

		public String messageKey() {
			return "play.problem." + name().toLowerCase(Locale.ROOT);
		}

	}

}
