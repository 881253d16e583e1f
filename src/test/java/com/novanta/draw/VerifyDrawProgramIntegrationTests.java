package com.novanta.draw;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSlip;
import com.novanta.beacon.TestBeacon;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's checker, {@code src/site/verify/verify_draw.py}, run with Python 3 against
 * the running application over HTTP, as anyone would run it: it agrees with a real draw,
 * and catches a ballot changed after the digest was published.
 */
@IntegrationTest
class VerifyDrawProgramIntegrationTests {

	static final Path PROGRAM = Path.of("src", "site", "verify", "verify_draw.py");

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	TestLotteries testLotteries;

	Lottery lottery;

	WinningBallots.Found found;

	@BeforeEach
	void setUp() {
		this.testLotteries = new TestLotteries(this.context);
		this.lottery = this.testLotteries.open("daily");
		// three slips: one ballot matches three winning numbers, one two, one fewer
		this.found = WinningBallots.search(this.lottery.id(), this.testLotteries.drawInputs(this.lottery.id()), 16,
				new int[] { 1, 1, 1 }, (matches) -> matches[0] == 3 && matches[1] == 2 && matches[2] < 2);
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount ada = participants.verified("Ada Lovelace");
		CurrentAccount grace = participants.verified("Grace Hopper");
		TestSlips slips = new TestSlips(this.context);
		slips.play(ada, this.lottery, this.found.ballot(0));
		slips.play(grace, this.lottery, this.found.ballot(1));
		slips.play(ada, this.lottery, this.found.ballot(2));
	}

	@Test
	void theProgramAgreesWithTheDrawFromThePublicDataAlone() throws Exception {
		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.ballotDigest()).isEqualTo(this.found.digest());

		Run run = run(drawn.id());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("ok    3 ballots, by slip and line",
				"ok    every leaf hash recomputed from its ballot is the published one",
				"ok    the Merkle root is the published ballot digest",
				"ok    SHA-256(seed) is the commitment published when the lottery opened",
				"ok    the ballot digest was published before the beacon round",
				"ok    the beacon round is due after the close",
				"ok    the beacon value is SHA-256 of the round's signature",
				"beacon: chain " + TestBeacon.CHAIN + ", round " + drawn.beacon().round(),
				"ok    the numbers drawn from the seed, the digest and the beacon value are the published ones",
				"ok    winners per tier are the published ones", "ok    the jackpot pool is the published one",
				"ok    each tier pays the published prize", "ok    what rolls over is the published amount",
				"winning numbers " + Arrays.toString(this.found.drawn()),
				"3 of 6: " + drawn.summary().winnersOf(3) + " winning ballots",
				"2 of 6: " + drawn.summary().winnersOf(2) + " winning ballots", "6 of 6: 0 winning ballots",
				"Every check passed");
		assertThat(drawn.summary().winnersOf(3)).isEqualTo(1);
		assertThat(drawn.summary().winnersOf(2)).isEqualTo(1);
	}

	@Test
	void theProgramCatchesABallotChangedAfterTheDigestWasPublished() throws Exception {
		TestPipelines.drawAtClose(this.context, this.lottery);
		Lottery drawn = this.testLotteries.reload(this.lottery);
		// the losing ballot made a winner of three, in the database, after the draw
		int[] winning = this.found.drawn();
		int[] changed = { winning[0], winning[1], winning[2], 0, 0, 0 };
		int next = 0;
		for (int n = 1; next < 3; n++) {
			if (Arrays.binarySearch(winning, n) < 0) {
				changed[3 + next++] = n;
			}
		}
		Arrays.sort(changed);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(BallotSlip.id(drawn.id(), 3))),
				new Update().set("lines", List.of(Arrays.stream(changed).boxed().toList())), BallotSlip.class);

		Run run = run(drawn.id());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("FAIL  the Merkle root is the published ballot digest",
				"FAIL  winners per tier are the published ones", "ok    SHA-256(seed) is the commitment");
	}

	@Test
	void theProgramCatchesABeaconValueChangedAfterTheDraw() throws Exception {
		TestPipelines.drawAtClose(this.context, this.lottery);
		Lottery drawn = this.testLotteries.reload(this.lottery);
		// another round's value: a real one, but not this round's
		setBeacon(drawn, "beacon.fetched.value", TestBeacon.value(drawn.beacon().round() + 1));

		Run run = run(drawn.id());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("FAIL  the beacon value is SHA-256 of the round's signature",
				"FAIL  the numbers drawn from the seed, the digest and the beacon value are the published ones",
				"ok    the Merkle root is the published ballot digest");
	}

	@Test
	void theProgramCatchesABeaconSignatureChangedAfterTheDraw() throws Exception {
		TestPipelines.drawAtClose(this.context, this.lottery);
		Lottery drawn = this.testLotteries.reload(this.lottery);
		setBeacon(drawn, "beacon.fetched.signature", TestBeacon.signature(drawn.beacon().round() + 1));

		Run run = run(drawn.id());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
		assertThat(run.output()).contains("FAIL  the beacon value is SHA-256 of the round's signature",
				"ok    the numbers drawn from the seed, the digest and the beacon value are the published ones");
	}

	@Test
	void theProgramSaysLoudlyThatAnOverriddenDrawHadNoBeacon() throws Exception {
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		try {
			assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.CLOSED);
		}
		finally {
			TestBeacon.relay().reset();
		}
		Lottery waiting = this.testLotteries.reload(this.lottery);
		Instant now = this.clock.instant();
		this.clock.freezeAt(waiting.beacon().due().plus(Duration.ofHours(2)));
		try {
			assertThat(this.context.getBean(LotterySteps.class)
				.overrideBeacon(waiting.id(), "drand unreachable since the close", "admin-account-id")).isPresent();
			assertThat(this.context.getBean(DrawPipeline.class).advance(waiting.id()))
				.isEqualTo(LotteryStatus.NOTIFIED);
		}
		finally {
			this.clock.freezeAt(now);
		}

		Run run = run(waiting.id());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output())
			.contains("DRAWN WITHOUT THE PUBLIC BEACON", "drand unreachable since the close",
					"ok    the numbers drawn from the seed and the digest are the published ones (WITHOUT the beacon)",
					"but WITHOUT a public beacon round")
			.doesNotContain("admin-account-id");
	}

	@Test
	void theProgramSaysWhenTheLotteryIsNotDrawnYet() throws Exception {
		Run run = run(this.lottery.id());

		assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
		assertThat(run.output()).contains("not drawn yet");
	}

	private void setBeacon(Lottery lottery, String field, String value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(lottery.id())), new Update().set(field, value),
				"lotteries");
	}

	private Run run(String lotteryId) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("python3", PROGRAM.toString(), "http://localhost:" + this.port, lotteryId)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("python3 ends").isTrue();
		return new Run(process.exitValue(), output);
	}

	record Run(int exitCode, String output) {

	}

}
