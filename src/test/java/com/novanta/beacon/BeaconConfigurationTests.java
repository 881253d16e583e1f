package com.novanta.beacon;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import com.novanta.testing.ProcessTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One beacon: drand quicknet as configured in application.yml, except in dev mode, where
 * the dev beacon stands in; never the dev beacon outside dev mode.
 */
@ProcessTest
class BeaconConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withInitializer(new ConfigDataApplicationContextInitializer())
		.withBean(Clock.class, () -> Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC))
		.withBean(RandomGenerator.class, () -> new SplittableRandom(16))
		.withUserConfiguration(BeaconConfiguration.class);

	@Test
	void outsideDevModeTheBeaconIsDrandQuicknetAndNoDevBeaconExists() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(RandomnessBeacon.class)
				.hasSingleBean(DrandBeacon.class)
				.doesNotHaveBean(DevBeacon.class);
			BeaconProperties properties = context.getBean(BeaconProperties.class);
			assertThat(properties.chainHash()).isEqualTo(DrandChainTests.QUICKNET_HASH);
			assertThat(properties.publicKey()).isEqualTo(DrandChainTests.QUICKNET_PUBLIC_KEY);
			assertThat(properties.genesis()).isEqualTo(DrandChainTests.QUICKNET_GENESIS);
			assertThat(properties.urls()).isNotEmpty()
				.allSatisfy((url) -> assertThat(url.getScheme()).isEqualTo("https"))
				.contains(URI.create("https://api.drand.sh"));
			RandomnessBeacon beacon = context.getBean(RandomnessBeacon.class);
			assertThat(beacon.publishedAt(14517013)).isEqualTo(Instant.parse("2025-01-08T16:40:03Z"));
		});
	}

	@Test
	void inDevModeTheDevBeaconStandsIn() {
		this.runner.withPropertyValues("lottery.dev.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(RandomnessBeacon.class)
				.hasSingleBean(DevBeacon.class)
				.doesNotHaveBean(DrandBeacon.class);
			assertThat(context.getBean(RandomnessBeacon.class).fetch(1).dev()).isTrue();
		});
	}

	@Test
	void relaysAndTimeoutsComeFromTheEnvironment() {
		this.runner
			.withPropertyValues("BEACON_URLS=https://relay.example/drand,https://other.example", "BEACON_TIMEOUT=2s")
			.run((context) -> {
				BeaconProperties properties = context.getBean(BeaconProperties.class);
				assertThat(properties.urls()).containsExactly(URI.create("https://relay.example/drand"),
						URI.create("https://other.example"));
				assertThat(properties.timeout()).hasSeconds(2);
			});
	}

}
