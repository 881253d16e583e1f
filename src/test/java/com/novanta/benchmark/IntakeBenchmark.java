package com.novanta.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.MutableClock;
import com.novanta.testing.WebVisitor;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Peak-night intake and pages with the load generator OUTSIDE the application's process:
 * wrk (Debian's package) runs as a process of its own, so the JVM measured does nothing
 * but serve. This JVM starts the application on its embedded defaults (file-backed
 * database, sessions in it, CSRF, the real web server), signs in {@code users}
 * participants through the sign-in form (set-up, not measured), hands their session
 * cookies and CSRF tokens to wrk, and then, for each slip size and number of connections,
 * has wrk post the real play form (a fresh idempotency key a slip) in a closed loop, or
 * at a paced rate ({@code -Drate}); after each run it compares the slips stored with the
 * slips wrk saw accepted. Then the pages, anonymous and signed in, 32 connections each.
 *
 * <pre>
 * ./mvnw -Pbenchmark -Dbenchmark=intake -Dbenchmark.heap=2g -Dconnections=1,8,32,128 -DslipLines=1,10 -Dseconds=30
 * </pre>
 *
 * {@code -Dpages="my ballots"} measures only the pages named (comma-separated, as printed
 * after {@code PAGE}; all of them unless given), and an empty {@code -Dconnections=} or
 * {@code -DslipLines=} submits nothing: one page's figure without the whole run (the
 * slips it shows still have to be played first, e.g. one run of 1-line slips at 32
 * connections).
 */
public final class IntakeBenchmark {

