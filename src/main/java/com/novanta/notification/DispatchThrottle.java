package com.novanta.notification;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many workers of one instance dispatch at once: each sends over its own SMTP
 * connection, so this bounds the connections an instance opens to the mail server.
 */
final class DispatchThrottle {

	private final int limit;

	private final AtomicInteger workers = new AtomicInteger();

	DispatchThrottle(int limit) {
		this.limit = limit;
	}

	/**
	 * Lets one more worker in, unless the limit is reached; a worker let in calls
	 * {@link #leave()} when it is done.
	 * @return whether the worker may dispatch
	 */
	boolean tryEnter() {
		if (this.workers.incrementAndGet() > this.limit) {
			this.workers.decrementAndGet();
			return false;
		}
		return true;
	}

	void leave() {
		this.workers.decrementAndGet();
	}

	/** Whether another worker would be let in now (worth starting one). */
	boolean hasRoom() {
		return this.workers.get() < this.limit;
	}

	/** Whether no worker is dispatching now. */
	boolean isIdle() {
		return this.workers.get() == 0;
	}

}
