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

	private final DatabaseIndexes indexes;

	DatabaseHealthIndicator(MongoOperations mongo, DatabaseDescription description, DatabaseIndexes indexes) {
		super("Database health check failed");
		this.mongo = mongo;
		this.description = description;
		this.indexes = indexes;
	}

	/**
	 * Up when the database answers and has every index (the unique ones keep data right):
	 * an instance that started without its database creates them on its first healthy
	 * check, and a load balancer sends it no traffic until then.
	 */
	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Document answer = this.mongo.executeCommand(new Document("ping", 1));
		boolean ok = answer.get("ok") instanceof Number number && number.doubleValue() == 1.0;
		if (ok && !this.indexes.complete()) {
			this.indexes.retry();
			ok = this.indexes.complete();
		}
		(ok ? builder.up() : builder.down()).withDetail("database", this.description.summary());
	}

}
