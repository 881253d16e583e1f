package com.novanta.game;

import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.math.BigDecimal;

/**
 * The odds of a ballot: a ballot of {@code picks} numbers against {@code picks} numbers
 * drawn from {@code 1..maxNumber} matches exactly {@code k} of them in C(picks, k) x
 * C(maxNumber - picks, picks - k) of the C(maxNumber, picks) possible draws. Computed
 * from the game, so the table a participant reads cannot disagree with the game that is
 * played.
 */
public final class Odds {

	private Odds() {
	}

	/** "1 in N": the odds of matching exactly {@code matches} numbers, rounded. */
	public static long oneIn(Game game, int matches) {
		return oneIn(draws(game), ways(game, matches));
	}

	/** "1 in N": the odds of winning any prize tier of the game, rounded. */
	public static long anyPrizeOneIn(Game game) {
		BigInteger ways = BigInteger.ZERO;
		for (PrizeTier tier : game.tiers()) {
			ways = ways.add(ways(game, tier.matches()));
		}
		return oneIn(draws(game), ways);
	}

	private static long oneIn(BigInteger draws, BigInteger ways) {
		if (ways.signum() == 0) {
			return 0;
		}
		return new BigDecimal(draws).divide(new BigDecimal(ways), MathContext.DECIMAL64)
			.setScale(0, RoundingMode.HALF_UP)
			.longValueExact();
	}

	private static BigInteger draws(Game game) {
		return choose(game.maxNumber(), game.picks());
	}

	private static BigInteger ways(Game game, int matches) {
		if (matches < 0 || matches > game.picks()) {
			return BigInteger.ZERO;
		}
		return choose(game.picks(), matches).multiply(choose(game.maxNumber() - game.picks(), game.picks() - matches));
	}

	static BigInteger choose(int n, int k) {
		if (k < 0 || k > n) {
			return BigInteger.ZERO;
		}
		BigInteger result = BigInteger.ONE;
		for (int i = 1; i <= k; i++) {
			result = result.multiply(BigInteger.valueOf(n - k + i)).divide(BigInteger.valueOf(i));
		}
		return result;
	}

}
