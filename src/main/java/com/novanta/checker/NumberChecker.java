package com.novanta.checker;

import java.util.List;

import com.novanta.lottery.DrawHistory;
import com.novanta.lottery.PastDraw;

import org.springframework.stereotype.Service;

/**
 * Checks a line against the past draws of a period: one read of the drawn lotteries of
 * the game, newest first, whatever the period (never a read per draw).
 */
@Service
class NumberChecker {

	/**
	 * The most draws one check reads: more than ten years of a daily game. "All draws" of
	 * an older game checks the latest ones and says so.
	 */
	static final int MAX_DRAWS = 4000;

	private final DrawHistory history;

	NumberChecker(DrawHistory history) {
		this.history = history;
	}

	/** Checks a query that {@link CheckQuery#isReady() is ready}. */
	CheckResult check(CheckQuery query) {
		List<PastDraw> draws = this.history.latest(query.game().id(), query.from(), query.to(), MAX_DRAWS + 1);
		boolean capped = draws.size() > MAX_DRAWS;
		return LineCheck.check(query.game(), query.line(), capped ? draws.subList(0, MAX_DRAWS) : draws, capped);
	}

}
