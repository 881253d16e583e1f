package com.novanta.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in integration tests: it follows the system clock until a test
 * moves it forward, so that expiry, lock-outs and rate-limit windows can be tested
 * without waiting. Tests that move it reset it first.
 */
public final class MutableClock extends Clock {

	private final Clock system;

	private volatile Duration offset = Duration.ZERO;

	public MutableClock() {
		this(Clock.systemUTC());
	}

	MutableClock(Clock system) {
		this.system = system;
	}

	/** Moves the clock forward. */
	public void advance(Duration duration) {
		this.offset = this.offset.plus(duration);
	}

	/** Follows the system clock again. */
	public void reset() {
		this.offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return this.system.instant().plus(this.offset);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		MutableClock self = this;
		return new Clock() {

			@Override
			public Instant instant() {
				return self.instant();
			}

			@Override
			public ZoneId getZone() {
				return zone;
			}

			@Override
			public Clock withZone(ZoneId other) {
				return self.withZone(other);
			}

		};
	}

}
