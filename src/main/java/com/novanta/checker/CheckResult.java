package com.novanta.checker;

import java.time.LocalDate;
import java.util.List;

import com.novanta.game.Game;

/**
 * A line checked against the draws of a period: each draw, newest first, and what they
 * add up to.
 *
 * @param game the game
 * @param line the line, ascending
 * @param draws every draw checked, newest first
 * @param capped whether older draws of the period were left out
 */
record CheckResult(Game game, List<Integer> line, List<LineCheck.DrawCheck> draws, boolean capped) {

	/** How many draws were checked. */
	public int checked() {
		return this.draws.size();
	}

	/** The most numbers matched in one draw (0 without draws). */
	public int best() {
		return this.draws.stream().mapToInt(LineCheck.DrawCheck::matches).max().orElse(0);
	}

	/** In how many draws the best match came up. */
	public long bestTimes() {
		int best = best();
		return this.draws.stream().filter((check) -> check.matches() == best).count();
	}

	/** In how many draws the line would have won a prize. */
	public long wins() {
		return this.draws.stream().filter(LineCheck.DrawCheck::isWin).count();
	}

	/** What the line would have won in all, in cents, prizes not known yet aside. */
	public long total() {
		return this.draws.stream()
			.filter((check) -> check.isWin() && check.prize().isKnown())
			.mapToLong((check) -> check.prize().amount())
			.sum();
	}

	/** How many of the prizes are jackpot shares not known yet. */
	public long unknownPrizes() {
		return this.draws.stream().filter((check) -> check.isWin() && !check.prize().isKnown()).count();
	}

	/** The oldest draw date checked, or {@code null} without draws. */
	public LocalDate first() {
		return this.draws.isEmpty() ? null : this.draws.get(this.draws.size() - 1).drawDate();
	}

	/** The newest draw date checked, or {@code null} without draws. */
	public LocalDate last() {
		return this.draws.isEmpty() ? null : this.draws.get(0).drawDate();
	}

	/** How many pages of {@code size} draws. */
	public int pages(int size) {
		return Math.max(1, (this.draws.size() + size - 1) / size);
	}

	/** The draws of a page, from 1 (a page past the last is empty). */
	public List<LineCheck.DrawCheck> page(int page, int size) {
		long start = (long) (page - 1) * size;
		if (start >= this.draws.size()) {
			return List.of();
		}
		return this.draws.subList((int) start, (int) Math.min(start + size, this.draws.size()));
	}

}
