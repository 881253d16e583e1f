package com.novanta.beacon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Which round a lottery is drawn with, and when an operator may draw without it. */
class BeaconTermsTests {

	private static final Instant MIDNIGHT = Instant.parse("2026-12-01T23:00:00Z");

	private final RandomnessBeacon quicknet = new DevBeacon(new SplittableRandom(1), DrandChainTests.QUICKNET_GENESIS,
			Duration.ofSeconds(3), Clock.fixed(MIDNIGHT, ZoneOffset.UTC));

	@Test
	void theRoundIsTheFirstPublishedAtLeastTheMarginAfterTheClose() {
		BeaconTerms terms = new BeaconTerms(Duration.ofMinutes(1), Duration.ofHours(2));
		long round = terms.roundFor(this.quicknet, MIDNIGHT);
		assertThat(this.quicknet.publishedAt(round)).isEqualTo(MIDNIGHT.plusSeconds(60));
		assertThat(this.quicknet.publishedAt(round - 1)).isBefore(MIDNIGHT.plusSeconds(60));
		// a close between two rounds: the next one after close + margin
		long between = terms.roundFor(this.quicknet, MIDNIGHT.plusMillis(1));
		assertThat(between).isEqualTo(round + 1);
		// no margin: the round published at the close itself (quicknet's rounds fall on
		// whole minutes)
		assertThat(this.quicknet
			.publishedAt(new BeaconTerms(Duration.ZERO, Duration.ZERO).roundFor(this.quicknet, MIDNIGHT)))
			.isEqualTo(MIDNIGHT);
	}

	@Test
	void anOperatorMayOverrideOnlyOnceTheRoundIsOverdueLongEnough() {
		BeaconTerms terms = new BeaconTerms(Duration.ofMinutes(1), Duration.ofHours(2));
		Instant due = MIDNIGHT.plusSeconds(60);
		assertThat(terms.mayOverride(due, due)).isFalse();
		assertThat(terms.mayOverride(due, due.plus(Duration.ofHours(2)).minusMillis(1))).isFalse();
		assertThat(terms.mayOverride(due, due.plus(Duration.ofHours(2)))).isTrue();
		assertThat(terms.mayOverride(due, due.plus(Duration.ofDays(1)))).isTrue();
	}

	@Test
	void negativeDurationsAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BeaconTerms(Duration.ofSeconds(-1), Duration.ZERO))
			.withMessageContaining("margin");
		assertThatIllegalArgumentException().isThrownBy(() -> new BeaconTerms(Duration.ZERO, Duration.ofSeconds(-1)))
			.withMessageContaining("override-after");
	}

}
