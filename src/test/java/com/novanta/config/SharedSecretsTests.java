package com.novanta.config;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.novanta.testing.InMemoryMongo;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Secrets shared by every instance through the database ({@link SharedSecrets}): made
 * once, the same for every instance, and read again by each at most every
 * {@link SharedSecrets#REREAD}, so that thousands of signatures in a row do not ask the
 * database each time, and a secret removed to make a new one reaches every instance.
 */
class SharedSecretsTests {

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger commands = new AtomicInteger();

	private InMemoryMongo database;

	private MongoTemplate mongo;

	@BeforeEach
	void startDatabase() {
		this.clock.freezeAt(Instant.parse("2026-12-02T10:00:00Z"));
		this.database = InMemoryMongo.start((settings) -> settings.addCommandListener(new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (event.getCommandName().equals("findAndModify")) {
					SharedSecretsTests.this.commands.incrementAndGet();
				}
			}
		}));
		this.mongo = this.database.template("secrets-test");
	}

	@AfterEach
	void stopDatabase() {
		this.database.close();
	}

	@Test
	void everyInstanceGetsTheSecretTheFirstMade() {
		SharedSecrets one = new SharedSecrets(this.mongo, this.clock);
		SharedSecrets other = new SharedSecrets(this.mongo, this.clock);

		String secret = one.get("unsubscribe");

		assertThat(secret).hasSize(43);
		assertThat(other.get("unsubscribe")).isEqualTo(secret);
		assertThat(one.get("known-devices")).isNotEqualTo(secret);
	}

	@Test
	void aSecretIsReadOnceAMinuteNotForEverySignature() {
		SharedSecrets secrets = new SharedSecrets(this.mongo, this.clock);
		String secret = secrets.get("unsubscribe");
		for (int i = 0; i < 1000; i++) {
			assertThat(secrets.get("unsubscribe")).isEqualTo(secret);
		}
		assertThat(this.commands).hasValue(1);

		this.clock.advance(SharedSecrets.REREAD);
		assertThat(secrets.get("unsubscribe")).isEqualTo(secret);
		assertThat(this.commands).hasValue(2);
	}

	@Test
	void aSecretRemovedToMakeANewOneReachesEveryInstanceWithinAMinute() {
		SharedSecrets one = new SharedSecrets(this.mongo, this.clock);
		SharedSecrets other = new SharedSecrets(this.mongo, this.clock);
		String old = one.get("unsubscribe");
		other.get("unsubscribe");
		this.mongo.remove(Query.query(Criteria.where("_id").is("unsubscribe")), "secrets");

		this.clock.advance(Duration.ofSeconds(30));
		String renewed = new SharedSecrets(this.mongo, this.clock).get("unsubscribe");
		assertThat(renewed).isNotEqualTo(old);
		assertThat(one.get("unsubscribe")).as("within the minute").isEqualTo(old);

		this.clock.advance(Duration.ofSeconds(30));
		assertThat(one.get("unsubscribe")).isEqualTo(renewed);
		assertThat(other.get("unsubscribe")).isEqualTo(renewed);
	}

	@Test
	void aClockMovedBackReadsAgain() {
		SharedSecrets secrets = new SharedSecrets(this.mongo, this.clock);
		secrets.get("unsubscribe");
		this.clock.advance(Duration.ofSeconds(-5));
		secrets.get("unsubscribe");
		assertThat(this.commands).hasValue(2);
	}

}
