package com.novanta.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.novanta.account.Account;
import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.Participation;
import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.OutboxDispatcher;
import com.novanta.notification.OutboxMessage;
import com.novanta.notification.OutboxStatus;
import com.novanta.testing.MutableClock;
import com.novanta.testing.WebVisitor;
import io.micrometer.core.instrument.MeterRegistry;
import org.bson.Document;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A soak: minutes of everything at once on the embedded defaults (file-backed database,
 * sessions in it, the real web server, dev mode's mail catcher), with the load generator
 * outside the application's process (wrk, as in {@link IntakeBenchmark}). After signing
 * {@code users} participants in through the form (set-up), for {@code minutes}, together:
 * slips of {@code lines} ballots posted through the real play form at a paced
 * {@code pacedRate} slips a second (20 if not set), first to a lottery that closes a
 * third of the way through the run, then to one that stays open; anonymous and signed-in
 * page reads, paced at {@code pageRate} requests a second each; sign-ins and sign-outs of
 * other participants (in this JVM, one a second); and, once the first lottery closes, its
 * draw: close, digest, beacon round, settlement and a result email to every participant
 * through the outbox to the mail catcher. Every {@code sampleSeconds} it prints the data
 * file's size, the heap, the slips and the sessions stored; at the end the file size a
 * stored slip, the heap's peak, wrk's latencies by kind, and the checks: slips accepted =
 * slips stored, ballots settled = ballots stored, one result email per participant in the
 * outbox and in the catcher. Anything lost or doubled fails the run.
 *
 * <p>
 * The application's clock follows the wall clock, moved once, before the sign-ins, to a
 * little before the first lottery's close (and by a few more seconds once they are done,
 * so that it closes when planned): nothing signed in expires, and the lottery closes on
 * its own while the load goes on.
 *
 * <pre>
 * ./mvnw -Pbenchmark -Dbenchmark=soak -Dminutes=3
 * </pre>
 */
public final class SoakBenchmark {

	/**
	 * The beacon round a lottery is drawn with is the first at least this long after its
	 * close (1 minute by default): shorter, so that the draw fits in a run of minutes;
	 * the wait is no work.
	 */
	private static final String BEACON_MARGIN = "15s";

	/**
	 * wrk's connections for the slips: each waits connections x 1000 / rate ms before
	 * each request, so the rate offered falls as answers slow down; more connections keep
	 * it closer to the one asked for.
	 */
	private static final int CONNECTIONS = 8;

	/** wrk's connections for each kind of page, paced the same way. */
	private static final int PAGE_CONNECTIONS = 4;

