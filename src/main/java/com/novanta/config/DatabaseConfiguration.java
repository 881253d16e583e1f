package com.novanta.config;

import com.mongodb.ConnectionString;
import com.novanta.embedded.EmbeddedMongoServer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	/**
	 * Which database is in use, for the start-up log; credentials are never printed. The
	 * embedded one outside dev mode is said loudly.
	 */
	@Bean
	DatabaseDescription databaseDescription(ObjectProvider<EmbeddedMongoServer> embedded, Environment environment) {
		EmbeddedMongoServer server = embedded.getIfAvailable();
		if (server != null) {
			if (!DevMode.isOn(environment)) {
				server.warnOutsideDevMode();
			}
			return new DatabaseDescription(true, server.description());
		}
		String uri = environment.getProperty("spring.mongodb.uri");
		if (uri != null) {
			ConnectionString connectionString = new ConnectionString(uri);
			return new DatabaseDescription(false,
					"external MongoDB at " + String.join(",", connectionString.getHosts()));
		}
		return new DatabaseDescription(false,
				"external MongoDB at " + environment.getProperty("spring.mongodb.host", "localhost"));
	}

}
