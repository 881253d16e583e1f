package com.novanta.statistics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * How often each number of a game was drawn over a set of draws: frequencies, the most
 * and least frequent ("hot" and "cold") numbers, and those not drawn for the longest
 * time. Plain Java.
 *
 * <p>
 * Ties: the hot numbers are the most frequent, the more recently drawn first among
 * equals; the cold ones the least frequent, the longest undrawn first among equals; then
 * by number. Each list keeps its size and says which numbers are tied with its last one
 * beyond it. When every number was drawn equally often, no number is hot or cold.
 */
final class NumberStatistics {

	private final int draws;

	private final LocalDate first;

	private final LocalDate last;

	private final List<NumberCount> numbers;

	private final double average;

	private final int mostDrawn;

	private final Ranking hot;

	private final Ranking cold;

	private final Ranking longestUndrawn;

	private NumberStatistics(int draws, LocalDate first, LocalDate last, List<NumberCount> numbers, double average,
			int size) {
		this.draws = draws;
		this.first = first;
		this.last = last;
		this.numbers = numbers;
		this.average = average;
		this.mostDrawn = numbers.stream().mapToInt(NumberCount::count).max().orElse(0);
		int fewest = numbers.stream().mapToInt(NumberCount::count).min().orElse(0);
		Comparator<NumberCount> byNumber = Comparator.comparingInt(NumberCount::number);
		// most drawn, then most recently drawn
		this.hot = Ranking.of(numbers.stream().filter((n) -> n.count() > fewest).toList(),
				Comparator.comparingInt(NumberCount::count)
					.reversed()
					.thenComparingInt(NumberCount::gap)
					.thenComparing(byNumber),
				Comparator.comparingInt(NumberCount::count), size);
		// least drawn, then longest undrawn
		this.cold = Ranking.of(numbers.stream().filter((n) -> n.count() < this.mostDrawn).toList(),
				Comparator.comparingInt(NumberCount::count)
					.thenComparing(Comparator.comparingInt(NumberCount::gap).reversed())
					.thenComparing(byNumber),
				Comparator.comparingInt(NumberCount::count), size);
		this.longestUndrawn = Ranking.of((draws > 0) ? numbers : List.of(),
				Comparator.comparingInt(NumberCount::gap).reversed().thenComparing(byNumber),
				Comparator.comparingInt(NumberCount::gap), size);
	}

	/**
	 * The statistics of a game's draws.
	 * @param maxNumber the game's largest number (numbers run from 1)
	 * @param size how many numbers each of the hot, cold and longest-undrawn lists holds
	 * @param draws the draws, in any order
	 */
	static NumberStatistics of(int maxNumber, int size, List<Draw> draws) {
		List<Draw> ordered = draws.stream().sorted(Comparator.comparing(Draw::date)).toList();
		int[] counts = new int[maxNumber + 1];
		int[] lastIndex = new int[maxNumber + 1];
		Arrays.fill(lastIndex, -1);
		long drawn = 0;
		for (int i = 0; i < ordered.size(); i++) {
			for (int number : ordered.get(i).numbers()) {
				if (number < 1 || number > maxNumber) {
					throw new IllegalArgumentException("Number " + number + " is not in 1.." + maxNumber);
				}
				counts[number]++;
				lastIndex[number] = i;
				drawn++;
			}
		}
		int total = ordered.size();
		List<NumberCount> numbers = new ArrayList<>(maxNumber);
		for (int n = 1; n <= maxNumber; n++) {
			int at = lastIndex[n];
			numbers.add(new NumberCount(n, counts[n], (total > 0) ? (double) counts[n] / total : 0,
					(at >= 0) ? ordered.get(at).date() : null, (at >= 0) ? total - 1 - at : null));
		}
		return new NumberStatistics(total, total > 0 ? ordered.get(0).date() : null,
				total > 0 ? ordered.get(total - 1).date() : null, List.copyOf(numbers), (double) drawn / maxNumber,
				size);
	}

	/** How many draws. */
	public int draws() {
		return this.draws;
	}

	/** The first draw date, or {@code null} without draws. */
	public LocalDate first() {
		return this.first;
	}

	/** The last draw date, or {@code null} without draws. */
	public LocalDate last() {
		return this.last;
	}

	/** Every number of the game, in order. */
	public List<NumberCount> numbers() {
		return this.numbers;
	}

	/** How many times each number was drawn on average. */
	public double average() {
		return this.average;
	}

	/** How many times the most drawn number was drawn. */
	public int mostDrawn() {
		return this.mostDrawn;
	}

	public Ranking hot() {
		return this.hot;
	}

	public Ranking cold() {
		return this.cold;
	}

	/** The numbers not drawn for the longest time, never drawn first. */
	public Ranking longestUndrawn() {
		return this.longestUndrawn;
	}

	public boolean isHot(int number) {
		return this.hot.numbers().stream().anyMatch((n) -> n.number() == number);
	}

	public boolean isCold(int number) {
		return this.cold.numbers().stream().anyMatch((n) -> n.number() == number);
	}

	/**
	 * One draw.
	 *
	 * @param date its draw date
	 * @param numbers its winning numbers
	 */
	record Draw(LocalDate date, List<Integer> numbers) {

	}

	/**
	 * One number over the draws.
	 *
	 * @param number the number
	 * @param count how many draws it was in
	 * @param share the share of the draws it was in (0 to 1)
	 * @param lastDrawn the date of the last draw it was in, or {@code null} if none
	 * @param drawsAgo how many draws since it was last drawn (0: in the latest), or
	 * {@code null} if it was in none
	 */
	record NumberCount(int number, int count, double share, LocalDate lastDrawn, Integer drawsAgo) {

		public boolean isNeverDrawn() {
			return this.drawsAgo == null;
		}

		/** The share in percent, for people. */
		public double percent() {
			return this.share * 100;
		}

		/** Draws since it was last drawn, never drawn counting as longest. */
		int gap() {
			return (this.drawsAgo != null) ? this.drawsAgo : Integer.MAX_VALUE;
		}

	}

	/**
	 * Some numbers in order, and those tied with the last of them that did not fit.
	 *
	 * @param numbers the numbers, best first
	 * @param tied the numbers beyond them tied with the last one, in order
	 */
	record Ranking(List<NumberCount> numbers, List<NumberCount> tied) {

		static Ranking of(List<NumberCount> candidates, Comparator<NumberCount> order, Comparator<NumberCount> tie,
				int size) {
			List<NumberCount> sorted = candidates.stream().sorted(order).toList();
			List<NumberCount> shown = sorted.subList(0, Math.min(size, sorted.size()));
			if (shown.isEmpty()) {
				return new Ranking(List.of(), List.of());
			}
			NumberCount lastShown = shown.get(shown.size() - 1);
			List<NumberCount> tied = sorted.subList(shown.size(), sorted.size())
				.stream()
				.filter((n) -> tie.compare(n, lastShown) == 0)
				.sorted(Comparator.comparingInt(NumberCount::number))
				.toList();
			return new Ranking(List.copyOf(shown), tied);
		}

		public boolean isEmpty() {
			return this.numbers.isEmpty();
		}

	}

}
