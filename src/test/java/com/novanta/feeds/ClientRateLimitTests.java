package com.novanta.feeds;

import java.time.Duration;
import java.time.Instant;

import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The open results' limit of requests per client address and window. */
class ClientRateLimitTests {

	final MutableClock clock = new MutableClock();

	final ClientRateLimit limit = new ClientRateLimit(3, Duration.ofMinutes(1), this.clock);

	/** 12:00:15 UTC: 45 seconds before the minute's window ends. */
	@BeforeEach
	void stopTheClock() {
		this.clock.freezeAt(Instant.parse("2026-12-05T12:00:15Z"));
	}

	@Test
	void aClientGetsItsLimitThenIsToldWhenToComeBack() {
		assertThat(this.limit.tryAcquire("203.0.113.7")).isZero();
		assertThat(this.limit.tryAcquire("203.0.113.7")).isZero();
		assertThat(this.limit.tryAcquire("203.0.113.7")).isZero();
		assertThat(this.limit.tryAcquire("203.0.113.7")).isEqualTo(45);
		this.clock.advance(Duration.ofMillis(44_500));
		assertThat(this.limit.tryAcquire("203.0.113.7")).isEqualTo(1);
	}

	@Test
	void eachClientHasItsOwnCount() {
		for (int i = 0; i < 3; i++) {
			this.limit.tryAcquire("203.0.113.7");
		}
		assertThat(this.limit.tryAcquire("203.0.113.7")).isPositive();
		assertThat(this.limit.tryAcquire("2001:db8::1")).isZero();
	}

	@Test
	void aNewWindowStartsAfresh() {
		for (int i = 0; i < 4; i++) {
			this.limit.tryAcquire("203.0.113.7");
		}
		this.clock.advance(Duration.ofSeconds(45));
		assertThat(this.limit.tryAcquire("203.0.113.7")).isZero();
	}

	@Test
	void pastTheMostClientsTheOthersShareOneCount() {
		ClientRateLimit one = new ClientRateLimit(1, Duration.ofMinutes(1), this.clock);
		for (int i = 0; i < ClientRateLimit.MAX_CLIENTS; i++) {
			assertThat(one.tryAcquire("client-" + i)).isZero();
		}
		assertThat(one.tryAcquire("newcomer-1")).isZero();
		assertThat(one.tryAcquire("newcomer-2")).as("shares the newcomers' count").isPositive();
		assertThat(one.tryAcquire("client-7")).as("already counted").isPositive();
	}

	@Test
	void aLimitNeedsARequestAndAWindow() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ClientRateLimit(0, Duration.ofMinutes(1), this.clock));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClientRateLimit(1, Duration.ZERO, this.clock));
	}

}
