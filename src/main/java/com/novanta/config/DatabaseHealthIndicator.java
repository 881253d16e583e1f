package com.novanta.config;

import org.bson.Document;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * The database's health: a {@code ping} to the application's database, which the embedded
 * server and every MongoDB answer alike (Spring Boot's own check sends {@code hello} to
 * every database, which the embedded server does not know).
 */
@Component("mongoHealthIndicator")
class DatabaseHealthIndicator extends AbstractHealthIndicator {

	private final MongoOperations mongo;

	private final DatabaseDescription description;

	DatabaseHealthIndicator(MongoOperations mongo, DatabaseDescription description) {
		super("Database health check failed");
		this.mongo = mongo;
		this.description = description;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		boolean ok = answer.get("ok") instanceof Number number && number.doubleValue() == 1.0;
		(ok ? builder.up() : builder.down()).withDetail("database", this.description.summary());
	}

}
