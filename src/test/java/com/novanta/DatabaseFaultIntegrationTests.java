package com.novanta;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestPlayForm;
import com.novanta.config.DatabaseIndexes;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.TestSmtpServer;
import com.novanta.testing.AppInstance;
import com.novanta.testing.FaultyDatabase;
import com.novanta.testing.FrozenClockExtension;
import com.novanta.testing.MutableClock;
import com.novanta.testing.ProcessTest;
import com.novanta.testing.WebVisitor;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application and its database going away: at start-up, between requests and in the
 * middle of a ballot submission. Requests fail with a clear 503 page, the health endpoint
 * says what is wrong, the application recovers by itself when the database is back, and
 * no ballot is half-stored or stored twice.
 */
@ProcessTest
@ExtendWith({ OutputCaptureExtension.class, FrozenClockExtension.class })
class DatabaseFaultIntegrationTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void startsWithoutItsDatabaseSaysSoAndRecoversWhenItComes(CapturedOutput output) throws Exception {
		try (FaultyDatabase database = new FaultyDatabase();
				TestSmtpServer smtp = startedSmtp();
				AppInstance app = AppInstance.start(database.uri(), smtp.port(), this.clock,
						"--lottery.database.server-selection-timeout=1s")) {
			assertThat(output).contains("The database cannot be reached");
			WebVisitor visitor = new WebVisitor(app.url());

			WebVisitor.Page health = visitor.get("/actuator/health");
			assertThat(health.status()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"DOWN\"").contains("\"mongo\":{\"status\":\"DOWN\"");
			assertThat(visitor.get("/actuator/health/readiness").status()).isEqualTo(503);
			assertUnavailable(visitor.get("/"));
			assertThat(app.bean(DatabaseIndexes.class).complete()).isFalse();

			database.start();

			Awaitility.await()
				.atMost(Duration.ofSeconds(30))
				.until(() -> visitor.get("/actuator/health").status() == 200);
			assertThat(visitor.get("/actuator/health/readiness").status()).isEqualTo(200);
			assertThat(app.bean(DatabaseIndexes.class).complete()).isTrue();
			assertThat(visitor.get("/").status()).isEqualTo(200);
			CurrentAccount player = new TestParticipants(app.context()).verified("Katherine Johnson");
			assertThat(visitor.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();
			assertThat(visitor.get("/account").body()).contains(player.email());
		}
	}

	@Test
	void anOutageFailsRequestsCleanlyAndASubmissionCutShortIsStoredOnceWhenRetried() throws Exception {
		try (FaultyDatabase database = new FaultyDatabase(); TestSmtpServer smtp = startedSmtp()) {
			database.start();
			try (AppInstance app = AppInstance.start(database.uri(), smtp.port(), this.clock,
					"--lottery.database.server-selection-timeout=1s")) {
				MongoTemplate mongo = app.bean(MongoTemplate.class);
				CurrentAccount player = new TestParticipants(app.context()).verified("Hedy Lamarr");
				Lottery lottery = new TestLotteries(app.context()).open("daily");
				WebVisitor visitor = new WebVisitor(app.url());
				assertThat(visitor.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();

				// the connection drops before the slip is written; then the database is
				// down for a while
				String first = TestPlayForm.key(visitor.get("/play/" + lottery.id()).body());
				database.dropConnectionOn("insert", "ballots", false);
				assertUnavailable(visitor.post("/play/" + lottery.id(), ballots(first, 2)));
				database.stop();
				assertUnavailable(visitor.get("/my/ballots"));
				assertUnavailable(visitor.post("/play/" + lottery.id(), ballots(first, 2)));
				WebVisitor.Page fragment = visitor.htmxGet("/my/ballots");
				assertThat(fragment.status()).isEqualTo(503);
				assertThat(fragment.header("HX-Retarget")).isEqualTo("#alerts");
				assertThat(visitor.get("/actuator/health").status()).isEqualTo(503);

				database.start();
				Awaitility.await()
					.atMost(Duration.ofSeconds(30))
					.until(() -> visitor.get("/actuator/health").status() == 200);
				assertThat(slips(mongo, player, first)).as("nothing stored by the attempt cut short").isZero();

				WebVisitor.Page retried = visitor.post("/play/" + lottery.id(), ballots(first, 2));
				assertThat(retried.status()).isEqualTo(302);
				assertThat(retried.location()).endsWith("?accepted");
				assertThat(slips(mongo, player, first)).isEqualTo(1);
				assertThat(participation(mongo, lottery, player)).as("ballots counted against the limit").isEqualTo(2);

				// the connection drops after the slip is written: the participant cannot
				// know, and their retry finds it
				String second = TestPlayForm.key(visitor.get("/play/" + lottery.id()).body());
				database.dropConnectionOn("insert", "ballots", true);
				assertUnavailable(visitor.post("/play/" + lottery.id(), ballots(second, 3)));
				WebVisitor.Page found = visitor.post("/play/" + lottery.id(), ballots(second, 3));
				assertThat(found.status()).isEqualTo(302);
				assertThat(found.location()).endsWith("?repeated");
				assertThat(slips(mongo, player, second)).isEqualTo(1);
				assertThat(participation(mongo, lottery, player)).isEqualTo(5);
				assertThat(visitor.get("/my/ballots").status()).isEqualTo(200);
			}
		}
	}

	private static TestSmtpServer startedSmtp() throws Exception {
		TestSmtpServer smtp = new TestSmtpServer();
		smtp.start();
		return smtp;
	}

	private static void assertUnavailable(WebVisitor.Page page) {
		assertThat(page.status()).isEqualTo(503);
		assertThat(page.header("Retry-After")).isNotBlank();
		assertThat(page.body()).contains("We are briefly unavailable.")
			.doesNotContain("Exception")
			.doesNotContain("at com.");
	}

	private static long slips(MongoTemplate mongo, CurrentAccount player, String key) {
		return mongo.count(Query.query(Criteria.where("submissionKey").is(player.id() + ":" + key)), "ballots");
	}

	private static long participation(MongoTemplate mongo, Lottery lottery, CurrentAccount player) {
		Document participation = mongo.findById(lottery.id() + ":" + player.id(), Document.class, "participations");
		return ((Number) participation.get("ballots")).longValue();
	}

	/** The play form with {@code lines} lines: 1 to 6, 11 to 16, … */
	private static Map<String, List<String>> ballots(String key, int lines) {
		int[][] numbers = new int[lines][6];
		for (int line = 0; line < lines; line++) {
			for (int n = 1; n <= 6; n++) {
				numbers[line][n - 1] = line * 10 + n;
			}
		}
		return TestPlayForm.fields(key, numbers);
	}

}
