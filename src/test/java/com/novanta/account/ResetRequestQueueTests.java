package com.novanta.account;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import com.novanta.account.password.ResetRequestQueue;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The queue of reset requests: one worker, bounded, dropping rather than growing. */
class ResetRequestQueueTests {

	@Test
	void aFullQueueDropsRequestsInsteadOfGrowingOrFailing() throws Exception {
		ResetRequestQueue queue = new ResetRequestQueue(false);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger handled = new AtomicInteger();

		// the worker takes the first request and waits; the next ones fill the queue
		queue.submit(() -> {
			await(release);
			handled.incrementAndGet();
		});
		for (int i = 0; i < ResetRequestQueue.CAPACITY + 5; i++) {
			queue.submit(handled::incrementAndGet);
		}
		release.countDown();
		queue.destroy();

		assertThat(handled).hasValue(1 + ResetRequestQueue.CAPACITY);
	}

	@Test
	void aRequestThatFailsLeavesTheWorkerForTheNextOnes() throws Exception {
		ResetRequestQueue queue = new ResetRequestQueue(false);
		AtomicInteger handled = new AtomicInteger();

		queue.submit(() -> {
			throw new IllegalStateException("the database is away");
		});
		queue.submit(handled::incrementAndGet);
		queue.destroy();

		assertThat(handled).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
