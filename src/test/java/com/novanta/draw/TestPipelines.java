package com.novanta.draw;

import java.time.Clock;
import java.util.List;
import java.util.SplittableRandom;

import com.novanta.audit.AuditLog;
import com.novanta.ballot.BallotLedger;
import com.novanta.game.GameCatalog;
import com.novanta.game.NumberSet;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Fairness;
import com.novanta.lottery.LotterySteps;
import com.novanta.winner.Winners;

import org.springframework.context.ApplicationContext;

/** Draw pipelines for benchmarks and tests of other packages. */
public final class TestPipelines {

	private TestPipelines() {
	}

	/** The pipeline without its results step: it stops at SETTLED. */
	public static DrawPipeline untilSettled(ApplicationContext context) {
		return new DrawPipeline(context.getBean(LotterySteps.class), context.getBean(BallotLedger.class),
				context.getBean(Winners.class), context.getBean(GameCatalog.class), context.getBean(AuditLog.class),
				context.getBean(DrawProperties.class), context.getBean(Clock.class), List.of());
	}

	/** Runs the results step (SETTLED → NOTIFIED) of a settled lottery. */
	public static void notify(ApplicationContext context, String lotteryId) {
		LotterySteps steps = context.getBean(LotterySteps.class);
		context.getBean(DrawResults.class).apply(steps.find(lotteryId).orElseThrow(), () -> {
		});
	}

	/**
	 * Ballots for a lottery of three slips (the first, then the second twice) such that
	 * the first wins three numbers and the other none or one: found by trying random
	 * ballots against the lottery's own seed, so that the real draw picks these numbers.
	 * @param randomSeed where the search starts (tests choose different ones)
	 */
	public static ThreeSlips threeSlipsOneWinningThree(String lotteryId, String seed, long randomSeed) {
		SplittableRandom random = new SplittableRandom(randomSeed);
		while (true) {
			int[] candidate = QuickPick.pick(6, 90, random);
			int[] other = QuickPick.pick(6, 90, random);
			Fairness.BallotDigest digest = new Fairness.BallotDigest(lotteryId);
			digest.add(1, 0, candidate);
			digest.add(2, 0, other);
			digest.add(3, 0, other);
			int[] drawn = Fairness.winningNumbers(Fairness.draw(seed, digest.finish(), 6, 90));
			if (NumberSet.of(candidate).matches(NumberSet.of(drawn)) == 3
					&& NumberSet.of(other).matches(NumberSet.of(drawn)) < 2) {
				return new ThreeSlips(candidate, other, drawn);
			}
		}
	}

	/**
	 * What {@link #threeSlipsOneWinningThree} found.
	 *
	 * @param winning the first slip's ballot, which wins three numbers
	 * @param losing the ballot of the other two, which wins nothing
	 * @param drawn the winning numbers the draw will pick
	 */
	public record ThreeSlips(int[] winning, int[] losing, int[] drawn) {
	}

}
