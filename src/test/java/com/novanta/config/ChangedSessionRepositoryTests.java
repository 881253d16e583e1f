package com.novanta.config;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.novanta.config.ChangedSessionRepository.TrackedSession;
import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session goes back to its store only when it changed, or when its last access moved a
 * minute or more beyond the one stored.
 */
class ChangedSessionRepositoryTests {

	private static final Instant SIGNED_IN = Instant.parse("2026-12-01T20:00:00Z");

	private final List<String> writes = new ArrayList<>();

	/**
	 * What the store holds, read without its expiry check (which reads the wall clock).
	 */
	private final Map<String, Session> stored = new ConcurrentHashMap<>();

	private final MapSessionRepository store = new MapSessionRepository(this.stored) {
		@Override
		public void save(MapSession session) {
			ChangedSessionRepositoryTests.this.writes.add(session.getId());
			super.save(session);
		}
	};

	private final ChangedSessionRepository<MapSession> sessions = new ChangedSessionRepository<>(this.store,
			Duration.ofMinutes(1));

	@Test
	void aNewSessionIsWritten() {
		TrackedSession<MapSession> session = this.sessions.createSession();
		this.sessions.save(session);

		assertThat(this.writes).containsExactly(session.getId());
		assertThat(this.stored.get(session.getId())).isNotNull();
	}

	@Test
	void aSessionReadAndUsedWithinTheMinuteIsNotWrittenAgain() {
		String id = stored();
		TrackedSession<MapSession> session = this.sessions.findById(id);
		session.setLastAccessedTime(SIGNED_IN.plusSeconds(59));
		session.getAttribute("user");
		session.removeAttribute("not there");
		session.setMaxInactiveInterval(session.getMaxInactiveInterval());
		this.sessions.save(session);

		assertThat(this.writes).isEmpty();
		assertThat(this.stored.get(id).getLastAccessedTime()).isEqualTo(SIGNED_IN);
	}

	@Test
	void aSessionUsedAMinuteAfterItsStoredAccessIsWrittenSoThatItDoesNotExpireEarly() {
		String id = stored();
		TrackedSession<MapSession> session = this.sessions.findById(id);
		session.setLastAccessedTime(SIGNED_IN.plusSeconds(60));
		this.sessions.save(session);

		assertThat(this.writes).containsExactly(id);
		assertThat(this.stored.get(id).getLastAccessedTime()).isEqualTo(SIGNED_IN.plusSeconds(60));
	}

	@Test
	void everyChangeIsWrittenOnce() {
		String id = stored();
		TrackedSession<MapSession> session = this.sessions.findById(id);
		session.setAttribute("csrf", "token");
		this.sessions.save(session);
		this.sessions.save(session);
		assertThat(this.writes).containsExactly(id);
		assertThat((String) this.stored.get(id).getAttribute("csrf")).isEqualTo("token");

		session = this.sessions.findById(id);
		session.removeAttribute("csrf");
		this.sessions.save(session);
		assertThat(this.writes).hasSize(2);
		assertThat((String) this.stored.get(id).getAttribute("csrf")).isNull();

		session = this.sessions.findById(id);
		String renewed = session.changeSessionId();
		this.sessions.save(session);
		assertThat(this.writes).hasSize(3).last().isEqualTo(renewed);
		assertThat(this.stored.get(renewed)).isNotNull();

		session = this.sessions.findById(renewed);
		session.setMaxInactiveInterval(Duration.ofMinutes(5));
		this.sessions.save(session);
		assertThat(this.writes).hasSize(4);
		assertThat(this.stored.get(renewed).getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
	}

	@Test
	void aDeletedSessionIsGone() {
		String id = stored();
		this.sessions.deleteById(id);

		assertThat(this.sessions.findById(id)).isNull();
	}

	private String stored() {
		MapSession session = new MapSession();
		session.setCreationTime(SIGNED_IN);
		session.setLastAccessedTime(SIGNED_IN);
		// never expires: the store's expiry check reads the wall clock
		session.setMaxInactiveInterval(Duration.ofSeconds(-1));
		session.setAttribute("user", "grace");
		this.store.save(session);
		this.writes.clear();
		return session.getId();
	}

}
