package com.novanta.config;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.util.StringUtils;

/**
 * Maps the short environment variables an operator sets (documented in the README) onto
 * Spring properties. Only variables that are set and non-blank are mapped, so that an
 * unset {@code MONGODB_URI} or {@code SMTP_HOST} really means "use the embedded default".
 */
class EnvironmentAliases implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "novantaEnvironmentAliases";

	private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("MONGODB_URI", "spring.mongodb.uri"),
			Map.entry("SMTP_HOST", "spring.mail.host"), Map.entry("SMTP_PORT", "spring.mail.port"),
			Map.entry("SMTP_USERNAME", "spring.mail.username"), Map.entry("SMTP_PASSWORD", "spring.mail.password"),
			Map.entry("SMTP_AUTH", "spring.mail.properties.mail.smtp.auth"),
			Map.entry("SMTP_STARTTLS", "spring.mail.properties.mail.smtp.starttls.enable"),
			Map.entry("GOOGLE_CLIENT_ID", "spring.security.oauth2.client.registration.google.client-id"),
			Map.entry("GOOGLE_CLIENT_SECRET", "spring.security.oauth2.client.registration.google.client-secret"),
			Map.entry("FACEBOOK_CLIENT_ID", "spring.security.oauth2.client.registration.facebook.client-id"),
			Map.entry("FACEBOOK_CLIENT_SECRET", "spring.security.oauth2.client.registration.facebook.client-secret"),
			Map.entry("LOTTERY_SEED_KEY", DeploymentCheck.SEED_KEY),
			Map.entry("LOTTERY_RECEIPT_KEY", DeploymentCheck.RECEIPT_KEY));

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> mapped = new LinkedHashMap<>();
		ALIASES.forEach((variable, property) -> {
			String value = environment.getProperty(variable);
			if (StringUtils.hasText(value) && !environment.containsProperty(property)) {
				mapped.put(property, value.trim());
			}
		});
		if (mapped.isEmpty()) {
			return;
		}
		MapPropertySource source = new MapPropertySource(SOURCE_NAME, mapped);
		if (environment.getPropertySources().contains(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME)) {
			environment.getPropertySources()
				.addAfter(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source);
		}
		else {
			environment.getPropertySources().addLast(source);
		}
	}

}