	private SoakBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int minutes = Integer.getInteger("minutes", 3);
		int users = Integer.getInteger("users", 200);
		int rate = (Integer.getInteger("pacedRate", 0) > 0) ? Integer.getInteger("pacedRate") : 20;
		int lines = Integer.getInteger("lines", 5);
		int pageRate = Integer.getInteger("pageRate", 20);
		int churners = Integer.getInteger("churnUsers", 20);
		int sampleSeconds = Integer.getInteger("sampleSeconds", 5);
		String backend = System.getProperty("backend", "h2");
		int seconds = minutes * 60;
		int closeAfter = Math.max(20, seconds / 3);
		List<String> problems = new CopyOnWriteArrayList<>();
		ExecutorService load = Executors.newCachedThreadPool();
		try (ConfigurableApplicationContext context = LoadBenchmark.startWeb(backend,
				"--lottery.fairness.beacon.margin=" + BEACON_MARGIN)) {
			String url = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
			System.out.printf(
					"Soak benchmark, %d minutes on the %s backend (%s), load generator: %s in its own process%n",
					minutes, backend, Benchmarks.machine(), Wrk.version());
			MongoOperations mongo = context.getBean(MongoOperations.class);
			MutableClock clock = context.getBean(MutableClock.class);
			TestLotteries lotteries = new TestLotteries(context);
			Lottery drawn = lotteries.open("daily");
			Lottery open = lotteries.open("daily");

			// a margin for the set-up, taken off once it is done: the clock never goes
			// back
			Duration setUp = Duration.ofSeconds(60 + users);
			clock.advance(Duration.between(clock.instant(), drawn.closesAt()).minus(setUp).minusSeconds(closeAfter));
			long signInStart = System.nanoTime();
			List<WebVisitor> visitors = LoadBenchmark.signIn(context, url, drawn, users);
			System.out.printf("%,d participants signed in through the form in %.1f s%n", users,
					(System.nanoTime() - signInStart) / 1e9);
			TestParticipants participants = new TestParticipants(context);
			List<CurrentAccount> churn = new ArrayList<>();
			for (int i = 0; i < churners; i++) {
				churn.add(participants.verified("Soak Churn " + i));
			}
			Path sessions = Wrk.sessionsFile(visitors);
			Duration early = Duration.between(clock.instant(), drawn.closesAt()).minusSeconds(closeAfter);
			if (early.isNegative()) {
				throw new IllegalStateException("The set-up took longer than the " + setUp.toSeconds()
						+ " s allowed for it: run with fewer -Dusers");
			}
			clock.advance(early);

			Path file = dataFile(context);
			long start = System.nanoTime();
			long end = start + TimeUnit.SECONDS.toNanos(seconds);
			System.out.printf(
					"Load for %d s: slips of %d ballots paced at %d/s over %d connections (to %s until %d s before "
							+ "its close at %d s, then to %s); anonymous and signed-in pages at %d/s each; a sign-in "
							+ "and sign-out a second; the draw of %s at its close (beacon margin %s)%n",
					seconds, lines, rate, CONNECTIONS, drawn.id(), 3, closeAfter, open.id(), pageRate, drawn.id(),
					BEACON_MARGIN);
			Sampler sampler = new Sampler(mongo, file, start, sampleSeconds);
			Benchmarks.HeapSampler heap = new Benchmarks.HeapSampler();
			load.submit(sampler);

			int submitPause = CONNECTIONS * 1000 / rate;
			int pagePause = PAGE_CONNECTIONS * 1000 / pageRate;
			CompletableFuture<Map<String, String>> submitDrawn = CompletableFuture
				.supplyAsync(
						() -> Wrk.run(Wrk.script("play.lua"), url, 1, CONNECTIONS, closeAfter - 3, submitPause,
								sessions.toString(), drawn.id(), String.valueOf(lines), "soak-" + UUID.randomUUID()),
						load);
			CompletableFuture<Map<String, String>> submitOpen = submitDrawn
				.thenApplyAsync(
						(before) -> Wrk.run(Wrk.script("play.lua"), url, 1, CONNECTIONS,
								(int) Math.max(1, TimeUnit.NANOSECONDS.toSeconds(end - System.nanoTime())), submitPause,
								sessions.toString(), open.id(), String.valueOf(lines), "soak-" + UUID.randomUUID()),
						load);
			String anonymousPages = String.join(",", "/", "/lotteries/" + drawn.id(), "/lotteries/" + open.id(),
					"/statistics");
			String signedInPages = String.join(",", "/", "/my/wins", "/play/" + open.id(), "/account", "/my/ballots",
					"/lotteries/" + drawn.id());
			CompletableFuture<Map<String, String>> anonymous = CompletableFuture.supplyAsync(() -> Wrk
				.run(Wrk.script("pages.lua"), url, 1, PAGE_CONNECTIONS, seconds, pagePause, anonymousPages), load);
			CompletableFuture<Map<String, String>> signedIn = CompletableFuture
				.supplyAsync(() -> Wrk.run(Wrk.script("pages.lua"), url, 1, PAGE_CONNECTIONS, seconds, pagePause,
						signedInPages, sessions.toString()), load);
			Churn churning = new Churn(url, churn, start, end);
			CompletableFuture<Void> churned = CompletableFuture.runAsync(churning, load);

			Draw draw = draw(context, drawn, start, problems);

			Map<String, String> drawnRun = submitDrawn.join();
			Map<String, String> openRun = submitOpen.join();
			Map<String, String> anonymousRun = anonymous.join();
			Map<String, String> signedInRun = signedIn.join();
			churned.join();
			long storedOpen = Benchmarks.settledSlips(mongo, open.id());
			// H2 writes what changed within 100 ms
			Thread.sleep(500);
			sampler.close();
			heap.close();
			sampler.sample();
			double loadSeconds = (System.nanoTime() - start) / 1e9;

			System.out.println();
			System.out.println("LATENCY (wrk, per request, from its own process; paced: each connection waits "
					+ "before each request)");
			submissions("slips to " + drawn.id() + " (closing)", drawnRun, lines);
			submissions("slips to " + open.id() + " (open)", openRun, lines);
			pages("anonymous pages " + anonymousPages, anonymousRun, problems);
			pages("signed-in pages " + signedInPages, signedInRun, problems);
			System.out.printf(
					"  sign-in churn (this JVM): %,d signed in and out, %,d failed; sign-in (form and "
							+ "post) p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
					churning.cycles(), churning.failures.get(), churning.percentile(50), churning.percentile(99),
					churning.percentile(100));
			if (churning.failures.get() > 0) {
				problems.add(churning.failures.get() + " sign-ins or sign-outs failed (" + churning.lastFailure + ")");
			}

			System.out.println();
			Stored drawnSlips = stored(mongo, drawn.id());
			Stored openSlips = stored(mongo, open.id());
			if (openSlips.slips() != storedOpen) {
				problems.add("the open lottery's slips changed after the load stopped");
			}
			slips(drawn.id(), drawnRun, drawnSlips, problems);
			slips(open.id(), openRun, openSlips, problems);
			double serverBallots = context.getBean(MeterRegistry.class).counter("novanta.ballots.accepted").count();
			long storedBallots = drawnSlips.ballots() + openSlips.ballots();
			System.out.printf(
					"SOAK SLIPS ballots accepted by the server (novanta.ballots.accepted) %,.0f, stored %,d "
							+ "-> %s%n",
					serverBallots, storedBallots, (serverBallots == storedBallots) ? "EQUAL" : "DIFFERENT");
			if (serverBallots != storedBallots) {
				problems.add("the server accepted " + (long) serverBallots + " ballots and stored " + storedBallots);
			}
			settled(context, lotteries, drawn, drawnSlips, problems);
			mail(context, mongo, drawn, problems);
			if (draw.done() == 0) {
				problems.add("the draw did not finish");
			}
			else if (draw.done() > loadSeconds) {
				problems.add(String.format("the draw finished at %.0f s, after the load (%.0f s)", draw.done(),
						loadSeconds));
			}

			System.out.println();
			sampler.summary(drawnSlips.slips() + openSlips.slips(), drawnSlips.ballots() + openSlips.ballots());
			System.out.printf(
					"SOAK HEAP peak %,d MiB (sampled every 20 ms), %,d MiB in use at the end, max heap %,d " + "MiB%n",
					heap.peakMiB(), usedMiB(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
		}
		finally {
			load.shutdownNow();
		}
		if (!problems.isEmpty()) {
			System.out.println("SOAK FAILED:");
			problems.forEach((problem) -> System.out.println("  - " + problem));
			throw new IllegalStateException("Soak failed: " + String.join("; ", problems));
		}
		System.out.println("SOAK OK: nothing lost, nothing doubled");
	}

	/** The embedded database's file, or {@code null} in memory. */
	private static Path dataFile(ConfigurableApplicationContext context) {
		String dir = context.getEnvironment().getProperty("lottery.database.data-dir");
		Path file = (dir != null) ? Path.of(dir, "novanta.mv.db") : null;
		return (file != null && Files.exists(file)) ? file : null;
	}

	/**
	 * Waits for the lottery's close on the running clock, then draws it as the scheduler
	 * would, while the load goes on: close and digest, the beacon round once due,
	 * settlement and the results step; then the dispatcher until its mail is sent.
	 */
	private static Draw draw(ConfigurableApplicationContext context, Lottery lottery, long start,
			List<String> problems) {
		MutableClock clock = context.getBean(MutableClock.class);
		DrawPipeline pipeline = context.getBean(DrawPipeline.class);
		MongoOperations mongo = context.getBean(MongoOperations.class);
		try {
			waitFor(clock, lottery.closesAt());
			long closeStart = System.nanoTime();
			LotteryStatus digested = pipeline.advance(lottery.id());
			double closeSeconds = (System.nanoTime() - closeStart) / 1e9;
			Lottery closed = new TestLotteries(context).reload(lottery);
			System.out.printf(
					"DRAW %s at %.0f s: closed, %,d ballots digested in %.1f s (%s); beacon round due %s " + "later%n",
					lottery.id(), since(start), closed.ballotCount(), closeSeconds, digested,
					Duration.between(lottery.closesAt(), closed.beacon().due()));
			waitFor(clock, closed.beacon().due());
			long drawStart = System.nanoTime();
			LotteryStatus status = pipeline.advance(lottery.id());
			double drawSeconds = (System.nanoTime() - drawStart) / 1e9;
			long written = mongo.count(drawMail(lottery), OutboxMessage.class);
			System.out.printf("DRAW %s at %.0f s: %s in %.1f s (beacon, draw, settlement, %,d result emails written)%n",
					lottery.id(), since(start), status, drawSeconds, written);
			if (status != LotteryStatus.NOTIFIED) {
				problems.add("the draw of " + lottery.id() + " stopped at " + status);
			}
			OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
			Query waiting = Query.query(Criteria.where("status").in(OutboxStatus.PENDING, OutboxStatus.SENDING));
			long sendStart = System.nanoTime();
			while (mongo.exists(waiting, OutboxMessage.class) || !dispatcher.isIdle()) {
				dispatcher.dispatchDue();
				Thread.sleep(200);
				if (System.nanoTime() - sendStart > TimeUnit.MINUTES.toNanos(5)) {
					problems.add("the result emails were not all sent within 5 minutes");
					break;
				}
			}
			double done = since(start);
			System.out.printf("DRAW %s at %.0f s: its mail sent, %.1f s after the results step%n", lottery.id(), done,
					(System.nanoTime() - sendStart) / 1e9);
			return new Draw(done);
		}
		catch (RuntimeException | InterruptedException ex) {
			problems.add("the draw failed: " + ex);
			ex.printStackTrace();
			return new Draw(0);
		}
	}

	private static void waitFor(MutableClock clock, Instant instant) throws InterruptedException {
		while (clock.instant().isBefore(instant)) {
			Thread.sleep(100);
		}
	}

	private static double since(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static Query drawMail(Lottery lottery) {
		return Query.query(Criteria.where("_id").regex("^draw:" + lottery.id() + ":"));
	}

	private static void submissions(String name, Map<String, String> run, int lines) {
		double elapsed = Double.parseDouble(run.get("seconds"));
		long accepted = Long.parseLong(run.get("accepted"));
		System.out.printf(
				"  %-36s %4.0f s: %,6d accepted (%,.1f slips/s, %,.0f ballots/s), p50 %s, p90 %s, p99 %s, max %s; "
						+ "refused %s, 5xx %s, socket errors %s%n",
				name, elapsed, accepted, accepted / elapsed, accepted * lines / elapsed, Wrk.ms(run.get("p50")),
				Wrk.ms(run.get("p90")), Wrk.ms(run.get("p99")), Wrk.ms(run.get("max")), run.get("refused"),
				run.get("failed"), run.get("errors"));
	}

	private static void pages(String name, Map<String, String> run, List<String> problems) {
		double elapsed = Double.parseDouble(run.get("seconds"));
		System.out.printf(
				"  %s%n  %-36s %4.0f s: %,6d answered 200 (%,.1f/s), p50 %s, p90 %s, p99 %s, max %s; "
						+ "other %s, socket errors %s%n",
				name, "", elapsed, Long.parseLong(run.get("ok")), Long.parseLong(run.get("ok")) / elapsed,
				Wrk.ms(run.get("p50")), Wrk.ms(run.get("p90")), Wrk.ms(run.get("p99")), Wrk.ms(run.get("max")),
				run.get("other"), run.get("errors"));
		if (!"0".equals(run.get("other")) || !"0".equals(run.get("errors"))) {
			problems.add(name + ": " + run.get("other") + " answers other than 200, " + run.get("errors")
					+ " socket errors");
		}
	}

	/**
	 * wrk stops with up to one request a connection in flight: the server still stores
	 * those, wrk never sees their answer. The server's own count is compared exactly.
	 */
	private static void slips(String lotteryId, Map<String, String> run, Stored stored, List<String> problems) {
		long accepted = Long.parseLong(run.get("accepted"));
		boolean agrees = stored.slips() >= accepted && stored.slips() <= accepted + CONNECTIONS;
		System.out.printf(
				"SOAK SLIPS %s: accepted (wrk) %,d, stored %,d (%d answered after wrk stopped), %,d "
						+ "distinct submission keys -> %s%n",
				lotteryId, accepted, stored.slips(), stored.slips() - accepted, stored.keys(),
				(agrees && stored.keys() == stored.slips()) ? "OK" : "DIFFERENT");
		if (!agrees) {
			problems.add(lotteryId + ": wrk saw " + accepted + " slips accepted, " + stored.slips() + " are stored");
		}
		if (stored.keys() != stored.slips()) {
			problems.add(lotteryId + ": " + stored.slips() + " slips stored for " + stored.keys() + " submissions");
		}
		for (String count : List.of("refused", "failed", "errors")) {
			if (!"0".equals(run.get(count))) {
				problems.add(lotteryId + ": " + run.get(count) + " submissions " + count);
			}
		}
	}

	/** Every ballot stored was settled, and the summary counts every participant. */
	private static void settled(ConfigurableApplicationContext context, TestLotteries lotteries, Lottery lottery,
			Stored stored, List<String> problems) {
		Lottery settled = lotteries.reload(lottery);
		long participations = context.getBean(MongoOperations.class)
			.count(Query.query(Criteria.where("lotteryId").is(lottery.id())), Participation.class);
		long summaryBallots = (settled.summary() != null) ? settled.summary().ballots() : -1;
		long summaryParticipants = (settled.summary() != null) ? settled.summary().participants() : -1;
		boolean agrees = settled.ballotCount() != null && settled.ballotCount() == stored.ballots()
				&& summaryBallots == stored.ballots() && summaryParticipants == participations;
		System.out.printf(
				"SOAK DRAW %s %s: ballots stored %,d, digested %s, settled %,d; participants %,d, in the "
						+ "summary %,d; %,d winners -> %s%n",
				lottery.id(), settled.status(), stored.ballots(), settled.ballotCount(), summaryBallots, participations,
				summaryParticipants, (settled.summary() != null) ? settled.summary().winners() : 0,
				agrees ? "OK" : "DIFFERENT");
		if (!agrees) {
			problems.add(lottery.id() + ": ballots stored " + stored.ballots() + ", digested " + settled.ballotCount()
					+ ", settled " + summaryBallots + "; participants " + participations + ", in the summary "
					+ summaryParticipants);
		}
	}

	/**
	 * One result email per participant of the drawn lottery in the outbox, all sent, and
	 * exactly one caught for each.
	 */
	private static void mail(ConfigurableApplicationContext context, MongoOperations mongo, Lottery lottery,
			List<String> problems) {
		List<String> accountIds = mongo
			.find(Query.query(Criteria.where("lotteryId").is(lottery.id())), Participation.class)
			.stream()
			.map(Participation::accountId)
			.toList();
		Set<String> emails = new HashSet<>();
		mongo.find(Query.query(Criteria.where("_id").in(accountIds)), Account.class)
			.forEach((account) -> emails.add(account.email().toLowerCase(Locale.ROOT)));
		long written = mongo.count(drawMail(lottery), OutboxMessage.class);
		long sent = mongo.count(
				Query.query(
						Criteria.where("_id").regex("^draw:" + lottery.id() + ":").and("status").is(OutboxStatus.SENT)),
				OutboxMessage.class);
		long sentAll = mongo.count(Query.query(Criteria.where("status").is(OutboxStatus.SENT)), OutboxMessage.class);
		Map<String, Integer> caught = new HashMap<>();
		List<CaughtMail> messages = context.getBean(DevMailbox.class).messages();
		for (CaughtMail message : messages) {
			for (String to : message.to().split(",")) {
				caught.merge(to.trim().toLowerCase(Locale.ROOT), 1, Integer::sum);
			}
		}
		long once = emails.stream().filter((email) -> caught.getOrDefault(email, 0) == 1).count();
		long twice = emails.stream().filter((email) -> caught.getOrDefault(email, 0) > 1).count();
		long none = emails.size() - once - twice;
		boolean agrees = written == accountIds.size() && sent == written && once == emails.size()
				&& emails.size() == accountIds.size() && messages.size() == sentAll;
		System.out.printf("SOAK MAIL %s: %,d participants, %,d result emails in the outbox, %,d sent; caught: "
				+ "%,d participants exactly once, %,d more than once, %,d never; %,d caught in all for %,d sent in "
				+ "all -> %s%n", lottery.id(), accountIds.size(), written, sent, once, twice, none, messages.size(),
				sentAll, agrees ? "OK" : "DIFFERENT");
		if (!agrees) {
			problems.add(String.format(
					"result mail of %s: %d participants (%d addresses), %d in the outbox, %d sent; caught once %d, "
							+ "more than once %d, never %d; %d caught for %d sent",
					lottery.id(), accountIds.size(), emails.size(), written, sent, once, twice, none, messages.size(),
					sentAll));
		}
	}

	/** A lottery's slips as stored: how many, their ballots, their distinct keys. */
	private static Stored stored(MongoOperations mongo, String lotteryId) {
		Query query = Query.query(Criteria.where("lotteryId").is(lotteryId).and("tombstone").ne(true));
		query.fields().include("lines", "submissionKey");
		long slips = 0;
		long ballots = 0;
		Set<String> keys = new HashSet<>();
		for (Document slip : mongo.find(query, Document.class, "ballots")) {
			slips++;
			ballots += slip.getList("lines", Object.class).size();
			keys.add(slip.getString("submissionKey"));
		}
		return new Stored(slips, ballots, keys.size());
	}

	private static long usedMiB() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	private record Stored(long slips, long ballots, long keys) {
	}

	/**
	 * @param done when the draw's mail was all sent, in seconds into the run (0: never)
	 */
	private record Draw(double done) {
	}

	/**
	 * Every few seconds: the data file's size, the heap, what is stored; printed as it
	 * goes.
	 */
	private static final class Sampler implements Runnable {

		private final MongoOperations mongo;

		private final Path file;

		private final long start;

		private final int seconds;

		private final AtomicLong maxFile = new AtomicLong();

		private final long startBytes;

		private volatile boolean running = true;

		Sampler(MongoOperations mongo, Path file, long start, int seconds) {
			this.mongo = mongo;
			this.file = file;
			this.start = start;
			this.seconds = seconds;
			this.startBytes = fileBytes();
			System.out.printf("%n%6s %10s %10s %12s %10s %10s %9s %9s%n", "t (s)", "file (MB)", "KB/slip", "heap (MiB)",
					"after GC", "slips", "sessions", "mail sent");
		}

		@Override
		public void run() {
			for (int i = 1; this.running; i++) {
				LockSupport
					.parkNanos(this.start + TimeUnit.SECONDS.toNanos((long) i * this.seconds) - System.nanoTime());
				if (this.running) {
					sample();
				}
			}
		}

		void sample() {
			try {
				long bytes = fileBytes();
				this.maxFile.accumulateAndGet(bytes, Math::max);
				long slips = this.mongo.count(Query.query(Criteria.where("tombstone").ne(true)), "ballots");
				long sessions = this.mongo.getCollection("sessions").countDocuments();
				long sent = this.mongo.count(Query.query(Criteria.where("status").is(OutboxStatus.SENT)),
						OutboxMessage.class);
				System.out.printf("%6.0f %10.1f %10.1f %12d %10d %10d %9d %9d%n", since(this.start), bytes / 1e6,
						bytes / 1e3 / Math.max(1, slips), usedMiB(), afterGcMiB(), slips, sessions, sent);
			}
			catch (RuntimeException ex) {
				System.out.println("(sample failed: " + ex + ")");
			}
		}

		private long fileBytes() {
			try {
				return (this.file != null) ? Files.size(this.file) : 0;
			}
			catch (IOException ex) {
				return 0;
			}
		}

		/**
		 * The heap in use just after the last collection of each of its pools, as the JVM
		 * reports it: what stays, without the garbage not yet collected.
		 */
		private static long afterGcMiB() {
			long used = 0;
			for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
				if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
					used += pool.getCollectionUsage().getUsed();
				}
			}
			return used / (1024 * 1024);
		}

		void close() {
			this.running = false;
		}

		void summary(long slips, long ballots) {
			long bytes = fileBytes();
			System.out.printf(
					"SOAK FILE at the end %,.1f MB, largest during the run %,.1f MB, %,.1f MB when the "
							+ "load began (%,.2f KB more for each slip stored during the run)%n",
					bytes / 1e6, this.maxFile.get() / 1e6, this.startBytes / 1e6,
					(bytes - this.startBytes) / 1e3 / Math.max(1, slips));
			System.out.printf(
					"SOAK FILE PER SLIP %,.2f KB a stored slip (%,d slips, %,d ballots; issue 18's goal: "
							+ "2 KB), %,.0f MB a million ballots%n",
					bytes / 1e3 / Math.max(1, slips), slips, ballots, bytes / Math.max(1.0, ballots));
		}

	}

