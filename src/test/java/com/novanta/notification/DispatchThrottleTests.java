package com.novanta.notification;

import java.util.List;

import com.novanta.testing.AllAtOnce;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DispatchThrottleTests {

	@Test
	void letsInAsManyWorkersAsConfiguredAndNoMore() {
		DispatchThrottle throttle = new DispatchThrottle(2);
		assertThat(throttle.isIdle()).isTrue();
		assertThat(throttle.tryEnter()).isTrue();
		assertThat(throttle.hasRoom()).isTrue();
		assertThat(throttle.tryEnter()).isTrue();
		assertThat(throttle.hasRoom()).isFalse();
		assertThat(throttle.tryEnter()).as("a third worker").isFalse();
		assertThat(throttle.isIdle()).isFalse();
	}

	@Test
	void aWorkerTurnedAwayTakesNoPlaceAndOneLeavingMakesRoom() {
		DispatchThrottle throttle = new DispatchThrottle(1);
		throttle.tryEnter();
		throttle.tryEnter();
		throttle.leave();
		assertThat(throttle.isIdle()).as("the one let in left; the one turned away never counted").isTrue();
		assertThat(throttle.tryEnter()).isTrue();
	}

	@Test
	void workersArrivingAtOnceAreLetInUpToTheLimit() throws Exception {
		DispatchThrottle throttle = new DispatchThrottle(3);
		List<Boolean> entered = AllAtOnce.run(8, (i) -> throttle::tryEnter);
		assertThat(entered).filteredOn(Boolean::booleanValue).hasSize(3);
	}

}
