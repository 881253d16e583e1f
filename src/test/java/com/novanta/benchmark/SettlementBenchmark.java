package com.novanta.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.Participation;
import com.novanta.draw.DrawPipeline;
import com.novanta.draw.TestPipelines;
import com.novanta.fairness.BallotTree;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.MutableClock;
import org.bson.types.ObjectId;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Fills a lottery with N ballots, then times close → settled: the digest pass, the draw
 * and the settlement with every winner recorded. Run it with
 * {@code ./mvnw -Pbenchmark -Dbenchmark=settlement -Dballots=1000000 -Dbackend=h2} (see
 * the README); the heap is capped at 512 MiB like the figure asked of it.
 */
public final class SettlementBenchmark {

	private SettlementBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int target = Integer.getInteger("ballots", 1_000_000);
		String backend = System.getProperty("backend", "h2");
		int participantsCount = Math.max(1, target / 50);
		String dataDir;
		try (ConfigurableApplicationContext context = Benchmarks.start(backend)) {
			dataDir = context.getEnvironment().getProperty("lottery.database.data-dir");
			MongoOperations mongo = context.getBean(MongoOperations.class);
			MutableClock clock = context.getBean(MutableClock.class);
			Lottery lottery = new TestLotteries(context).open("daily");
			System.out.printf("Settlement benchmark: %,d ballots on the %s backend (%s)%n", target, backend,
					Benchmarks.machine());

			long fillStart = System.nanoTime();
			SplittableRandom random = new SplittableRandom(20261125);
			List<String> participants = new ArrayList<>(participantsCount);
			for (int i = 0; i < participantsCount; i++) {
				participants.add(new ObjectId().toHexString());
			}
			Set<String> joined = new HashSet<>();
			List<BallotSlip> batch = new ArrayList<>(1000);
			List<Participation> participations = new ArrayList<>();
			long ballots = 0;
			long slips = 0;
			Instant at = lottery.closesAt().minusSeconds(3600);
			while (ballots < target) {
				int lines = (int) Math.min(1 + random.nextInt(10), target - ballots);
				List<List<Integer>> numbers = new ArrayList<>(lines);
				List<Boolean> quick = new ArrayList<>(lines);
				List<String> salts = new ArrayList<>(lines);
				for (int l = 0; l < lines; l++) {
					byte[] salt = new byte[BallotTree.SALT_BYTES];
					random.nextBytes(salt);
					salts.add(HexFormat.of().formatHex(salt));
					numbers.add(Arrays.stream(QuickPick.pick(6, 90, random)).boxed().toList());
					quick.add(Boolean.TRUE);
				}
				slips++;
				ballots += lines;
				String account = participants.get(random.nextInt(participants.size()));
				if (joined.add(account)) {
					participations.add(new Participation(lottery.id() + ":" + account, lottery.id(), account, "daily",
							lottery.drawDate(), 0, at));
				}
				batch.add(new BallotSlip(BallotSlip.id(lottery.id(), slips), lottery.id(), "daily", lottery.drawDate(),
						slips, account, at, numbers, quick, "D-" + slips, account + ":" + slips, null,
						100L * numbers.size(), salts, null));
				if (batch.size() == 1000) {
					mongo.insertAll(batch);
					batch.clear();
				}
			}
			mongo.insertAll(batch);
			mongo.insertAll(participations);
			new TestLotteries(context).placed(lottery, slips, ballots);
			double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
			System.out.printf("Fill: %,d ballots in %,d slips from %,d participants in %.1f s (%,.0f ballots/s)%n",
					ballots, slips, joined.size(), fillSeconds, ballots / fillSeconds);

			System.out.printf("(waited %.0f s for the database to finish writing the fill)%n",
					Benchmarks.waitUntilQuiet(300));
			clock.freezeAt(lottery.closesAt());
			Benchmarks.HeapSampler heap = new Benchmarks.HeapSampler();
			DrawPipeline pipeline = TestPipelines.untilSettled(context);
			// at the close: closed and digested; the draw then waits for the beacon round
			// (the first published at least lottery.fairness.beacon.margin after the
			// close),
			// so the clock moves on to it and the rest is timed apart: the wait is no
			// work
			long start = System.nanoTime();
			LotteryStatus digested = pipeline.advance(lottery.id());
			double digestSeconds = (System.nanoTime() - start) / 1e9;
			Lottery closed = new TestLotteries(context).reload(lottery);
			clock.freezeAt(closed.beacon().due());
			long drawStart = System.nanoTime();
			LotteryStatus status = pipeline.advance(lottery.id());
			double drawSeconds = (System.nanoTime() - drawStart) / 1e9;
			double seconds = digestSeconds + drawSeconds;
			heap.close();
			Lottery settled = new TestLotteries(context).reload(lottery);
			System.out.printf("Close -> %s: %.1f s, digest published (%s), then the beacon round %d, due %s later%n",
					digested, digestSeconds, closed.ballotDigest(), closed.beacon().round(),
					Duration.between(lottery.closesAt(), closed.beacon().due()));
			System.out.printf("Beacon round due -> %s: %.1f s (fetch and verify the round, draw, settle)%n", status,
					drawSeconds);
			System.out.printf("Close -> %s, work only: %.1f s (%,.0f ballots/s), %,d winners, peak heap %d MiB%n",
					status, seconds, settled.ballotCount() / seconds, settled.summary().winners(), heap.peakMiB());
			if ("h2".equals(backend)) {
				// what the file settles at once the compaction has caught up on the draw
				Path file = Path.of(dataDir).resolve("novanta.mv.db");
				System.out.printf("Data file after the draw: %,.1f MB%n", Files.size(file) / 1e6);
				double waited = Benchmarks.waitUntilQuiet(600);
				System.out.printf("Data file at rest, %.0f s later: %,.1f MB (%,.2f KB a slip)%n", waited,
						Files.size(file) / 1e6, Files.size(file) / 1e3 / slips);
			}
		}
		if ("h2".equals(backend)) {
			if (RestartBenchmark.packaged()) {
				RestartBenchmark.run(Path.of(dataDir));
			}
			else {
				System.out.printf("To time restarts on the file: ./mvnw -DskipTests package, then "
						+ "LOTTERY_DATA_DIR=%s ./mvnw -Pbenchmark -Dbenchmark=restart%n", dataDir);
			}
		}
	}

}