	/**
	 * Other participants signing in through the form, reading their account page and
	 * signing out, one a second, in this JVM (a sign-in is three requests in a row, which
	 * wrk's scripts do not chain).
	 */
	private static final class Churn implements Runnable {

		private final String url;

		private final List<CurrentAccount> accounts;

		private final long start;

		private final long end;

		private final List<Long> latencies = new CopyOnWriteArrayList<>();

		private final AtomicLong failures = new AtomicLong();

		private volatile String lastFailure = "";

		Churn(String url, List<CurrentAccount> accounts, long start, long end) {
			this.url = url;
			this.accounts = accounts;
			this.start = start;
			this.end = end;
		}

		@Override
		public void run() {
			// one a second, or fewer when a sign-in takes longer (password hashing is
			// slow
			// on purpose): it stops with the rest of the load, not when it has caught up
			for (int i = 0; System.nanoTime() < this.end; i++) {
				LockSupport.parkNanos(this.start + TimeUnit.SECONDS.toNanos(i) - System.nanoTime());
				if (System.nanoTime() >= this.end) {
					return;
				}
				CurrentAccount account = this.accounts.get(i % this.accounts.size());
				WebVisitor visitor = new WebVisitor(this.url);
				try {
					long sent = System.nanoTime();
					if (!visitor.signIn(account.email(), TestParticipants.PASSWORD)) {
						fail("sign-in refused");
						continue;
					}
					this.latencies.add(System.nanoTime() - sent);
					WebVisitor.Page page = visitor.get("/account");
					if (page.status() != 200) {
						fail("account page " + page.status());
						continue;
					}
					WebVisitor.Page out = visitor.post("/signout", Map.of());
					if (out.status() != 302 || !out.location().contains("signedOut")) {
						fail("sign-out " + out.status() + " " + out.location());
					}
				}
				catch (RuntimeException ex) {
					fail(ex.toString());
				}
			}
		}

		private void fail(String why) {
			this.failures.incrementAndGet();
			this.lastFailure = why;
		}

		long cycles() {
			return this.latencies.size();
		}

		double percentile(double p) {
			long[] sorted = this.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
			if (sorted.length == 0) {
				return Double.NaN;
			}
			return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1)] / 1e6;
		}

	}

}
