package com.novanta.ballot;

import java.time.Instant;
import java.util.Locale;

/**
 * How many more lines a participant can play, said before they choose any (public for the
 * page's expressions): what is left of their own limits for the day and the month and of
 * the limit per lottery. The page shows it first, and warns when the complete lines go
 * over it.
 *
 * @param today lines left today under the daily limit, or {@code null} for no daily limit
 * @param month lines left this month under the monthly limit, or {@code null} for no
 * monthly limit
 * @param lottery lines left in this lottery under the limit per participant
 * @param lotteryLimit the limit per participant and lottery
 * @param dayEnds when the day's count starts again
 * @param monthEnds when the month's count starts again
 */
public record Allowance(Long today, Long month, long lottery, int lotteryLimit, Instant dayEnds, Instant monthEnds) {

	/** Which limit leaves the fewest lines. */
	public enum Bound {

		DAY, MONTH, LOTTERY;

		/** Its name in message keys: {@code day}, {@code month}, {@code lottery}. */
		public String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/** The most lines that can be played now. */
	public long left() {
		long left = this.lottery;
		if (this.today != null) {
			left = Math.min(left, this.today);
		}
		if (this.month != null) {
			left = Math.min(left, this.month);
		}
		return left;
	}

	/** Whether no line can be played now. */
	public boolean none() {
		return left() == 0;
	}

	/**
	 * The limit that leaves {@link #left()}; when several leave none, the one that lasts
	 * longest (the lottery's never starts again, the month's after the day's), since that
	 * is when play can start again.
	 */
	public Bound bound() {
		long left = left();
		if (this.lottery == left) {
			return Bound.LOTTERY;
		}
		if (this.month != null && this.month == left) {
			return Bound.MONTH;
		}
		return Bound.DAY;
	}

	/** Whether the participant set a limit of their own. */
	public boolean ownLimits() {
		return this.today != null || this.month != null;
	}

	/**
	 * Whether the limit per lottery is worth saying: the participant played in this
	 * lottery already and it is the limit that leaves the fewest lines.
	 */
	public boolean showLottery() {
		return this.lottery < this.lotteryLimit && bound() == Bound.LOTTERY;
	}

	/** When play can start again once {@link #none()}: empty for the lottery's limit. */
	public Instant playAgainFrom() {
		return switch (bound()) {
			case DAY -> this.dayEnds;
			case MONTH -> this.monthEnds;
			case LOTTERY -> null;
		};
	}

}
