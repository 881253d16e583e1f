package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.novanta.fairness.Fairness;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One draw of one game on one date, as stored. Only this module reads it: other modules
 * get the {@link Lottery} view, without the pipeline's lease, and with the seed only once
 * it is revealed.
 *
 * @param id {@code <game>-<date>}, unique by construction
 * @param gameId the game
 * @param drawDate the draw date, in the game's time zone
 * @param closesAt when it stops accepting ballots, computed once from the game's schedule
 * @param status where it is
 * @param seedCommitment SHA-256 of the secret seed, published from the start (hex)
 * @param slots how many ballot slips were given a place (the last slip number)
 * @param reservedBallots how many ballots those slips hold (exact after closing)
 * @param ballotCount the number of accepted ballots, fixed at closing
 * @param ballotDigest SHA-256 of all accepted ballots in canonical order, fixed at
 * closing
 * @param closedAt when it was closed
 * @param seed the secret seed, revealed once drawn (hex)
 * @param winningNumbers the winning numbers, ascending, once drawn
 * @param drawOrder the winning numbers in the order they were drawn
 * @param drawnAt when it was drawn
 * @param carryIn jackpot rolled over from earlier lotteries, by the lottery it came from
 * @param summary the results once settled
 * @param settledAt when it was settled
 * @param notifiedAt when every participant was sent their result
 * @param leaseOwner the worker running its pipeline now
 * @param leaseUntil until when that worker holds it
 * @param createdAt when it was created
 * @param recipe the draw recipe it is drawn with, fixed when it is created
 * ({@link Fairness#RECIPE} for new ones; absent on lotteries older than recipe 2, which
 * are drawn with recipe 1)
 * @param beacon the public beacon round it is drawn with (recipe 3 on), fixed when it is
 * created, and what became of it
 * @param digestedAt when its ballot digest was published
 */
@Document("lotteries")
record LotteryDocument(@Id String id, String gameId, LocalDate drawDate, Instant closesAt, LotteryStatus status,
		String seedCommitment, long slots, long reservedBallots, Long ballotCount, String ballotDigest,
		Instant closedAt, String seed, List<Integer> winningNumbers, List<Integer> drawOrder, Instant drawnAt,
		Map<String, Long> carryIn, LotterySummary summary, Instant settledAt, Instant notifiedAt, String leaseOwner,
		Instant leaseUntil, Instant createdAt, Integer recipe, BeaconDraw beacon, Instant digestedAt) {

	/** A new open lottery, as the calendar creates it. */
	static LotteryDocument open(String id, String gameId, LocalDate drawDate, Instant closesAt, String seedCommitment,
			Instant createdAt, BeaconDraw beacon) {
		return new LotteryDocument(id, gameId, drawDate, closesAt, LotteryStatus.OPEN, seedCommitment, 0, 0, null, null,
				null, null, null, null, null, null, null, null, null, null, null, createdAt, Fairness.RECIPE, beacon,
				null);
	}

	/**
	 * What other modules see. The seed is only set by the draw step, with the status
	 * DRAWN; it is left out before that all the same, so that no later change to the
	 * steps can show it early.
	 */
	Lottery view() {
		return new Lottery(this.id, this.gameId, this.drawDate, this.closesAt, this.status, this.seedCommitment,
				this.slots, this.reservedBallots, this.ballotCount, this.ballotDigest, this.closedAt,
				this.status.isAtLeast(LotteryStatus.DRAWN) ? this.seed : null, this.winningNumbers, this.drawOrder,
				this.drawnAt, this.carryIn, this.summary, (this.recipe != null) ? this.recipe : 1, this.beacon,
				this.digestedAt);
	}

}
