package com.novanta.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.novanta.NovantaApplication;
import com.novanta.testing.TestClockConfiguration;
import com.sun.management.OperatingSystemMXBean;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * What the benchmarks share: the application without its web server, and heap figures.
 */
final class Benchmarks {

	private Benchmarks() {
	}

	/**
	 * The application on the embedded database ({@code h2} file in a temporary directory,
	 * or {@code memory}).
	 */
	static ConfigurableApplicationContext start(String backend, String... extra) throws Exception {
		return start(backend, Files.createTempDirectory("novanta-benchmark"), extra);
	}

	/** The same, on the data of {@code dataDir} (a restart). */
	static ConfigurableApplicationContext start(String backend, Path dataDir, String... extra) {
		// dev mode: the embedded mail catcher takes the mail
		List<String> args = new ArrayList<>(
				List.of("--lottery.dev.enabled=true", "--lottery.database.embedded-backend=" + backend,
						"--lottery.database.data-dir=" + dataDir, "--lottery.scheduling.enabled=false",
						"--lottery.accounts.demo-admin=false", "--logging.level.root=WARN",
						"--logging.level.com.novanta=WARN", "--logging.level.com.novanta.draw=INFO"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(NovantaApplication.class, TestClockConfiguration.class)
			.web(WebApplicationType.NONE)
			.run(args.toArray(String[]::new));
	}

	/**
	 * Samples the used heap every 20 ms until closed: the peak of what was in use at one
	 * time.
	 */
	static final class HeapSampler implements AutoCloseable {

		private final AtomicLong peak = new AtomicLong();

		private final Thread thread;

		private volatile boolean running = true;

		HeapSampler() {
			System.gc();
			this.thread = new Thread(() -> {
				while (this.running) {
					long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
					this.peak.accumulateAndGet(used, Math::max);
					try {
						Thread.sleep(20);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			}, "heap-sampler");
			this.thread.setDaemon(true);
			this.thread.start();
		}

		long peakMiB() {
			return this.peak.get() / (1024 * 1024);
		}

		@Override
		public void close() {
			this.running = false;
		}

	}

	/**
	 * Waits until this process is quiet (under 5% of the machine's CPU for two seconds in
	 * a row, at most {@code maxSeconds}), so that what the set-up wrote (the file-backed
	 * database keeps writing and compacting in the background for a while after a million
	 * inserts) is not timed as part of what comes next.
	 * @return how long it waited, in seconds
	 */
	static double waitUntilQuiet(int maxSeconds) throws InterruptedException {
		OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		long start = System.nanoTime();
		int quiet = 0;
		os.getProcessCpuLoad();
		while (quiet < 2 && System.nanoTime() - start < maxSeconds * 1_000_000_000L) {
			Thread.sleep(1000);
			quiet = (os.getProcessCpuLoad() < 0.05) ? quiet + 1 : 0;
		}
		return (System.nanoTime() - start) / 1e9;
	}

	/**
	 * The slips stored in a lottery once the requests in flight when a load generator
	 * stopped have been answered (the count has not changed for a second), so that they
	 * count in the run that sent them, not in the next.
	 */
	static long settledSlips(MongoOperations mongo, String lotteryId) throws InterruptedException {
		long count = slips(mongo, lotteryId);
		for (int stable = 0; stable < 5;) {
			Thread.sleep(200);
			long now = slips(mongo, lotteryId);
			stable = (now == count) ? stable + 1 : 0;
			count = now;
		}
		return count;
	}

	/**
	 * The slips stored in a lottery, without the places its close sealed because no slip
	 * filled them (tombstones).
	 */
	static long slips(MongoOperations mongo, String lotteryId) {
		return mongo.count(Query.query(Criteria.where("lotteryId").is(lotteryId).and("tombstone").ne(true)), "ballots");
	}

	/**
	 * The CPU time this process (the application, the load generator being outside it)
	 * has used, in nanoseconds: divided by the requests of a run, a figure that another
	 * load on the machine changes much less than it changes the throughput.
	 */
	static long processCpuNanos() {
		return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	static String machine() {
		return Runtime.getRuntime().availableProcessors() + " cores, max heap "
				+ Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB, Java " + Runtime.version();
	}

}
