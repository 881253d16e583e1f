package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.novanta.fairness.Fairness;
import com.novanta.game.Game;

/**
 * One draw of one game on one date, as the other modules see it: what the pages, the
 * ballots and the draw read. The secret seed is not here before the draw, nor the draw
 * pipeline's lease; the draw moves a lottery on through {@link LotterySteps}.
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
 * @param seed the seed (hex), once revealed by the draw; {@code null} before
 * @param winningNumbers the winning numbers, ascending, once drawn
 * @param drawOrder the winning numbers in the order they were drawn
 * @param drawnAt when it was drawn
 * @param carryIn jackpot rolled over from earlier lotteries, by the lottery it came from
 * @param summary the results once settled
 * @param recipe the draw recipe it is drawn with: 1, a digest of its ballots in order; 2,
 * the root of the Merkle tree of its salted ballots (fairness {@code BallotTree}); 3, as
 * 2 and the numbers also drawn from a public beacon round
 * @param beacon the public beacon round it is drawn with (recipe 3 on; {@code null}
 * before), and what became of it
 * @param digestedAt when its ballot digest was published
 */
public record Lottery(String id, String gameId, LocalDate drawDate, Instant closesAt, LotteryStatus status,
		String seedCommitment, long slots, long reservedBallots, Long ballotCount, String ballotDigest,
		Instant closedAt, String seed, List<Integer> winningNumbers, List<Integer> drawOrder, Instant drawnAt,
		Map<String, Long> carryIn, LotterySummary summary, int recipe, BeaconDraw beacon, Instant digestedAt) {

	public boolean isOpenAt(Instant now) {
		return this.status == LotteryStatus.OPEN && now.isBefore(this.closesAt);
	}

	/**
	 * Whether the numbers wait for the public beacon: closed, its digest published, its
	 * round neither fetched nor overridden.
	 */
	public boolean isWaitingForBeacon() {
		return this.recipe >= Fairness.BEACON_RECIPE && this.status == LotteryStatus.CLOSED && this.ballotDigest != null
				&& this.beacon != null && !this.beacon.decided();
	}

	public boolean isDrawn() {
		return this.status.isAtLeast(LotteryStatus.DRAWN);
	}

	public boolean isSettled() {
		return this.status.isAtLeast(LotteryStatus.SETTLED);
	}

	/**
	 * The jackpot pool of this lottery with {@code ballots} ballots in it: what rolled
	 * over into it (or the game's starting jackpot if nothing did), plus the game's share
	 * of their price, in cents; 0 for a game without a jackpot.
	 */
	public long jackpot(Game game, long ballots) {
		if (game.jackpotTier().isEmpty()) {
			return 0;
		}
		long base = (carriedIn() > 0) ? carriedIn() : game.jackpotSeed();
		return base + ballots * game.price() * game.jackpotShare() / 100;
	}

	/**
	 * The jackpot as it stands while the lottery is open: the ballots placed so far
	 * (fixed at closing, when it is the jackpot that is drawn for).
	 */
	public long jackpotSoFar(Game game) {
		return jackpot(game, this.reservedBallots);
	}

	/** The jackpot rolled into this lottery from earlier ones, in cents. */
	public long carriedIn() {
		return (this.carryIn != null) ? this.carryIn.values().stream().mapToLong(Long::longValue).sum() : 0;
	}

}
