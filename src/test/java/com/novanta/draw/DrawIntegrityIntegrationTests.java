package com.novanta.draw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditLog;
import com.novanta.audit.TestAudit;
import com.novanta.ballot.BallotLedger;
import com.novanta.ballot.BallotSubmission;
import com.novanta.ballot.SubmissionResult;
import com.novanta.fairness.Fairness;
import com.novanta.game.GameCatalog;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.winner.Winners;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The draw never goes on with inputs other than those published: a seed whose SHA-256 is
 * not the commitment, a seed that cannot be read, or ballots whose digest is not the
 * published one. The lottery stays where it is, and the log, the
 * {@code novanta.draw.refused} metric and the audit log say why.
 */
@IntegrationTest
class DrawIntegrityIntegrationTests {

	private static final String OTHER_SEED = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

	@Autowired
	private BeaconStep beaconStep;

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	BallotSubmission submission;

	@Autowired
	LotterySteps steps;

	@Autowired
	BallotLedger ledger;

	@Autowired
	Winners winners;

	@Autowired
	GameCatalog games;

	@Autowired
	AuditLog audit;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MeterRegistry meters;

	TestLotteries lotteries;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.lotteries = new TestLotteries(this.context);
		this.lottery = this.lotteries.open("daily");
	}

	@Test
	void aStoredSeedOtherThanTheCommittedOneIsNeverDrawnWith() {
		String committed = this.lotteries.seed(this.lottery.id());
		fill(this.lottery, 20, 1);
		// someone with the key and the database swaps the seed
		this.lotteries.storeSeed(this.lottery.id(), OTHER_SEED);
		double before = refused("seed-commitment");

		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.CLOSED);
		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.CLOSED);

		assertNotDrawn();
		assertThat(refused("seed-commitment") - before).isEqualTo(2);
		// said once, however often the worker tries again
		assertThat(new TestAudit(this.context).only(this.lottery.id(), "LOTTERY_DRAW_REFUSED").after())
			.containsEntry("reason", "seed-commitment");

		// the committed seed put back: drawn with it
		this.lotteries.storeSeed(this.lottery.id(), committed);
		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = this.lotteries.reload(this.lottery);
		assertThat(drawn.seed()).isEqualTo(committed);
		assertThat(drawn.drawOrder()).containsExactly(
				Arrays.stream(Fairness.draw(committed, drawn.ballotDigest(), drawn.beacon().value(), 6, 90))
					.boxed()
					.toArray(Integer[]::new));
	}

	@Test
	void aSeedSwappedInPlainHexAsSeedsWereStoredBeforeIsRefusedToo() {
		this.lotteries.storePlainSeed(this.lottery.id(), OTHER_SEED);
		double before = refused("seed-commitment");

		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.CLOSED);

		assertNotDrawn();
		assertThat(refused("seed-commitment") - before).isEqualTo(1);
	}

	@Test
	void aSealedSeedThatDoesNotOpenIsRefused() {
		Lottery other = this.lotteries.open("daily");
		// the sealed seed of another lottery, copied onto this one
		Document stored = this.lotteries.storedSeed(other.id());
		this.mongo.getCollection("lottery_seeds")
			.updateOne(new Document("_id", this.lottery.id()),
					new Document("$set", new Document("sealed", stored.getString("sealed"))));
		double before = refused("seed-unreadable");

		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.CLOSED);

		assertNotDrawn();
		assertThat(refused("seed-unreadable") - before).isEqualTo(1);
		assertThat(new TestAudit(this.context).only(this.lottery.id(), "LOTTERY_DRAW_REFUSED").after())
			.containsEntry("reason", "seed-unreadable");
	}

	@Test
	void settlementAfterARestartRefusesBallotsWhoseDigestIsNotThePublishedOne() {
		fill(this.lottery, 30, 2);
		crashAtFirstSettlementBatch();
		Lottery drawn = this.lotteries.reload(this.lottery);
		assertThat(drawn.status()).isEqualTo(LotteryStatus.DRAWN);
		// a ballot changed in the database after its digest was published
		Document slip = this.mongo.getCollection("ballots")
			.find(new Document("lotteryId", this.lottery.id()).append("slip", 1L))
			.first();
		List<Integer> original = slip.getList("lines", List.class).get(0);
		List<Integer> changed = original.equals(List.of(1, 2, 3, 4, 5, 6)) ? List.of(1, 2, 3, 4, 5, 7)
				: List.of(1, 2, 3, 4, 5, 6);
		setFirstLine(slip, changed);
		double before = refused("ballot-digest");

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.DRAWN);
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.DRAWN);

		assertThat(this.lotteries.reload(this.lottery).summary()).isNull();
		assertThat(refused("ballot-digest") - before).isEqualTo(2);
		assertThat(new TestAudit(this.context).only(this.lottery.id(), "LOTTERY_DRAW_REFUSED").after())
			.containsEntry("reason", "ballot-digest");

		// the ballots as digested: settled
		setFirstLine(slip, original);
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(this.lotteries.reload(this.lottery).summary().ballots()).isEqualTo(drawn.ballotCount());
	}

	@Test
	void settlementAfterARestartWithTheSameBallotsSettles() {
		fill(this.lottery, 30, 3);
		crashAtFirstSettlementBatch();
		double before = refused("ballot-digest");

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		assertThat(refused("ballot-digest")).isEqualTo(before);
	}

	/** Draws the lottery at its close, and crashes once settlement has begun. */
	private void crashAtFirstSettlementBatch() {
		this.clock.freezeAt(this.lottery.closesAt());
		DrawPipeline crashing = new DrawPipeline(this.steps, this.ledger, this.winners, this.games, this.audit,
				new DrawProperties(Duration.ofSeconds(2), Duration.ofSeconds(60), 5), this.clock, List.of(),
				this.beaconStep, new SimpleMeterRegistry());
		assertThatIllegalStateException().isThrownBy(() -> crashing.advance(this.lottery.id(), () -> {
			throw new IllegalStateException("power cut");
		}));
	}

	private void setFirstLine(Document slip, List<Integer> numbers) {
		this.mongo.getCollection("ballots")
			.updateOne(new Document("_id", slip.get("_id")), new Document("$set", new Document("lines.0", numbers)));
	}

	private void assertNotDrawn() {
		Lottery now = this.lotteries.reload(this.lottery);
		assertThat(now.status()).isEqualTo(LotteryStatus.CLOSED);
		Document stored = this.lotteries.stored(this.lottery);
		assertThat(stored).doesNotContainKeys("seed", "winningNumbers", "drawOrder", "drawnAt");
		assertThat(new TestAudit(this.context).about(this.lottery.id(), "LOTTERY_DRAWN")).isEmpty();
	}

	private double refused(String reason) {
		Counter counter = this.meters.find("novanta.draw.refused").tag("reason", reason).counter();
		return (counter != null) ? counter.count() : 0;
	}

	private void fill(Lottery lottery, int slips, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		TestParticipants participants = new TestParticipants(this.context);
		List<CurrentAccount> players = new ArrayList<>();
		for (int i = 0; i < slips / 10 + 3; i++) {
			players.add(participants.verified("Player " + i));
		}
		for (int i = 0; i < slips; i++) {
			List<List<Integer>> numbers = new ArrayList<>();
			for (int l = 0; l < 1 + random.nextInt(5); l++) {
				numbers.add(Arrays.stream(QuickPick.pick(6, 90, random)).boxed().toList());
			}
			SubmissionResult result = this.submission.submit(
					new BallotSubmission.Player(players.get(i % players.size()).id(), true), lottery.id(), numbers,
					numbers.stream().map((n) -> true).toList(), UUID.randomUUID().toString());
			assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
		}
	}

}
