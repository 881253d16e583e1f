package com.novanta.draw;

import java.time.Instant;

import com.novanta.lottery.BeaconDraw;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** How often the draw asks a beacon that is down: a pause growing to a minute. */
class BeaconStepTests {

	private static final Instant LAST = Instant.parse("2026-12-02T00:00:10Z");

	@Test
	void noPauseBeforeAFailure() {
		assertThat(BeaconStep.isPausing(null, LAST)).isFalse();
	}

	@Test
	void thePauseGrowsByTwoSecondsAFailureUpToAMinute() {
		assertThat(BeaconStep.isPausing(waiting(1), LAST.plusMillis(1999))).isTrue();
		assertThat(BeaconStep.isPausing(waiting(1), LAST.plusSeconds(2))).isFalse();
		assertThat(BeaconStep.isPausing(waiting(10), LAST.plusSeconds(19))).isTrue();
		assertThat(BeaconStep.isPausing(waiting(10), LAST.plusSeconds(20))).isFalse();
		assertThat(BeaconStep.isPausing(waiting(1000), LAST.plusSeconds(59))).isTrue();
		assertThat(BeaconStep.isPausing(waiting(1000), LAST.plusSeconds(60))).isFalse();
	}

	private static BeaconDraw.Waiting waiting(long attempts) {
		return new BeaconDraw.Waiting(LAST.minusSeconds(3600), LAST, attempts, "HTTP 503", false);
	}

}
