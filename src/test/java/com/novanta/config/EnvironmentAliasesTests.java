package com.novanta.config;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class EnvironmentAliasesTests {

	@Test
	void mapsSetVariablesOntoSpringProperties() {
		StandardEnvironment environment = environment(Map.of("MONGODB_URI", "mongodb://db.example:27017/novanta",
				"SMTP_HOST", "smtp.example", "GOOGLE_CLIENT_ID", "google-id", "LOTTERY_SEED_KEY",
				"AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));
		new EnvironmentAliases().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://db.example:27017/novanta");
		assertThat(environment.getProperty("spring.mail.host")).isEqualTo("smtp.example");
		assertThat(environment.getProperty("spring.security.oauth2.client.registration.google.client-id"))
			.isEqualTo("google-id");
		assertThat(environment.getProperty("lottery.fairness.seed-key"))
			.isEqualTo("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
	}

	@Test
	void leavesUnsetAndBlankVariablesUnmapped() {
		StandardEnvironment environment = environment(Map.of("SMTP_HOST", "  "));
		new EnvironmentAliases().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.containsProperty("spring.mail.host")).isFalse();
		assertThat(environment.containsProperty("spring.mongodb.uri")).isFalse();
	}

	@Test
	void neverOverridesAnExplicitSpringProperty() {
		StandardEnvironment environment = environment(
				Map.of("MONGODB_URI", "mongodb://alias/db", "spring.mongodb.uri", "mongodb://explicit/db"));
		new EnvironmentAliases().postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.mongodb.uri")).isEqualTo("mongodb://explicit/db");
	}

	private static StandardEnvironment environment(Map<String, Object> values) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("test", values));
		return environment;
	}

}
