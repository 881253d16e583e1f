package com.novanta.game;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A kind of lottery: how many numbers from what range, when it draws, and what it pays.
 *
 * @param id a short id, part of every lottery id (for example {@code daily})
 * @param code one letter for receipt numbers
 * @param name the display name
 * @param picks how many distinct numbers a ballot has
 * @param maxNumber the largest number (numbers run from 1)
 * @param schedule when its lotteries close and draw
 * @param daysAhead over how many days, from today, its lotteries are open
 * @param price what one ballot costs, in cents
 * @param tiers the prize tiers, by matches
 * @param jackpotSeed the jackpot pool a lottery starts with, in cents
 * @param jackpotShare the share of each ballot's price added to the jackpot pool, in
 * percent
 */
public record Game(String id, String code, String name, int picks, int maxNumber, DrawSchedule schedule, int daysAhead,
		long price, List<PrizeTier> tiers, long jackpotSeed, int jackpotShare) {

	public Game {
		if (picks < 1 || maxNumber < picks || maxNumber > 128) {
			throw new IllegalArgumentException("A game picks 1.." + maxNumber + " of at most 128 numbers");
		}
		tiers = tiers.stream().sorted(Comparator.comparingInt(PrizeTier::matches).reversed()).toList();
		if (tiers.stream().anyMatch((tier) -> tier.matches() > picks)) {
			throw new IllegalArgumentException("A tier cannot need more matches than numbers picked");
		}
	}

	public NumberRules rules() {
		return new NumberRules(this.picks, this.maxNumber);
	}

	/** The tier a ballot with {@code matches} matched numbers wins, if any. */
	public Optional<PrizeTier> tierFor(int matches) {
		return this.tiers.stream().filter((tier) -> tier.matches() == matches).findFirst();
	}

	public Optional<PrizeTier> jackpotTier() {
		return this.tiers.stream().filter(PrizeTier::isJackpot).findFirst();
	}

	/** The fewest matches that win anything. */
	public int lowestWinningMatches() {
		return this.tiers.stream().mapToInt(PrizeTier::matches).min().orElse(this.picks + 1);
	}

	/** The lottery id of this game on a date: {@code daily-2026-11-25}. */
	public String lotteryId(LocalDate date) {
		return this.id + "-" + date;
	}

}
