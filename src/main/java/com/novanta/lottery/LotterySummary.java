package com.novanta.lottery;

import java.util.Map;

/**
 * A settled lottery's results, without personal data.
 *
 * @param ballots how many ballots took part
 * @param participants how many participants took part
 * @param winnersByTier winning ballots per tier (by matches)
 * @param prizeByTier what one winning ballot of each tier wins, in cents
 * @param totalPrizes all prizes together, in cents
 * @param jackpot the jackpot pool of this lottery, in cents
 * @param rolledOver the jackpot passed on to the next lottery (unwon), in cents
 */
public record LotterySummary(long ballots, long participants, Map<String, Long> winnersByTier,
		Map<String, Long> prizeByTier, long totalPrizes, long jackpot, long rolledOver) {

	public long winners() {
		return this.winnersByTier.values().stream().mapToLong(Long::longValue).sum();
	}

	public long winnersOf(int matches) {
		return this.winnersByTier.getOrDefault(String.valueOf(matches), 0L);
	}

	public long prizeOf(int matches) {
		return this.prizeByTier.getOrDefault(String.valueOf(matches), 0L);
	}

}