	private IntakeBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int users = Integer.getInteger("users", 200);
		int seconds = Integer.getInteger("seconds", 30);
		int warmUp = Integer.getInteger("warmup", 15);
		int pageSeconds = Integer.getInteger("pageSeconds", 20);
		int threads = Integer.getInteger("wrkThreads", 2);
		int rate = Integer.getInteger("pacedRate", 0);
		List<Integer> connections = numbers(System.getProperty("connections", "1,8,32,128"));
		List<Integer> slipSizes = numbers(System.getProperty("slipLines", "1,10"));
		String backend = System.getProperty("backend", "h2");
		List<String> pages = names(System.getProperty("pages", ""));
		Path scripts = Wrk.script("play.lua").getParent();
		try (ConfigurableApplicationContext context = LoadBenchmark.startWeb(backend)) {
			String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			System.out.printf("Intake benchmark on the %s backend (%s), load generator: %s in its own process%n",
					backend, Benchmarks.machine(), Wrk.version());
			Lottery lottery = new TestLotteries(context).open("daily");
			long signInStart = System.nanoTime();
			List<WebVisitor> visitors = LoadBenchmark.signIn(context, url, lottery, users);
			System.out.printf("%,d participants signed in through the form in %.1f s%n", users,
					(System.nanoTime() - signInStart) / 1e9);
			Path sessions = Wrk.sessionsFile(visitors);
			MongoOperations mongo = context.getBean(MongoOperations.class);

			if (warmUp > 0) {
				Map<String, String> warm = Wrk.run(scripts.resolve("play.lua"), url, threads, 32, warmUp, 0,
						sessions.toString(), lottery.id(), "1", "warm-" + UUID.randomUUID());
				System.out.printf("warm-up %d s, 32 connections: %s slips accepted%n", warmUp, warm.get("accepted"));
			}
			for (int size : slipSizes) {
				for (int c : connections) {
					// the warm-up's (or the last run's) requests in flight when wrk
					// stopped
					// are still being stored: they count before this run, not in it
					long before = Benchmarks.settledSlips(mongo, lottery.id());
					long cpuBefore = Benchmarks.processCpuNanos();
					DistributionSummary batches = context.getBean(MeterRegistry.class)
						.get("novanta.slips.batch")
						.summary();
					long writesBefore = batches.count();
					double batchedBefore = batches.totalAmount();
					int pause = (rate > 0) ? Math.max(1, c * 1000 / rate) : 0;
					Map<String, String> run = Wrk.run(scripts.resolve("play.lua"), url, Math.min(threads, c), c,
							seconds, pause, sessions.toString(), lottery.id(), String.valueOf(size),
							"r" + size + "-" + c + "-" + UUID.randomUUID());
					long cpu = Benchmarks.processCpuNanos() - cpuBefore;
					long writes = batches.count() - writesBefore;
					double slipsPerWrite = (batches.totalAmount() - batchedBefore) / Math.max(1, writes);
					long stored = Benchmarks.settledSlips(mongo, lottery.id()) - before;
					long accepted = Long.parseLong(run.get("accepted"));
					// wrk stops with up to one request a connection in flight: the server
					// still stores those, wrk never sees their answer
					boolean agrees = stored >= accepted && stored <= accepted + c;
					double elapsed = Double.parseDouble(run.get("seconds"));
					System.out.printf(
							"SUBMIT %2d-line slips, %3d connections%s: %,7.0f slips/s (%,.0f ballots/s), p50 %s, p90 %s, "
									+ "p99 %s, max %s; accepted %,d, stored %,d (%,d in flight at the end) -> %s; refused %s, 5xx %s, "
									+ "socket errors %s; application CPU %.2f ms a slip; %.1f slips a write%n",
							size, c, (pause > 0) ? " paced at " + rate + "/s" : "", accepted / elapsed,
							accepted * size / elapsed, Wrk.ms(run.get("p50")), Wrk.ms(run.get("p90")),
							Wrk.ms(run.get("p99")), Wrk.ms(run.get("max")), accepted, stored, stored - accepted,
							agrees ? "OK" : "DIFFERENT", run.get("refused"), run.get("failed"), run.get("errors"),
							cpu / 1e6 / Math.max(1, stored), slipsPerWrite);
				}
			}
			System.out.printf("each participant now holds about %,d slips%n",
					Benchmarks.slips(mongo, lottery.id()) / users);
			dataFile(context, mongo, lottery, "after the slips");

			// signed-in pages first: drawing moves the clock past the sessions' lifetime
			Map<String, String> signedIn = new LinkedHashMap<>();
			signedIn.put("home", "/");
			signedIn.put("my wins", "/my/wins");
			signedIn.put("play page", "/play/" + lottery.id());
			signedIn.put("account", "/account");
			signedIn.put("my ballots", "/my/ballots");
			for (Map.Entry<String, String> page : signedIn.entrySet()) {
				if (!pages.isEmpty() && !pages.contains("signed-in " + page.getKey())) {
					continue;
				}
				page(scripts, url, threads, pageSeconds, "signed-in " + page.getKey(), page.getValue(),
						sessions.toString());
			}
			Map<String, String> anonymous = new LinkedHashMap<>();
			anonymous.put("home", "/");
			anonymous.put("open lottery", "/lotteries/" + lottery.id());
			anonymous.put("statistics", "/statistics");
			for (Map.Entry<String, String> page : anonymous.entrySet()) {
				if (!pages.isEmpty() && !pages.contains("anonymous " + page.getKey())) {
					continue;
				}
				page(scripts, url, threads, pageSeconds, "anonymous " + page.getKey(), page.getValue(), null);
			}
			if (!pages.isEmpty() && !pages.contains("anonymous results")) {
				return;
			}
			MutableClock clock = context.getBean(MutableClock.class);
			clock.freezeAt(lottery.closesAt());
			DrawPipeline pipeline = context.getBean(DrawPipeline.class);
			pipeline.advance(lottery.id());
			clock.freezeAt(lottery.beacon().due());
			pipeline.advance(lottery.id());
			// the clock runs again while the page is read: a page kept for a second of a
			// clock that stood still would be rendered once for the whole run
			clock.reset();
			clock.advance(Duration.between(clock.instant(), lottery.beacon().due()));
			page(scripts, url, threads, pageSeconds, "anonymous results", "/lotteries/" + lottery.id(), null);
			dataFile(context, mongo, lottery, "after the pages and the draw");
		}
	}

	/** How big the embedded database's file is, for how many slips and sessions. */
	private static void dataFile(ConfigurableApplicationContext context, MongoOperations mongo, Lottery lottery,
			String when) throws IOException, InterruptedException {
		String dir = context.getEnvironment().getProperty("lottery.database.data-dir");
		Path file = (dir != null) ? Path.of(dir, "novanta.mv.db") : null;
		if (file == null || !Files.exists(file)) {
			return;
		}
		// H2 writes what changed within 100 ms
		Thread.sleep(500);
		long bytes = Files.size(file);
		long slips = Benchmarks.slips(mongo, lottery.id());
		System.out.printf("DISK %s: data file %,.1f MB for %,d slips (%,.1f KB a slip), %,d sessions stored%n", when,
				bytes / 1e6, slips, bytes / 1e3 / Math.max(1, slips), mongo.getCollection("sessions").countDocuments());
	}

	private static void page(Path scripts, String url, int threads, int seconds, String name, String path,
			String sessions) {
		List<String> args = new ArrayList<>(List.of(path));
		if (sessions != null) {
			args.add(sessions);
		}
		int warmUp = Integer.getInteger("pageWarmup", 5);
		if (warmUp > 0) {
			// the page's code compiled first: measured cold, the first page looked
			// slower than the others (2,808 against 8,329 requests/s for two pages
			// served from memory alike)
			Wrk.run(scripts.resolve("pages.lua"), url, threads, 32, warmUp, 0, args.toArray(String[]::new));
		}
		long cpuBefore = Benchmarks.processCpuNanos();
		Map<String, String> run = Wrk.run(scripts.resolve("pages.lua"), url, threads, 32, seconds, 0,
				args.toArray(String[]::new));
		long cpu = Benchmarks.processCpuNanos() - cpuBefore;
		double elapsed = Double.parseDouble(run.get("seconds"));
		System.out.printf(
				"PAGE %-22s 32 connections: %,7.0f requests/s, p50 %s, p90 %s, p99 %s, max %s; "
						+ "200: %s, other: %s, socket errors %s; application CPU %.2f ms a request%n",
				name, Long.parseLong(run.get("ok")) / elapsed, Wrk.ms(run.get("p50")), Wrk.ms(run.get("p90")),
				Wrk.ms(run.get("p99")), Wrk.ms(run.get("max")), run.get("ok"), run.get("other"), run.get("errors"),
				cpu / 1e6 / Math.max(1, Long.parseLong(run.get("ok")) + Long.parseLong(run.get("other"))));
	}

	private static List<Integer> numbers(String list) {
		return names(list).stream().map(Integer::valueOf).toList();
	}

	/** A comma-separated list; none if blank. */
	private static List<String> names(String list) {
		return Arrays.stream(list.split(",")).map(String::trim).filter((name) -> !name.isEmpty()).toList();
	}

}
