package com.novanta.embedded;

import java.nio.file.Path;
import java.time.Clock;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

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
	EmbeddedMongoServer embeddedMongoServer(DatabaseProperties properties) {
		EmbeddedMongoServer server = switch (properties.embeddedBackend()) {
			case H2 -> EmbeddedMongoServer.startFileBacked(Path.of(properties.dataDir()), properties.durableWrites(),
					properties.compactionFillRate());
			case MEMORY -> EmbeddedMongoServer.startInMemory();
		};
		log.info("Database: {} listening on {}", server.description(), server.connectionString());
		return server;
	}

	/** Backups, when the embedded database keeps a file (not in memory). */
	@Bean(destroyMethod = "close")
	@ConditionalOnProperty(name = "lottery.database.embedded-backend", havingValue = "h2", matchIfMissing = true)
	DatabaseBackups databaseBackups(EmbeddedMongoServer server, Clock clock) {
		return new DatabaseBackups(server, clock);
	}

	@Bean
	MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server) {
		ConnectionString connectionString = new ConnectionString(server.connectionString());
		return () -> connectionString;
	}

}
