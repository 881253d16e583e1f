package com.novanta.game;

import java.util.List;

/**
 * What a game pays and how likely each prize is, as a participant reads it before
 * playing: one row per tier, best first.
 *
 * @param rows the tiers
 * @param anyPrizeOneIn the odds of winning any prize, "1 in N"
 */
public record PrizeTable(List<Row> rows, long anyPrizeOneIn) {

	public static PrizeTable of(Game game) {
		List<Row> rows = game.tiers()
			.stream()
			.map((tier) -> new Row(tier.matches(), game.picks(), tier.isJackpot(), tier.amount(),
					Odds.oneIn(game, tier.matches())))
			.toList();
		return new PrizeTable(rows, Odds.anyPrizeOneIn(game));
	}

	/**
	 * One tier.
	 *
	 * @param matches the numbers to match
	 * @param picks of how many
	 * @param jackpot whether it shares the jackpot
	 * @param amount the fixed prize in cents (unused for the jackpot)
	 * @param oneIn the odds, "1 in N"
	 */
	public record Row(int matches, int picks, boolean jackpot, long amount, long oneIn) {

	}

}
