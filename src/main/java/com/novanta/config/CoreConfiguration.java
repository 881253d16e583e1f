package com.novanta.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.random.RandomGenerator;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Time and randomness are beans, so that tests can fix them. */
@Configuration(proxyBeanMethods = false)
class CoreConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * Used for quick picks; the draw itself uses its own documented function (see the
	 * README).
	 */
	@Bean
	RandomGenerator randomGenerator() {
		return new SecureRandom();
	}

}
