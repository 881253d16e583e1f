package com.novanta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.OutboxDispatcher;
import com.novanta.notification.TestOutbox;
import com.novanta.notification.TestSmtpServer;
import com.novanta.testing.AppInstance;
import com.novanta.testing.FaultyDatabase;
import com.novanta.testing.FrozenClockExtension;
import com.novanta.testing.InstanceMain;
import com.novanta.testing.MutableClock;
import com.novanta.testing.ProcessTest;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's process killed (SIGKILL) in the middle of a draw, just after part of
 * its work reached the database, and started again: the draw completes once, with the
 * same numbers, every winner recorded once and one email per participant.
 */
@ProcessTest
@ExtendWith(FrozenClockExtension.class)
class ProcessKilledMidDrawIntegrationTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void aDrawInterruptedByKillingTheProcessCompletesOnceAfterARestart() throws Exception {
		try (FaultyDatabase database = new FaultyDatabase(); TestSmtpServer smtp = new TestSmtpServer()) {
			database.start();
			smtp.start();
			Lottery lottery;
			List<CurrentAccount> players = new ArrayList<>();
			try (AppInstance setUp = AppInstance.start(database.uri(), smtp.port(), this.clock)) {
				lottery = new TestLotteries(setUp.context()).open("daily");
				TestSlips slips = new TestSlips(setUp.context());
				Random random = new Random(90);
				for (int p = 0; p < 30; p++) {
					CurrentAccount player = new TestParticipants(setUp.context()).verified("Player " + p);
					players.add(player);
					List<List<Integer>> lines = new ArrayList<>();
					for (int l = 0; l < 10; l++) {
						lines.add(random.ints(1, 91).distinct().limit(6).boxed().toList());
					}
					slips.play(player, lottery, lines, false);
				}
			}

			// a process of its own draws at start-up, and is killed as soon as the
			// first winners are written
			Instant closed = lottery.closesAt().plusSeconds(1);
			Path log = Files.createTempFile("novanta-killed", ".log");
			Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
					"-cp", System.getProperty("java.class.path"), InstanceMain.class.getName(), database.uri(),
					String.valueOf(smtp.port()), closed.toString())
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			AtomicReference<Boolean> killed = new AtomicReference<>(false);
			database.onCommand("insert", "winners", true, () -> {
				process.destroyForcibly();
				killed.set(true);
			});
			try {
				assertThat(process.waitFor(3, TimeUnit.MINUTES)).as("the process ended; its log: " + log).isTrue();
				assertThat(killed.get()).as("killed in the middle of the draw; its log: " + log).isTrue();
			}
			finally {
				// never left running when the test fails
				process.destroyForcibly();
			}

			List<Integer> drawnBeforeTheKill;
			try (MongoClient client = MongoClients.create(database.uri())) {
				MongoTemplate mongo = new MongoTemplate(client, "novanta");
				Document halfway = mongo.findById(lottery.id(), Document.class, "lotteries");
				assertThat(halfway.getString("status")).isEqualTo("DRAWN");
				drawnBeforeTheKill = halfway.getList("winningNumbers", Integer.class);
				assertThat(mongo.count(Query.query(Criteria.where("lotteryId").is(lottery.id())), "winners"))
					.as("winners written before the kill")
					.isPositive();
			}

			// started again after the killed process's lease ran out: it finishes the
			// draw
			this.clock.freezeAt(closed.plus(Duration.ofMinutes(5)));
			try (AppInstance restarted = AppInstance.start(database.uri(), smtp.port(), this.clock)) {
				MongoTemplate mongo = restarted.bean(MongoTemplate.class);
				Document done = mongo.findById(lottery.id(), Document.class, "lotteries");
				assertThat(done.getString("status")).isEqualTo("NOTIFIED");
				List<Integer> numbers = done.getList("winningNumbers", Integer.class);
				assertThat(numbers).isEqualTo(drawnBeforeTheKill);
				assertThat(mongo.find(Query.query(Criteria.where("lotteryId").is(lottery.id())), Document.class,
						"winners"))
					.extracting((winner) -> winner.getString("_id"))
					.doesNotHaveDuplicates()
					.containsExactlyInAnyOrderElementsOf(expectedWinners(mongo, lottery, numbers));
				assertThat(mongo.count(
						Query.query(Criteria.where("action").is("LOTTERY_DRAWN").and("targetId").is(lottery.id())),
						"audit_events"))
					.isEqualTo(1);
				// counted once nothing waits or is being sent and no worker is busy, so
				// that a duplicate sent late is counted too
				TestOutbox.awaitIdle(mongo, restarted.bean(OutboxDispatcher.class));
				for (CurrentAccount player : players) {
					String email = player.email().toLowerCase(Locale.ROOT);
					assertThat(smtp.receivedBy(email)).as(email).isEqualTo(1);
					assertThat(mongo
						.count(Query.query(Criteria.where("to").is(player.email()).and("status").is("SENT")), "outbox"))
						.as(email)
						.isEqualTo(1);
				}
			}
		}
	}

	/** Every ballot with two numbers or more matching: the daily game's lowest tier. */
	private static Set<String> expectedWinners(MongoTemplate mongo, Lottery lottery, List<Integer> numbers) {
		Set<String> expected = new HashSet<>();
		for (Document slip : mongo.find(Query.query(Criteria.where("lotteryId").is(lottery.id())), Document.class,
				"ballots")) {
			if (Boolean.TRUE.equals(slip.getBoolean("tombstone"))) {
				continue;
			}
			List<?> lines = slip.getList("lines", List.class);
			for (int i = 0; i < lines.size(); i++) {
				long matched = ((List<?>) lines.get(i)).stream().filter(numbers::contains).count();
				if (matched >= 2) {
					expected.add(slip.getString("_id") + "#" + i);
				}
			}
		}
		return expected;
	}

}
