package com.novanta.draw;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.game.Game;
import com.novanta.game.NumberSet;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotterySummary;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;

/**
 * Settles every ballot of a drawn lottery in one streaming pass: each ballot is matched
 * against the winning numbers as two 64-bit words; winning ballots are recorded in
 * batches (by their ballot id, so a repeated pass records none twice); the jackpot is
 * shared or rolls over. The result is the same however many times it runs.
 */
final class Settlement {

	private final Winners winners;

	private final Clock clock;

	private final int batchSize;

	Settlement(Winners winners, Clock clock, int batchSize) {
		this.winners = winners;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/**
	 * Settles the lottery.
	 * @param ballots every ballot of the lottery
	 * @param afterBatch called after each batch of winners is recorded (renews the lease)
	 * @return the summary
	 */
	LotterySummary settle(Lottery lottery, Game game, CompactBallots ballots, Runnable afterBatch) {
		NumberSet winning = NumberSet.of(lottery.winningNumbers().stream().mapToInt(Integer::intValue).toArray());
		long winLow = winning.low();
		long winHigh = winning.high();
		int lowest = game.lowestWinningMatches();
		long[] perMatches = new long[game.picks() + 1];
		List<Winner> batch = new ArrayList<>(this.batchSize);
		Instant now = this.clock.instant();
		int count = ballots.size();
		for (int i = 0; i < count; i++) {
			int matches = NumberSet.matches(ballots.low(i), ballots.high(i), winLow, winHigh);
			if (matches < lowest) {
				continue;
			}
			PrizeTier tier = game.tierFor(matches).orElse(null);
			if (tier == null) {
				continue;
			}
			perMatches[matches]++;
			NumberSet ballot = new NumberSet(ballots.low(i), ballots.high(i));
			batch.add(new Winner(Winner.id(ballots.slipId(i), ballots.line(i)), lottery.id(), game.id(),
					lottery.drawDate(), ballots.slipId(i), ballots.line(i), receipt(game, lottery, ballots.slip(i)),
					ballots.accountId(i), toList(ballot.toArray()), toList(ballot.common(winning)), matches,
					tier.isJackpot() ? null : tier.amount(), tier.isJackpot(), false, false, now));
			if (batch.size() >= this.batchSize) {
				this.winners.recordAll(batch);
				batch.clear();
				afterBatch.run();
			}
		}
		this.winners.recordAll(batch);
		afterBatch.run();
		return summarize(lottery, game, count, ballots.participants(), perMatches);
	}

	private LotterySummary summarize(Lottery lottery, Game game, long ballots, long participants, long[] perMatches) {
		Map<String, Long> winnersByTier = new LinkedHashMap<>();
		Map<String, Long> prizeByTier = new LinkedHashMap<>();
		long total = 0;
		long jackpot = lottery.jackpot(game, ballots);
		long rolledOver = 0;
		for (PrizeTier tier : game.tiers()) {
			long count = perMatches[tier.matches()];
			winnersByTier.put(String.valueOf(tier.matches()), count);
			if (tier.isJackpot()) {
				if (count == 0) {
					rolledOver = jackpot;
					prizeByTier.put(String.valueOf(tier.matches()), 0L);
				}
				else {
					long share = jackpot / count;
					// what cannot be split to the cent stays in the pool
					rolledOver = jackpot - share * count;
					prizeByTier.put(String.valueOf(tier.matches()), share);
					total += share * count;
					this.winners.setPrize(lottery.id(), tier.matches(), share);
				}
			}
			else {
				prizeByTier.put(String.valueOf(tier.matches()), tier.amount());
				total += tier.amount() * count;
			}
		}
		return new LotterySummary(ballots, participants, winnersByTier, prizeByTier, total, jackpot, rolledOver);
	}

	private static String receipt(Game game, Lottery lottery, long slip) {
		return game.code() + "-" + lottery.drawDate().toString().replace("-", "") + "-" + String.format("%06d", slip);
	}

	private static List<Integer> toList(int[] numbers) {
		List<Integer> list = new ArrayList<>(numbers.length);
		for (int n : numbers) {
			list.add(n);
		}
		return list;
	}

}
