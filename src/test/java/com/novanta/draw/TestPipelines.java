package com.novanta.draw;

import java.time.Clock;
import java.util.List;

import com.novanta.audit.AuditLog;
import com.novanta.ballot.BallotLedger;
import com.novanta.game.GameCatalog;
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

}
