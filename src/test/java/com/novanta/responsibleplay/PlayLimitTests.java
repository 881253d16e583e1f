package com.novanta.responsibleplay;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which limit applies at an instant, and how asking for another one changes it. */
class PlayLimitTests {

	static final Instant NOW = Instant.parse("2031-03-10T09:00:00Z");

	static final Duration DAY = Duration.ofHours(24);

	@Test
	void noLimitUntilOneIsSet() {
		assertThat(PlayLimit.NONE.at(NOW)).isNull();
		assertThat(PlayLimit.NONE.hasPendingAt(NOW)).isFalse();
	}

	@Test
	void aFirstLimitAppliesAtOnce() {
		PlayLimit limit = PlayLimit.NONE.change(20, NOW, DAY);

		assertThat(limit.at(NOW)).isEqualTo(20);
		assertThat(limit.hasPendingAt(NOW)).isFalse();
	}

	@Test
	void aLowerLimitAppliesAtOnce() {
		PlayLimit limit = new PlayLimit(20, null, null).change(5, NOW, DAY);

		assertThat(limit).isEqualTo(new PlayLimit(5, null, null));
		assertThat(limit.at(NOW)).isEqualTo(5);
	}

	@Test
	void aHigherLimitAppliesOnlyAfterTwentyFourHours() {
		PlayLimit limit = new PlayLimit(5, null, null).change(50, NOW, DAY);

		assertThat(limit).isEqualTo(new PlayLimit(5, 50, NOW.plus(DAY)));
		assertThat(limit.at(NOW)).isEqualTo(5);
		assertThat(limit.at(NOW.plus(DAY).minusMillis(1))).isEqualTo(5);
		assertThat(limit.hasPendingAt(NOW.plus(DAY).minusMillis(1))).isTrue();
		assertThat(limit.at(NOW.plus(DAY))).isEqualTo(50);
		assertThat(limit.hasPendingAt(NOW.plus(DAY))).isFalse();
	}

	@Test
	void removingALimitCountsAsRaisingIt() {
		PlayLimit limit = new PlayLimit(5, null, null).change(null, NOW, DAY);

		assertThat(limit).isEqualTo(new PlayLimit(5, null, NOW.plus(DAY)));
		assertThat(limit.at(NOW.plus(Duration.ofHours(23)))).isEqualTo(5);
		assertThat(limit.at(NOW.plus(DAY))).isNull();
	}

	@Test
	void loweringCancelsARaiseThatWaits() {
		PlayLimit raised = new PlayLimit(5, null, null).change(50, NOW, DAY);

		PlayLimit lowered = raised.change(3, NOW.plus(Duration.ofHours(2)), DAY);

		assertThat(lowered).isEqualTo(new PlayLimit(3, null, null));
		assertThat(lowered.at(NOW.plus(DAY))).isEqualTo(3);
	}

	@Test
	void askingForTheLimitInForceCancelsARaiseThatWaits() {
		PlayLimit raised = new PlayLimit(5, null, null).change(null, NOW, DAY);

		assertThat(raised.change(5, NOW.plus(Duration.ofHours(1)), DAY)).isEqualTo(new PlayLimit(5, null, null));
	}

	@Test
	void anotherRaiseWaitsTwentyFourHoursFromWhenItIsAsked() {
		PlayLimit raised = new PlayLimit(5, null, null).change(10, NOW, DAY);
		Instant later = NOW.plus(Duration.ofHours(20));

		PlayLimit again = raised.change(8, later, DAY);

		assertThat(again).isEqualTo(new PlayLimit(5, 8, later.plus(DAY)));
		assertThat(again.at(NOW.plus(DAY))).isEqualTo(5);
	}

	@Test
	void aRaiseThatCameDueIsTheLimitLaterChangesStartFrom() {
		PlayLimit raised = new PlayLimit(5, null, null).change(50, NOW, DAY);
		Instant later = NOW.plus(Duration.ofHours(30));

		assertThat(raised.settledAt(later)).isEqualTo(new PlayLimit(50, null, null));
		assertThat(raised.change(40, later, DAY)).isEqualTo(new PlayLimit(40, null, null));
		assertThat(raised.change(60, later, DAY)).isEqualTo(new PlayLimit(50, 60, later.plus(DAY)));
	}

	@Test
	void aLimitIsAtLeastOneBallot() {
		assertThatIllegalArgumentException().isThrownBy(() -> PlayLimit.NONE.change(0, NOW, DAY));
	}

}
