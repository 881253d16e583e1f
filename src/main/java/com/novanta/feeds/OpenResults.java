package com.novanta.feeds;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import com.novanta.game.Game;
import com.novanta.lottery.DrawHistory;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.PastDraw;

import org.springframework.stereotype.Service;

/**
 * What the open results read, through the lottery module's public services: one lottery,
 * a game's latest draws, a page of its archive. Each is one query.
 */
@Service
class OpenResults {

	/** The draws an Atom feed holds. */
	static final int FEED_ENTRIES = 20;

	/**
	 * The most draws a CSV holds: more than 27 years of a daily game. An older game's CSV
	 * has its newest draws.
	 */
	static final int CSV_ROWS = 10_000;

	private final Lotteries lotteries;

	private final DrawHistory history;

	OpenResults(Lotteries lotteries, DrawHistory history) {
		this.lotteries = lotteries;
		this.history = history;
	}

	Optional<Lottery> lottery(String id) {
		return this.lotteries.find(id);
	}

	/** The game's latest drawn lottery, whole. */
	Optional<Lottery> latest(Game game) {
		return this.history.latestWithTimes(game.id(), 1)
			.stream()
			.findFirst()
			.flatMap((draw) -> this.lotteries.find(draw.lotteryId()));
	}

	/** The game's latest draws, newest first, for its feed. */
	List<PastDraw> forFeed(Game game) {
		return this.history.latestWithTimes(game.id(), FEED_ENTRIES);
	}

	/** The game's draws, oldest first, for its CSV (the newest {@value #CSV_ROWS}). */
	List<PastDraw> forCsv(Game game) {
		List<PastDraw> draws = new ArrayList<>(this.history.latestWithTimes(game.id(), CSV_ROWS));
		Collections.reverse(draws);
		return draws;
	}

	List<PastDraw> page(Game game, ArchivePage page) {
		return this.history.page(game.id(), page.offset(), page.size());
	}

	long count(Game game) {
		return this.history.count(game.id());
	}

}
