package com.novanta.feeds;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fixed-window limit of requests per client address, in this instance's memory: a
 * public read costs no write to the database (unlike the account module's limits, which
 * guard mail and passwords and are shared by every instance), so behind a load balancer
 * of N instances a client gets up to N times the limit. The window's counters go when the
 * window ends; past {@value #MAX_CLIENTS} addresses in one window the others share one
 * counter, so a flood of addresses cannot grow the memory.
 */
final class ClientRateLimit {

	static final int MAX_CLIENTS = 100_000;

	private static final String OTHERS = "*";

	private final int limit;

	private final long windowMillis;

	private final Clock clock;

	private volatile Window current = new Window(Long.MIN_VALUE);

	ClientRateLimit(int limit, Duration window, Clock clock) {
		if (limit < 1 || window.toMillis() < 1) {
			throw new IllegalArgumentException("A rate limit needs at least one request per window of 1 ms or more");
		}
		this.limit = limit;
		this.windowMillis = window.toMillis();
		this.clock = clock;
	}

	/**
	 * Counts one more request of the client in the current window.
	 * @return 0 when it is within the limit, else how many seconds (at least 1) until the
	 * window ends
	 */
	long tryAcquire(String client) {
		long now = this.clock.millis();
		long number = Math.floorDiv(now, this.windowMillis);
		Window window = this.current;
		if (window.number != number) {
			synchronized (this) {
				window = this.current;
				if (window.number != number) {
					window = new Window(number);
					this.current = window;
				}
			}
		}
		String key = (window.counts.size() < MAX_CLIENTS || window.counts.containsKey(client)) ? client : OTHERS;
		int count = window.counts.computeIfAbsent(key, (k) -> new AtomicInteger()).incrementAndGet();
		if (count <= this.limit) {
			return 0;
		}
		long end = (number + 1) * this.windowMillis;
		return Math.max(1, (end - now + 999) / 1000);
	}

	int limit() {
		return this.limit;
	}

	private static final class Window {

		final long number;

		final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		Window(long number) {
			this.number = number;
		}

	}

}
