package com.novanta.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.novanta.testing.InMemoryMongo;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dispatchers claiming due outbox messages at once ({@link OutboxClaims}): each message
 * is claimed by one of them, and a dispatcher whose candidates were all taken by another
 * claims the next ones rather than give up while mail is waiting.
 */
class OutboxClaimsTests {

	private static final int DISPATCHERS = 4;

	private final MutableClock clock = new MutableClock();

	private final MailProperties properties = new MailProperties("Novanta <noreply@novanta.local>", 10,
			Duration.ofMinutes(3), Duration.ofMinutes(2), 50, Duration.ofSeconds(2), DISPATCHERS, false);

	private InMemoryMongo database;

	private MongoTemplate mongo;

	@BeforeEach
	void startDatabase() {
		this.clock.freezeAt(Instant.parse("2026-12-02T10:00:00Z"));
		this.database = InMemoryMongo.start();
		this.mongo = this.database.template("outbox-test");
	}

	@AfterEach
	void stopDatabase() {
		this.database.close();
	}

	@RepeatedTest(5)
	void dispatchersStartedTogetherEachClaimABatchOfTheirOwn() throws Exception {
		pending(DISPATCHERS * 50);
		CyclicBarrier start = new CyclicBarrier(DISPATCHERS);
		ExecutorService threads = Executors.newFixedThreadPool(DISPATCHERS);
		try {
			List<Future<List<OutboxMessage>>> rounds = new ArrayList<>();
			for (int i = 0; i < DISPATCHERS; i++) {
				OutboxClaims claims = new OutboxClaims(this.mongo, this.properties, this.clock);
				rounds.add(threads.submit(() -> {
					start.await(10, TimeUnit.SECONDS);
					return claims.claimDue();
				}));
			}
			Set<String> claimed = new HashSet<>();
			for (Future<List<OutboxMessage>> round : rounds) {
				List<OutboxMessage> mine = round.get(30, TimeUnit.SECONDS);
				assertThat(mine).as("a dispatcher gave up while mail was waiting").isNotEmpty();
				for (OutboxMessage message : mine) {
					assertThat(claimed.add(message.id())).as("claimed twice: " + message.id()).isTrue();
				}
			}
			assertThat(claimed).hasSize(DISPATCHERS * 50);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void nothingDueIsClaimedAtOnce() {
		assertThat(new OutboxClaims(this.mongo, this.properties, this.clock).claimDue()).isEmpty();
	}

	@Test
	void aBatchAtATimeUntilNoneIsDue() {
		pending(120);
		OutboxClaims claims = new OutboxClaims(this.mongo, this.properties, this.clock);
		List<OutboxMessage> first = claims.claimDue();
		assertThat(first).hasSize(50);
		assertThat(first).allSatisfy((message) -> assertThat(message.status()).isEqualTo(OutboxStatus.SENDING));
		assertThat(claims.claimDue()).hasSize(50).noneMatch(first::contains);
		assertThat(claims.claimDue()).hasSize(20);
		assertThat(claims.claimDue()).isEmpty();
	}

	private void pending(int count) {
		List<OutboxMessage> messages = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			messages.add(OutboxMessage.create("m%04d".formatted(i), "p" + i + "@example.com", "draw/result", "en",
					"Europe/Rome", Map.of(), Map.of(), "draw-no-win", this.clock.instant()));
		}
		this.mongo.insertAll(messages);
	}

}
