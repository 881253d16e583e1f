package com.novanta.embedded;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A task of the embedded file run every period in a daemon thread of its own, until
 * stopped: the compaction's rounds, the syncs.
 */
final class BackgroundRounds implements AutoCloseable {

	private final ScheduledExecutorService rounds;

	BackgroundRounds(String threadName, int priority, Duration period, Runnable round) {
		this.rounds = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, threadName);
			thread.setDaemon(true);
			thread.setPriority(priority);
			return thread;
		});
		this.rounds.scheduleWithFixedDelay(round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops the rounds, waiting up to 10 s for one that runs. */
	@Override
	public void close() {
		this.rounds.shutdownNow();
		try {
			this.rounds.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
