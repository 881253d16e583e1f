package com.novanta.beacon;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The dev beacon: rounds that verify like quicknet's, on its schedule, and say DEV. */
class DevBeaconTests {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final DevBeacon beacon = new DevBeacon(new SplittableRandom(16), DrandChainTests.QUICKNET_GENESIS,
			Duration.ofSeconds(3), Clock.fixed(NOW, ZoneOffset.UTC));

	@Test
	void roundsVerifyUnderItsOwnKeyAndSayDev() {
		long round = this.beacon.roundAt(NOW.minusSeconds(60));
		BeaconRound fetched = this.beacon.fetch(round);
		assertThat(fetched.dev()).isTrue();
		assertThat(fetched.chainHash()).startsWith("DEV");
		assertThat(fetched.scheme()).startsWith("DEV");
		assertThat(fetched.source().toString()).startsWith("dev:");
		assertThat(fetched.valueBytes()).hasSize(32);
		// anyone holding the round can check it the way a drand round is checked
		DrandChain chain = new DrandChain(fetched.chainHash(), fetched.publicKey(), DrandChainTests.QUICKNET_GENESIS,
				Duration.ofSeconds(3));
		assertThat(HexFormat.of()
			.formatHex(chain.verify(round, HexFormat.of().parseHex(fetched.signature()), fetched.valueBytes())))
			.isEqualTo(fetched.value());
	}

	@Test
	void aRoundIsTheSameEachTimeAndRoundsDiffer() {
		long round = this.beacon.roundAt(NOW.minusSeconds(60));
		assertThat(this.beacon.fetch(round)).isEqualTo(this.beacon.fetch(round));
		assertThat(this.beacon.fetch(round).value()).isNotEqualTo(this.beacon.fetch(round + 1).value());
	}

	@Test
	void aRoundNotYetPublishedIsUnavailable() {
		long next = this.beacon.roundAt(NOW.plusMillis(1));
		assertThat(this.beacon.publishedAt(next)).isAfter(NOW);
		assertThatExceptionOfType(BeaconUnavailable.class).isThrownBy(() -> this.beacon.fetch(next))
			.withMessageContaining("DEV beacon");
		assertThat(this.beacon.fetch(next - 1).round()).isEqualTo(next - 1);
	}

}
