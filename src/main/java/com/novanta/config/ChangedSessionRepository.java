package com.novanta.config;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Writes a session back to its store only when something in it changed: an attribute set
 * or removed, a new id, another timeout, or its last access more than {@code touch} after
 * the one stored. Every request ends by saving its session, and most change nothing (a
 * page read, a slip played): writing them all back cost a database round trip and a Java
 * serialisation of the whole session per request.
 * <p>
 * Changes are what {@link Session#setAttribute} is told, as with Spring Session's Redis
 * store: an attribute's object changed in place is not seen (Spring Security, Spring MVC
 * and this application set attributes again when they change them). The stored last
 * access lags the real one by at most {@code touch}, so an idle session ends between
 * {@code timeout - touch} and {@code timeout} after its last request.
 *
 * @param <S> the store's sessions
 */
final class ChangedSessionRepository<S extends Session>
		implements SessionRepository<ChangedSessionRepository.TrackedSession<S>> {

	private final SessionRepository<S> store;

	private final Duration touch;

	ChangedSessionRepository(SessionRepository<S> store, Duration touch) {
		this.store = store;
		this.touch = touch;
	}

	@Override
	public TrackedSession<S> createSession() {
		return new TrackedSession<>(this.store.createSession(), null);
	}

	@Override
	public void save(TrackedSession<S> session) {
		if (session.changed || session.storedAccess == null
				|| !session.getLastAccessedTime().isBefore(session.storedAccess.plus(this.touch))) {
			this.store.save(session.session);
			session.stored();
		}
	}

	@Override
	public TrackedSession<S> findById(String id) {
		S found = this.store.findById(id);
		return (found != null) ? new TrackedSession<>(found, found.getLastAccessedTime()) : null;
	}

	@Override
	public void deleteById(String id) {
		this.store.deleteById(id);
	}

	/** A stored session, and whether it changed since it was read or last written. */
	static final class TrackedSession<S extends Session> implements Session {

		private final S session;

		/** The last access as stored; {@code null} for a session never stored. */
		private Instant storedAccess;

		private boolean changed;

		private TrackedSession(S session, Instant storedAccess) {
			this.session = session;
			this.storedAccess = storedAccess;
			this.changed = storedAccess == null;
		}

		private void stored() {
			this.storedAccess = this.session.getLastAccessedTime();
			this.changed = false;
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String name) {
			return this.session.getAttribute(name);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String name, Object value) {
			this.changed = true;
			this.session.setAttribute(name, value);
		}

		@Override
		public void removeAttribute(String name) {
			if (this.session.getAttribute(name) != null) {
				this.changed = true;
			}
			this.session.removeAttribute(name);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			if (!interval.equals(this.session.getMaxInactiveInterval())) {
				this.changed = true;
			}
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
