package com.novanta.statistics;

import java.util.List;

import com.novanta.lottery.DrawHistory;

import org.springframework.stereotype.Service;

/** The statistics of a game's past draws over a period. */
@Service
class DrawStatistics {

	private final DrawHistory history;

	DrawStatistics(DrawHistory history) {
		this.history = history;
	}

	NumberStatistics of(StatisticsQuery query) {
		List<NumberStatistics.Draw> draws = this.history.drawn(query.game().id(), query.from(), query.to())
			.stream()
			.map((drawn) -> new NumberStatistics.Draw(drawn.drawDate(), drawn.numbers()))
			.toList();
		return NumberStatistics.of(query.game().maxNumber(), query.game().picks(), draws);
	}

}
