package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One drawn lottery as the number checker reads it: its winning numbers and, once
 * settled, its prize breakdown. Nothing personal, nothing of the draw's secrets.
 *
 * @param lotteryId the lottery
 * @param drawDate its draw date
 * @param numbers its winning numbers, ascending
 * @param summary its results (winners and prize per tier, jackpot), or {@code null} while
 * it is drawn but not settled yet
 * @param closesAt its close instant, when it is drawn by its game's schedule
 * ({@code null} where the reader did not ask for it)
 * @param drawnAt when its numbers were actually drawn ({@code null} likewise)
 */
public record PastDraw(String lotteryId, LocalDate drawDate, List<Integer> numbers, LotterySummary summary,
		Instant closesAt, Instant drawnAt) {

	public PastDraw(String lotteryId, LocalDate drawDate, List<Integer> numbers, LotterySummary summary) {
		this(lotteryId, drawDate, numbers, summary, null, null);
	}

	public boolean isSettled() {
		return this.summary != null;
	}

}
