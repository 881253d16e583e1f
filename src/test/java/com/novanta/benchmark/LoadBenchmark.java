package com.novanta.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import com.novanta.NovantaApplication;
import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestPlayForm;
import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.MutableClock;
import com.novanta.testing.TestClockConfiguration;
import com.novanta.testing.WebVisitor;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.util.FileSystemUtils;

/**
 * Peak load through HTTP, as participants make it: the whole application on its embedded
 * defaults (file-backed database, sessions in it, CSRF, the real web server), and
 * signed-in participants submitting ballot slips at a fixed arrival rate for a minute.
 * Latency is measured from when each request was due, so that a slow server cannot hide
 * its queue. Then the number of ballots stored is compared with the number the load
 * generator saw accepted, and the home page and a results page are measured.
 *
 * <pre>
 * ./mvnw -Pbenchmark -Dbenchmark=load -Drate=500 -Dlines=5 -Dseconds=60 -Dusers=200
 * </pre>
 */
public final class LoadBenchmark {

	private static final int WORKERS = Integer.getInteger("workers", 128);

	private LoadBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int rate = Integer.getInteger("rate", 500);
		int lines = Integer.getInteger("lines", 5);
		int seconds = Integer.getInteger("seconds", 60);
		int warmUp = Integer.getInteger("warmup", 20);
		int users = Integer.getInteger("users", 200);
		String backend = System.getProperty("backend", "h2");
		try (ConfigurableApplicationContext context = startWeb(backend)) {
			String url = "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
			System.out.printf("Load benchmark on the %s backend (%s)%n", backend, Benchmarks.machine());
			Lottery lottery = new TestLotteries(context).open("daily");

			long signInStart = System.nanoTime();
			List<WebVisitor> visitors = signIn(context, url, lottery, users);
			System.out.printf("%,d participants signed in through the form in %.1f s%n", users,
					(System.nanoTime() - signInStart) / 1e9);

			long warmAccepted = 0;
			long warmUnknown = 0;
			if (warmUp > 0) {
				Phase warm = submit(url, lottery, visitors, rate, lines, warmUp);
				System.out.printf("warm-up %d s: %s%n", warmUp, warm.summary(lines));
				warmAccepted = warm.accepted.sum();
				warmUnknown = warm.unknown.sum();
			}
			Phase run = submit(url, lottery, visitors, rate, lines, seconds);
			System.out.printf("SUBMIT %d s at %,d slips/s of %d ballots: %s%n", seconds, rate, lines,
					run.summary(lines));

			MongoOperations mongo = context.getBean(MongoOperations.class);
			long storedSlips = mongo.count(Query.query(Criteria.where("lotteryId").is(lottery.id())), "ballots");
			long expectedSlips = run.accepted.sum() + warmAccepted;
			System.out.printf(
					"stored slips %,d, ballots %,d; accepted as seen by the load generator: slips %,d, "
							+ "ballots %,d; answers lost in transit %,d -> %s%n",
					storedSlips, storedSlips * lines, expectedSlips, expectedSlips * lines,
					run.unknown.sum() + warmUnknown, (storedSlips == expectedSlips) ? "EQUAL" : "DIFFERENT");

			int pageSeconds = Integer.getInteger("pageSeconds", 20);
			WebVisitor anonymous = new WebVisitor(url);
			System.out.printf("HOME PAGE %s%n", pages(anonymous, "/", 32, pageSeconds).pageSummary());

			MutableClock clock = context.getBean(MutableClock.class);
			clock.freezeAt(lottery.closesAt());
			long drawStart = System.nanoTime();
			context.getBean(DrawPipeline.class).advance(lottery.id());
			// then the beacon round, due a margin after the close
			clock.freezeAt(lottery.beacon().due());
			context.getBean(DrawPipeline.class).advance(lottery.id());
			System.out.printf("(drew and settled the lottery's %,d ballots in %.1f s)%n", storedSlips * lines,
					(System.nanoTime() - drawStart) / 1e9);
			clock.reset();
			System.out.printf("RESULTS PAGE %s%n",
					pages(anonymous, "/lotteries/" + lottery.id(), 32, pageSeconds).pageSummary());
		}
	}

	/**
	 * The whole application on its embedded defaults with its web server on a free port
	 * of this machine, in dev mode (the embedded mail catcher); more settings from
	 * {@code -Dsettings="--a=b --c=d"}, which come after {@code extra}.
	 */
	static ConfigurableApplicationContext startWeb(String backend, String... extra) throws Exception {
		Path dataDir = Files.createTempDirectory("novanta-load");
		if (!Boolean.getBoolean("keepData")) {
			// a run leaves a file of a few hundred megabytes: gone when the benchmark
			// ends
			// (the context is closed by then), unless -DkeepData=true
			Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dataDir.toFile())));
		}
		else {
			System.out.printf("the data directory is kept: %s%n", dataDir);
		}
		List<String> arguments = new ArrayList<>(
				// dev mode (the embedded mail catcher), on this machine only
				List.of("--lottery.dev.enabled=true", "--server.address=127.0.0.1", "--server.port=0",
						"--lottery.database.embedded-backend=" + backend, "--lottery.database.data-dir=" + dataDir,
						"--lottery.scheduling.enabled=false", "--lottery.accounts.demo-admin=false",
						"--lottery.ballots.limit-per-lottery=1000000", "--logging.level.root=WARN",
						"--logging.level.com.novanta=WARN", "--spring.main.banner-mode=off",
						"--server.tomcat.threads.max=" + Math.max(200, WORKERS + 50)));
		arguments.addAll(List.of(extra));
		// more settings to try, e.g.
		// -Dbenchmark.settings="--lottery.sessions.store=container"
		for (String setting : System.getProperty("settings", "").split(" ")) {
			if (!setting.isBlank()) {
				arguments.add(setting);
			}
		}
		return new SpringApplicationBuilder(NovantaApplication.class, TestClockConfiguration.class)
			.run(arguments.toArray(String[]::new));
	}

	static List<WebVisitor> signIn(ConfigurableApplicationContext context, String url, Lottery lottery, int users)
			throws Exception {
		TestParticipants participants = new TestParticipants(context);
		List<WebVisitor> visitors = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			visitors.add(new WebVisitor(url));
		}
		List<CurrentAccount> accounts = new ArrayList<>();
		for (int i = 0; i < users; i++) {
			accounts.add(participants.verified("Load Player " + i));
		}
		// sign in in parallel: password hashing is slow on purpose
		List<Thread> threads = new ArrayList<>();
		for (int t = 0; t < 4; t++) {
			int first = t;
			threads.add(started(() -> {
				for (int i = first; i < users; i += 4) {
					if (!visitors.get(i).signIn(accounts.get(i).email(), TestParticipants.PASSWORD)) {
						throw new IllegalStateException("cannot sign in " + accounts.get(i).email());
					}
					visitors.get(i).get("/play/" + lottery.id());
				}
			}));
		}
		for (Thread thread : threads) {
			thread.join();
		}
		return visitors;
	}

	/**
	 * Slips due at a fixed rate, sent by a pool of workers, each request as one of the
	 * signed-in participants.
	 */
	private static Phase submit(String url, Lottery lottery, List<WebVisitor> visitors, int rate, int lines,
			int seconds) throws InterruptedException {
		Phase phase = new Phase(rate * seconds, seconds);
		long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		AtomicLong next = new AtomicLong();
		CountDownLatch done = new CountDownLatch(WORKERS);
		for (int w = 0; w < WORKERS; w++) {
			int worker = w;
			started(() -> {
				SplittableRandom random = new SplittableRandom(worker);
				try {
					for (long i = next.getAndIncrement(); i < phase.planned; i = next.getAndIncrement()) {
						long due = start + i * interval;
						long wait = due - System.nanoTime();
						if (wait > 0) {
							LockSupport.parkNanos(wait);
						}
						WebVisitor visitor = visitors.get((int) (i % visitors.size()));
						Map<String, List<String>> form = slip(random, lines);
						try {
							WebVisitor.Page answer = visitor.post("/play/" + lottery.id(), form);
							long latency = System.nanoTime() - due;
							phase.record(latency);
							if (answer.status() == 302 && answer.location().endsWith("?accepted")) {
								phase.accepted.increment();
							}
							else {
								phase.refused.merge(answer.status() + " " + answer.location(), 1L, Long::sum);
							}
						}
						catch (RuntimeException ex) {
							phase.unknown.increment();
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		phase.elapsedNanos = System.nanoTime() - start;
		return phase;
	}

	private static Map<String, List<String>> slip(SplittableRandom random, int lines) {
		int[][] numbers = new int[lines][];
		for (int line = 0; line < lines; line++) {
			numbers[line] = random.ints(1, 91).distinct().limit(6).toArray();
		}
		return TestPlayForm.fields(UUID.randomUUID().toString(), numbers);
	}

	/** A closed loop of {@code concurrency} visitors asking for one page. */
	private static Phase pages(WebVisitor visitor, String path, int concurrency, int seconds)
			throws InterruptedException {
		Phase phase = new Phase(0, seconds);
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		long start = System.nanoTime();
		CountDownLatch done = new CountDownLatch(concurrency);
		for (int c = 0; c < concurrency; c++) {
			started(() -> {
				try {
					while (System.nanoTime() < end) {
						long sent = System.nanoTime();
						WebVisitor.Page page = visitor.get(path);
						phase.record(System.nanoTime() - sent);
						if (page.status() == 200) {
							phase.accepted.increment();
						}
						else {
							phase.refused.merge(String.valueOf(page.status()), 1L, Long::sum);
						}
					}
				}
				finally {
					done.countDown();
				}
			});
		}
		done.await();
		phase.elapsedNanos = System.nanoTime() - start;
		return phase;
	}

	/** What one phase saw. */
	private static final class Phase {

		final long planned;

		final LongAdder accepted = new LongAdder();

		final LongAdder unknown = new LongAdder();

		final Map<String, Long> refused = new ConcurrentHashMap<>();

		private final long[] latencies;

		private final AtomicLong recorded = new AtomicLong();

		long elapsedNanos;

		Phase(long planned, int seconds) {
			this.planned = planned;
			this.latencies = new long[(int) Math.max(planned, seconds * 20_000L)];
		}

		void record(long nanos) {
			long i = this.recorded.getAndIncrement();
			if (i < this.latencies.length) {
				this.latencies[(int) i] = nanos;
			}
		}

		double percentileMillis(double p) {
			int n = (int) Math.min(this.recorded.get(), this.latencies.length);
			if (n == 0) {
				return Double.NaN;
			}
			long[] sorted = Arrays.copyOf(this.latencies, n);
			Arrays.sort(sorted);
			return sorted[(int) Math.min(n - 1, Math.ceil(p / 100 * n) - 1)] / 1e6;
		}

		double perSecond(long count) {
			return count / (this.elapsedNanos / 1e9);
		}

		String summary(int lines) {
			long ok = this.accepted.sum();
			return String.format(
					"%,d slips accepted (%,.0f slips/s = %,.0f ballots/s), refused %s, no answer %,d; "
							+ "latency p50 %.1f ms, p99 %.1f ms, max %.1f ms",
					ok, perSecond(ok), perSecond(ok * lines), this.refused, this.unknown.sum(), percentileMillis(50),
					percentileMillis(99), percentileMillis(100));
		}

		String pageSummary() {
			long ok = this.accepted.sum();
			return String.format("%,d pages (%,.0f requests/s), errors %s; latency p50 %.1f ms, p99 %.1f ms", ok,
					perSecond(ok), this.refused, percentileMillis(50), percentileMillis(99));
		}

	}

	private static Thread started(Runnable task) {
		Thread thread = new Thread(task, "load");
		thread.setDaemon(true);
		thread.start();
		return thread;
	}

}
