package com.novanta.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Runs tasks on threads of their own that all start at the same moment, behind a barrier.
 * Tasks merely handed to a pool start one after another as its threads come up, and often
 * run one after another: a test of a race would then pass with a check-then-act that is
 * not atomic.
 */
public final class AllAtOnce {

	private AllAtOnce() {
	}

	/** Runs {@code count} tasks at once; task {@code i} is {@code task.apply(i)}. */
	public static <T> List<T> run(int count, IntFunction<Callable<T>> task) throws Exception {
		List<Callable<T>> tasks = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			tasks.add(task.apply(i));
		}
		return run(tasks);
	}

	/**
	 * Runs the tasks at once and waits for all of them.
	 * @return their results, in the order of the tasks
	 */
	public static <T> List<T> run(List<Callable<T>> tasks) throws Exception {
		CyclicBarrier start = new CyclicBarrier(tasks.size());
		ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
		try {
			List<Future<T>> runs = new ArrayList<>();
			for (Callable<T> task : tasks) {
				runs.add(threads.submit(() -> {
					start.await(1, TimeUnit.MINUTES);
					return task.call();
				}));
			}
			List<T> results = new ArrayList<>();
			for (Future<T> run : runs) {
				results.add(run.get(2, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			threads.shutdownNow();
		}
	}

}
