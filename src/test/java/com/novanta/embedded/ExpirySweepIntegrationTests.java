package com.novanta.embedded;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.novanta.account.internal.RateLimiter;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mongodb.spring.session.MongoIndexedSessionRepository;
import org.mongodb.spring.session.MongoSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On the embedded database, what a TTL index would remove is removed: the server keeps
 * TTL indexes but never acts on them.
 */
@IntegrationTest
class ExpirySweepIntegrationTests {

	@Autowired
	ExpirySweep sweep;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	RateLimiter limits;

	@Autowired
	MutableClock clock;

	@AfterEach
	void clear() {
		for (String collection : List.of("account_tokens", "remember_me", "sign_in_throttle")) {
			this.mongo.remove(Query.query(Criteria.where("_id").regex("^sweep ")), collection);
		}
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^sweep-test:")), "rate_limits");
	}

	@Test
	void expiredTokensCountersAndRememberedBrowsersGoAndTheRestStays() {
		Instant now = this.clock.instant();
		// account tokens are kept a week after they expire
		insert("account_tokens", "sweep expired 8 days ago", "expiresAt", now.minus(Duration.ofDays(8)));
		insert("account_tokens", "sweep expired 6 days ago", "expiresAt", now.minus(Duration.ofDays(6)));
		insert("remember_me", "sweep expired", "expiresAt", now.minusSeconds(1));
		insert("remember_me", "sweep valid", "expiresAt", now.plusSeconds(60));
		// sign-in counters count nothing a day after their window began
		insert("sign_in_throttle", "sweep old window", "windowStart", now.minus(Duration.ofHours(25)));
		insert("sign_in_throttle", "sweep this window", "windowStart", now.minus(Duration.ofMinutes(5)));
		assertThat(this.limits.tryAcquire("sweep-test", "someone", 10, Duration.ofMinutes(1))).isTrue();

		this.sweep.sweep();
		assertThat(ids("account_tokens")).containsExactly("sweep expired 6 days ago");
		assertThat(ids("remember_me")).containsExactly("sweep valid");
		assertThat(ids("sign_in_throttle")).containsExactly("sweep this window");
		assertThat(ids("rate_limits")).as("a window that has not ended").hasSize(1);

		this.clock.advance(Duration.ofMinutes(1));
		this.sweep.sweep();
		assertThat(ids("rate_limits")).as("once its window ended").isEmpty();
		assertThat(ids("remember_me")).containsExactly("sweep valid");
	}

	@Test
	void anExpiredSessionGoesOnceItsInactivityTimeoutIsOver() {
		MongoIndexedSessionRepository sessions = new MongoIndexedSessionRepository(this.mongo);
		sessions.afterPropertiesSet();
		MongoSession session = sessions.createSession();
		session.setMaxInactiveInterval(Duration.ofMinutes(30));
		session.setLastAccessedTime(this.clock.instant());
		sessions.save(session);

		this.clock.advance(Duration.ofMinutes(30).minusSeconds(1));
		this.sweep.sweep();
		assertThat(ids("sessions")).contains(session.getId());

		this.clock.advance(Duration.ofSeconds(2));
		this.sweep.sweep();
		assertThat(ids("sessions")).doesNotContain(session.getId());
	}

	private void insert(String collection, String id, String field, Instant at) {
		this.mongo.insert(new Document("_id", id).append(field, Date.from(at)), collection);
	}

	/** The ids of this test's documents (other tests leave theirs). */
	private List<String> ids(String collection) {
		return this.mongo.findAll(Document.class, collection)
			.stream()
			.map((doc) -> doc.get("_id").toString())
			.filter((id) -> id.startsWith("sweep") || collection.equals("sessions"))
			.toList();
	}

}
