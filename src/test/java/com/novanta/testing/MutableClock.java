package com.novanta.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests. {@link FrozenClockExtension} stops it at the suite's
 * instant before each test and lets it go after; in between, a test moves it with
 * {@link #advance} and {@link #freezeAt}, so that closes, expiry, lock-outs and
 * rate-limit windows are tested at exact instants and without waiting.
 *
 * <p>
 * Outside a test (while an application starts, in a benchmark) it follows its source: the
 * suite's clock, which is the system clock unless {@code novanta.test.now} sets the
 * suite's instant.
 */
public final class MutableClock extends Clock {

	private final Clock source;

	/** Where the clock stands, or {@code null} while it follows its source. */
	private Instant frozen;

	/** How far a clock that follows its source was moved. */
	private Duration offset = Duration.ZERO;

	/** A clock that follows the suite's clock until a test stops it. */
	public MutableClock() {
		this(FrozenClockExtension.suiteClock());
	}

	MutableClock(Clock source) {
		this.source = source;
	}

	/** Moves the clock forward (stopped or not). */
	public synchronized void advance(Duration duration) {
		if (this.frozen != null) {
			this.frozen = this.frozen.plus(duration);
		}
		else {
			this.offset = this.offset.plus(duration);
		}
	}

	/** Stops the clock at an instant: it reads that instant until it is moved again. */
	public synchronized void freezeAt(Instant instant) {
		this.frozen = instant;
		this.offset = Duration.ZERO;
	}

	/** Follows its source again. */
	public synchronized void reset() {
		this.frozen = null;
		this.offset = Duration.ZERO;
	}

	@Override
	public synchronized Instant instant() {
		return (this.frozen != null) ? this.frozen : this.source.instant().plus(this.offset);
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
