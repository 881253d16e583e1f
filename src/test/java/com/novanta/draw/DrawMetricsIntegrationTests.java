package com.novanta.draw;

import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw's steps are timed under the names the README's metrics table gives
 * ({@code novanta_draw_step_seconds{step}}): dashboards and alerts depend on them.
 */
@IntegrationTest
class DrawMetricsIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	MeterRegistry meters;

	@Test
	void eachStepOfADrawIsTimedByItsName() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		long[] before = counts();

		assertThat(TestPipelines.drawAtClose(this.context, lottery)).isEqualTo(LotteryStatus.NOTIFIED);

		long[] after = counts();
		for (int i = 0; i < STEPS.length; i++) {
			assertThat(after[i] - before[i]).as("runs of step %s", STEPS[i]).isEqualTo(1);
		}
	}

	private static final String[] STEPS = { "close", "digest", "draw", "settle", "notify" };

	private long[] counts() {
		long[] counts = new long[STEPS.length];
		for (int i = 0; i < STEPS.length; i++) {
			Timer timer = this.meters.find("novanta.draw.step").tag("step", STEPS[i]).timer();
			counts[i] = (timer != null) ? timer.count() : 0;
		}
		return counts;
	}

}
