package com.novanta.config;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class MongoClientConfiguration {

	/**
	 * When the database cannot be reached, a request fails after a few seconds with a
	 * clear page, instead of hanging for the driver's default 30 seconds.
	 */
	@Bean
	MongoClientSettingsBuilderCustomizer databaseTimeouts(Environment environment) {
		Duration selection = environment.getProperty("lottery.database.server-selection-timeout", Duration.class,
				Duration.ofSeconds(5));
		Duration connect = environment.getProperty("lottery.database.connect-timeout", Duration.class,
				Duration.ofSeconds(5));
		return (settings) -> settings
			.applyToClusterSettings(
					(cluster) -> cluster.serverSelectionTimeout(selection.toMillis(), TimeUnit.MILLISECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout((int) connect.toMillis(), TimeUnit.MILLISECONDS));
	}

}
