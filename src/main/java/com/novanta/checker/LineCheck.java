package com.novanta.checker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.novanta.game.Game;
import com.novanta.game.NumberSet;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.LotterySummary;
import com.novanta.lottery.PastDraw;

/**
 * What a line would have matched and won in past draws of its game: the rule, plain Java.
 *
 * <p>
 * A prize is what the draw's recorded prize breakdown paid a winning ballot of the tier.
 * A jackpot tier paid its winners equal shares of the draw's jackpot pool, so a line that
 * would have hit it would have shared the pool with them: the pool divided by the
 * recorded winners plus this line (all of it when nobody won it). A draw that is drawn
 * but not settled yet has no breakdown: a fixed tier pays the game's amount, a jackpot
 * share is not known yet. A tier the draw's breakdown does not have did not exist for it:
 * no prize.
 */
final class LineCheck {

	private LineCheck() {
	}

	/**
	 * Checks a line against draws.
	 * @param game the draws' game
	 * @param line a valid line of the game
	 * @param draws the draws, newest first
	 * @param capped whether older draws of the period were left out
	 */
	static CheckResult check(Game game, List<Integer> line, List<PastDraw> draws, boolean capped) {
		NumberSet mine = NumberSet.of(line.stream().mapToInt(Integer::intValue).toArray());
		List<DrawCheck> checks = new ArrayList<>(draws.size());
		for (PastDraw draw : draws) {
			NumberSet winning = NumberSet.of(draw.numbers().stream().mapToInt(Integer::intValue).toArray());
			int matches = mine.matches(winning);
			List<Integer> matched = new ArrayList<>(matches);
			for (int n : mine.common(winning)) {
				matched.add(n);
			}
			checks.add(new DrawCheck(draw, List.copyOf(matched), matches, prize(game, matches, draw).orElse(null)));
		}
		return new CheckResult(game, List.copyOf(line), List.copyOf(checks), capped);
	}

	/** What a line with {@code matches} matched numbers would have won in the draw. */
	static Optional<Prize> prize(Game game, int matches, PastDraw draw) {
		Optional<PrizeTier> found = game.tierFor(matches);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		PrizeTier tier = found.get();
		LotterySummary summary = draw.summary();
		if (summary == null) {
			return Optional.of(new Prize(matches, tier.isJackpot(), tier.isJackpot() ? null : tier.amount()));
		}
		if (!summary.prizeByTier().containsKey(String.valueOf(matches))) {
			return Optional.empty();
		}
		if (tier.isJackpot()) {
			return Optional.of(new Prize(matches, true, summary.jackpot() / (summary.winnersOf(matches) + 1)));
		}
		return Optional.of(new Prize(matches, false, summary.prizeOf(matches)));
	}

	/**
	 * One draw checked.
	 *
	 * @param draw the draw
	 * @param matched the line's numbers that were drawn, ascending
	 * @param matches how many
	 * @param prize what the line would have won, or {@code null} for nothing
	 */
	record DrawCheck(PastDraw draw, List<Integer> matched, int matches, Prize prize) {

		public boolean isWin() {
			return this.prize != null;
		}

		public LocalDate drawDate() {
			return this.draw.drawDate();
		}

	}

	/**
	 * A prize a line would have won.
	 *
	 * @param matches its tier, by matched numbers
	 * @param jackpot whether it is a share of the jackpot
	 * @param amount how much, in cents; {@code null} while not known (the jackpot share
	 * of a draw not settled yet)
	 */
	record Prize(int matches, boolean jackpot, Long amount) {

		public boolean isKnown() {
			return this.amount != null;
		}

	}

}
