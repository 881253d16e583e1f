package com.novanta.config;

import java.nio.file.Path;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded MongoDB-compatible server when no {@code MONGODB_URI} (nor
 * {@code spring.mongodb.uri} or {@code spring.mongodb.host}) is configured, and hands its
 * address to Spring Boot's MongoDB auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMongoCondition.class)
class EmbeddedMongoConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoConfiguration.class);

	@Bean(destroyMethod = "stop")
	EmbeddedMongoServer embeddedMongoServer(DatabaseProperties properties, Environment environment) {
		EmbeddedMongoServer server = switch (properties.embeddedBackend()) {
			case H2 -> EmbeddedMongoServer.startFileBacked(Path.of(properties.dataDir()));
			case MEMORY -> EmbeddedMongoServer.startInMemory();
		};
		log.info("Database: {} listening on {}", server.description(), server.connectionString());
		if (!DevMode.isOn(environment)) {
			warnOutsideDevMode(server, properties);
		}
		return server;
	}

	/**
	 * Allowed, but an operator must know: everything then lives in one file of this
	 * machine (or in memory), and a platform that runs a Procfile usually gives a disk
	 * that does not survive a deploy.
	 */
	private static void warnOutsideDevMode(EmbeddedMongoServer server, DatabaseProperties properties) {
		switch (properties.embeddedBackend()) {
			case H2 -> log.warn("The embedded database keeps everything in {}, outside dev mode: that disk must "
					+ "persist across restarts and deploys (a Procfile platform's disk usually does not) and be "
					+ "backed up, and only this one instance can use it. Set MONGODB_URI for a real MongoDB.",
					server.file());
			case MEMORY -> log.warn("The embedded database keeps everything in memory, outside dev mode: "
					+ "everything is lost when the application stops. Set MONGODB_URI for a real MongoDB.");
		}
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
		ConnectionString connectionString = new ConnectionString(server.connectionString());
		return () -> connectionString;
	}

}
