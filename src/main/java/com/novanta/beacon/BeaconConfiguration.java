package com.novanta.beacon;

import java.time.Clock;
import java.util.random.RandomGenerator;

import com.novanta.config.DevMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * One {@link RandomnessBeacon}: drand quicknet, pinned by configuration, everywhere but
 * in dev mode, where the {@link DevBeacon} stands in so that a laptop with no network
 * still draws. Dev mode never runs on a real deployment (config's DeploymentCheck), so
 * neither does the dev beacon.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BeaconProperties.class)
class BeaconConfiguration {

	private static final Logger log = LoggerFactory.getLogger(BeaconConfiguration.class);

	@Bean
	BeaconTerms beaconTerms(BeaconProperties properties) {
		return properties.terms();
	}

	@Bean
	@Conditional(OutsideDevMode.class)
	DrandBeacon drandBeacon(BeaconProperties properties, Clock clock) {
		DrandChain chain = new DrandChain(properties.chainHash(), properties.publicKey(), properties.genesis(),
				properties.period());
		log.info("Beacon: drand chain {} ({}), every {} from {}, read from {}", chain.hash(), DrandChain.SCHEME,
				chain.period(), chain.genesis(), properties.urls());
		return new DrandBeacon(chain, properties.urls(), properties.connectTimeout(), properties.timeout(), clock);
	}

	@Bean
	@Conditional(InDevMode.class)
	DevBeacon devBeacon(BeaconProperties properties, RandomGenerator random, Clock clock) {
		return new DevBeacon(random, properties.genesis(), properties.period(), clock);
	}

	static class InDevMode extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return DevMode.isOn(context.getEnvironment())
					? ConditionOutcome.match(DevMode.PROPERTY + " is on: the DEV beacon, a key of this machine")
					: ConditionOutcome.noMatch(DevMode.PROPERTY + " is off: no DEV beacon");
		}

	}

	static class OutsideDevMode extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return DevMode.isOn(context.getEnvironment())
					? ConditionOutcome.noMatch(DevMode.PROPERTY + " is on: the DEV beacon instead of drand")
					: ConditionOutcome.match(DevMode.PROPERTY + " is off: the drand beacon");
		}

	}

}
