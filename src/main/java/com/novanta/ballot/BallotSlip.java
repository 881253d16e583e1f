package com.novanta.ballot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One submission of one to ten ballots (lines) for one lottery, with one receipt.
 * Accepted slips are never changed. A slip's id is its lottery and slip number, so that
 * the draw can read a lottery's slips by id, in order.
 *
 * @param id {@code <lottery>:<slip number, 9 digits>}
 * @param lotteryId the lottery
 * @param gameId the lottery's game
 * @param drawDate the lottery's draw date
 * @param slip the slip number within the lottery, from 1
 * @param accountId the participant
 * @param submittedAt when it was accepted
 * @param lines the ballots: numbers ascending
 * @param quickPicks which lines the system picked
 * @param receipt the receipt number shown to the participant
 * @param submissionKey the participant and the form's idempotency key (unique)
 * @param tombstone {@code true} for a place the draw sealed because no slip filled it in
 * time
 * @param stake what the participant paid for the slip, in cents, at the price of the day
 * it was accepted ({@code null} on slips accepted before it was kept)
 */
@Document("ballots")
public record BallotSlip(@Id String id, String lotteryId, String gameId, LocalDate drawDate, long slip,
		String accountId, Instant submittedAt, List<List<Integer>> lines, List<Boolean> quickPicks, String receipt,
		String submissionKey, Boolean tombstone, Long stake) {

	/**
	 * The slip number is zero-padded, so that ids sort in slip order and a lottery's
	 * slips lie together.
	 */
	public static String id(String lotteryId, long slip) {
		return lotteryId + ":" + String.format("%09d", slip);
	}

	public boolean isTombstone() {
		return Boolean.TRUE.equals(this.tombstone);
	}

	public int[] numbers(int line) {
		return this.lines.get(line).stream().mapToInt(Integer::intValue).toArray();
	}

	public boolean isQuickPick(int line) {
		return this.quickPicks != null && line < this.quickPicks.size()
				&& Boolean.TRUE.equals(this.quickPicks.get(line));
	}

	/**
	 * The receipt number: game code, draw date and slip number, e.g.
	 * {@code D-20261125-000042}.
	 */
	static String receipt(String gameCode, LocalDate drawDate, long slip) {
		return gameCode + "-" + drawDate.toString().replace("-", "") + "-" + String.format("%06d", slip);
	}

}
