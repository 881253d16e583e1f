package com.novanta.draw;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import com.novanta.audit.AuditLog;
import com.novanta.ballot.BallotLedger;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.testing.MutableClock;
import com.novanta.winner.Winners;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ApplicationContext;

/** Draw pipelines for benchmarks and tests of other packages. */
public final class TestPipelines {

	private TestPipelines() {
	}

	/** The pipeline without its results step: it stops at SETTLED. */
	public static DrawPipeline untilSettled(ApplicationContext context) {
		return new DrawPipeline(context.getBean(LotterySteps.class), context.getBean(BallotLedger.class),
				context.getBean(Winners.class), context.getBean(GameCatalog.class), context.getBean(AuditLog.class),
				context.getBean(DrawProperties.class), context.getBean(Clock.class), List.of(),
				context.getBean(BeaconStep.class), context.getBean(MeterRegistry.class));
	}

	/**
	 * Runs every step of a lottery's draw as at its close instant, then puts the
	 * application's clock back where it was: the test goes on at its own instant, and
	 * only this lottery was drawn.
	 * @return the status the draw reached ({@code NOTIFIED} once every step ran)
	 */
	public static LotteryStatus drawAtClose(ApplicationContext context, Lottery lottery) {
		MutableClock clock = context.getBean(MutableClock.class);
		Instant now = clock.instant();
		clock.freezeAt(lottery.closesAt());
		try {
			return context.getBean(DrawPipeline.class).advance(lottery.id());
		}
		finally {
			clock.freezeAt(now);
		}
	}

	/** Runs the results step (SETTLED → NOTIFIED) of a settled lottery. */
	public static void notify(ApplicationContext context, String lotteryId) {
		LotterySteps steps = context.getBean(LotterySteps.class);
		context.getBean(DrawResults.class).apply(steps.find(lotteryId).orElseThrow(), () -> {
		});
	}

}
