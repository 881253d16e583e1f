package com.novanta.draw;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditLog;
import com.novanta.audit.TestAudit;
import com.novanta.ballot.BallotLedger;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.BallotSubmission;
import com.novanta.ballot.SubmissionResult;
import com.novanta.beacon.TestBeacon;
import com.novanta.fairness.BallotTree;
import com.novanta.fairness.Fairness;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@IntegrationTest
class DrawPipelineIntegrationTests {

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

	TestLotteries testLotteries;

	Lottery lottery;

	Game game;

	@BeforeEach
	void setUp() {
		this.testLotteries = new TestLotteries(this.context);
		this.lottery = this.testLotteries.open("daily");
		this.game = this.games.get("daily");
	}

	@Test
	void drawsFromTheSeedAndTheDigestSettlesEveryBallotAndRecordsEachWinnerOnce() {
		fill(this.lottery, 300, 42);
		this.clock.freezeAt(this.lottery.closesAt());

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.seed()).isNotNull();
		assertThat(Fairness.commitment(drawn.seed())).isEqualTo(this.lottery.seedCommitment());
		assertThat(drawn.recipe()).isEqualTo(3);
		assertThat(drawn.ballotDigest()).isEqualTo(recomputedDigest(drawn))
			.isEqualTo(HexFormat.of().formatHex(BallotTree.root(leaves(drawn))));
		// the beacon round fixed at creation, fetched and verified, its value mixed in
		assertThat(drawn.beacon().round()).isEqualTo(TestBeacon.roundAt(this.lottery.closesAt()));
		assertThat(drawn.beacon().fetched().value()).isEqualTo(TestBeacon.value(drawn.beacon().round()));
		assertThat(drawn.beacon().fetched().signature()).isEqualTo(TestBeacon.signature(drawn.beacon().round()));
		assertThat(drawn.beacon().overridden()).isNull();
		int[] order = Fairness.draw(drawn.seed(), drawn.ballotDigest(), drawn.beacon().fetched().value(), 6, 90);
		assertThat(drawn.drawOrder()).containsExactly(boxed(order));
		assertThat(drawn.winningNumbers()).containsExactly(boxed(Fairness.winningNumbers(order)));

		Map<String, Integer> expected = expectedWinners(drawn);
		List<Winner> recorded = this.winners.ofLottery(drawn.id());
		assertThat(recorded).extracting(Winner::id).doesNotHaveDuplicates();
		assertThat(recorded).extracting(Winner::id).containsExactlyInAnyOrderElementsOf(expected.keySet());
		assertThat(recorded).allSatisfy((winner) -> {
			assertThat(winner.tier()).isEqualTo(expected.get(winner.id()));
			assertThat(winner.prize()).isEqualTo(drawn.summary().prizeOf(winner.tier()));
			assertThat(winner.matched()).hasSize(winner.tier());
		});
		assertThat(drawn.summary().ballots()).isEqualTo(drawn.ballotCount()).isEqualTo(ballotCount(drawn));
		assertThat(drawn.summary().winners()).isEqualTo(expected.size());
	}

	@Test
	void aLotteryCreatedBeforeTheBallotTreeIsDrawnWithTheRecipeItWasCreatedWith() {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())),
				new Update().unset("recipe").unset("beacon"), "lotteries");
		fill(this.lottery, 40, 7);
		this.clock.freezeAt(this.lottery.closesAt());

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.recipe()).isEqualTo(1);
		Fairness.BallotDigest digest = new Fairness.BallotDigest(drawn.id());
		for (BallotSlip slip : slipsOf(drawn)) {
			for (int line = 0; line < slip.lines().size(); line++) {
				digest.add(slip.slip(), line, slip.numbers(line));
			}
		}
		assertThat(drawn.ballotDigest()).isEqualTo(digest.finish());
		assertThat(drawn.drawOrder()).containsExactly(boxed(Fairness.draw(drawn.seed(), drawn.ballotDigest(), 6, 90)));
	}

	@Test
	void aLotteryOfRecipeTwoIsDrawnWithoutTheBeaconEvenIfItHoldsARound() {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())), new Update().set("recipe", 2),
				"lotteries");
		fill(this.lottery, 40, 8);
		this.clock.freezeAt(this.lottery.closesAt());
		int asked = TestBeacon.relay().requests();

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.recipe()).isEqualTo(2);
		assertThat(drawn.beacon().fetched()).isNull();
		assertThat(TestBeacon.relay().requests()).isEqualTo(asked);
		assertThat(drawn.ballotDigest()).isEqualTo(HexFormat.of().formatHex(BallotTree.root(leaves(drawn))));
		assertThat(drawn.drawOrder()).containsExactly(boxed(Fairness.draw(drawn.seed(), drawn.ballotDigest(), 6, 90)));
	}

	@Test
	void everyBallotIsProvedInTheTreeWhoseRootIsTheDigest() {
		fill(this.lottery, 25, 11);
		this.clock.freezeAt(this.lottery.closesAt());
		this.pipeline.advance(this.lottery.id());

		Lottery drawn = this.testLotteries.reload(this.lottery);
		List<byte[]> leaves = leaves(drawn);
		byte[] root = HexFormat.of().parseHex(drawn.ballotDigest());
		for (int i = 0; i < leaves.size(); i++) {
			assertThat(BallotTree.verify(leaves.get(i), i, leaves.size(), BallotTree.proof(leaves, i), root)).isTrue();
		}
		assertThat(slipsOf(drawn)).allSatisfy((slip) -> assertThat(slip.salts()).hasSameSizeAs(slip.lines())
			.allSatisfy((salt) -> assertThat(salt).hasSize(2 * BallotTree.SALT_BYTES)));
	}

	@Test
	void runningEveryStepAgainChangesNothing() {
		fill(this.lottery, 120, 7);
		this.clock.freezeAt(this.lottery.closesAt());
		this.pipeline.advance(this.lottery.id());
		Document first = withoutLease(this.testLotteries.stored(this.lottery));
		List<Winner> firstWinners = this.winners.ofLottery(this.lottery.id());

		this.pipeline.advance(this.lottery.id());
		this.pipeline.advance(this.lottery.id());

		assertThat(withoutLease(this.testLotteries.stored(this.lottery))).isEqualTo(first);
		assertThat(this.winners.ofLottery(this.lottery.id())).usingRecursiveFieldByFieldElementComparator()
			.containsExactlyElementsOf(firstWinners);
	}

	@Test
	void aCrashInTheMiddleOfSettlementThenARestartGivesTheSameWinnersNoneTwice() {
		fill(this.lottery, 400, 99);
		this.clock.freezeAt(this.lottery.closesAt());
		DrawPipeline crashing = new DrawPipeline(this.steps, this.ledger, this.winners, this.games, this.audit,
				new DrawProperties(Duration.ofSeconds(2), Duration.ofSeconds(60), 5), this.clock, List.of(),
				this.beaconStep, new SimpleMeterRegistry());
		int[] batches = { 0 };
		assertThatIllegalStateException().isThrownBy(() -> crashing.advance(this.lottery.id(), () -> {
			if (++batches[0] == 3) {
				throw new IllegalStateException("power cut");
			}
		}));
		Lottery halfway = this.testLotteries.reload(this.lottery);
		assertThat(halfway.status()).isEqualTo(LotteryStatus.DRAWN);
		assertThat(this.testLotteries.leaseOwner(halfway)).as("the lease is given back").isNull();
		long recordedBeforeCrash = this.winners.countOfLottery(this.lottery.id());
		assertThat(recordedBeforeCrash).isBetween(1L, (long) expectedWinners(halfway).size() - 1);

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		Lottery settled = this.testLotteries.reload(this.lottery);
		assertThat(settled.winningNumbers()).isEqualTo(halfway.winningNumbers());
		assertThat(this.winners.ofLottery(this.lottery.id())).extracting(Winner::id)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expectedWinners(settled).keySet());
	}

	@Test
	void twoWorkersRacingForTheSameLotteryDrawItOnce() throws Exception {
		fill(this.lottery, 200, 3);
		this.clock.freezeAt(this.lottery.closesAt());
		DrawPipeline other = new DrawPipeline(this.steps, this.ledger, this.winners, this.games, this.audit,
				new DrawProperties(Duration.ofSeconds(2), Duration.ofSeconds(60), 10), this.clock, List.of(),
				this.beaconStep, new SimpleMeterRegistry());
		AllAtOnce.run(4, (i) -> {
			DrawPipeline worker = (i % 2 == 0) ? this.pipeline : other;
			return () -> worker.advance(this.lottery.id());
		});
		this.pipeline.advance(this.lottery.id());
		Lottery settled = this.testLotteries.reload(this.lottery);
		assertThat(settled.status()).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(new TestAudit(this.context).about(this.lottery.id(), "LOTTERY_DRAWN")).hasSize(1);
		assertThat(this.winners.ofLottery(this.lottery.id())).extracting(Winner::id)
			.doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(expectedWinners(settled).keySet());
	}

	@Test
	void nothingHappensBeforeTheCloseInstant() {
		fill(this.lottery, 10, 1);
		this.clock.freezeAt(this.lottery.closesAt().minusMillis(1));
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.OPEN);
		assertThat(this.testLotteries.reload(this.lottery).winningNumbers()).isNull();
	}

	@Test
	void aLotteryWithoutBallotsIsDrawnAndSettledToo() {
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery settled = this.testLotteries.reload(this.lottery);
		assertThat(settled.ballotCount()).isZero();
		assertThat(settled.winningNumbers()).hasSize(6);
		assertThat(settled.summary().winners()).isZero();
		assertThat(settled.summary().rolledOver()).isEqualTo(this.game.jackpotSeed());
	}

	@Test
	void anUnwonJackpotRollsOverToTheNextLotteryOnce() {
		fill(this.lottery, 30, 8);
		this.clock.freezeAt(this.lottery.closesAt());
		this.pipeline.advance(this.lottery.id());
		this.pipeline.advance(this.lottery.id());
		Lottery settled = this.testLotteries.reload(this.lottery);
		assertThat(settled.summary().winnersOf(6)).isZero();
		long pool = this.game.jackpotSeed()
				+ settled.ballotCount() * this.game.price() * this.game.jackpotShare() / 100;
		assertThat(settled.summary().jackpot()).isEqualTo(pool);
		assertThat(settled.summary().rolledOver()).isEqualTo(pool);
		Lottery next = this.steps.find(this.game.lotteryId(settled.drawDate().plusDays(1))).orElseThrow();
		assertThat(next.carryIn()).containsExactly(Map.entry(settled.id(), pool));
	}

	@Test
	void aBallotAcceptedJustBeforeTheCloseIsInTheDrawAndOneAtTheCloseIsNot() {
		CurrentAccount player = new TestParticipants(this.context).verified("Emmy Noether");
		this.clock.freezeAt(this.lottery.closesAt().minusMillis(1));
		assertThat(submit(player, List.of(1, 2, 3, 4, 5, 6))).isInstanceOf(SubmissionResult.Accepted.class);
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(submit(player, List.of(7, 8, 9, 10, 11, 12))).isInstanceOf(SubmissionResult.Rejected.class);
		this.pipeline.advance(this.lottery.id());
		assertThat(this.testLotteries.reload(this.lottery).ballotCount()).isEqualTo(1);
	}

	private SubmissionResult submit(CurrentAccount player, List<Integer> numbers) {
		return this.submission.submit(new BallotSubmission.Player(player.id(), true), this.lottery.id(),
				List.of(numbers), List.of(false), UUID.randomUUID().toString());
	}

	/** Submits {@code slips} slips of 1 to 10 random lines from a few participants. */
	private void fill(Lottery lottery, int slips, long seed) {
		SplittableRandom random = new SplittableRandom(seed);
		TestParticipants participants = new TestParticipants(this.context);
		List<CurrentAccount> players = new ArrayList<>();
		// at most 100 ballots each: enough players for every slip
		for (int i = 0; i < slips / 10 + 3; i++) {
			players.add(participants.verified("Player " + i));
		}
		for (int i = 0; i < slips; i++) {
			int lines = 1 + random.nextInt(10);
			List<List<Integer>> numbers = new ArrayList<>();
			for (int l = 0; l < lines; l++) {
				numbers.add(Arrays.stream(QuickPick.pick(6, 90, random)).boxed().toList());
			}
			CurrentAccount player = players.get(i % players.size());
			SubmissionResult result = this.submission.submit(new BallotSubmission.Player(player.id(), true),
					lottery.id(), numbers, numbers.stream().map((n) -> true).toList(), UUID.randomUUID().toString());
			assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
		}
	}

	private List<BallotSlip> slipsOf(Lottery lottery) {
		List<BallotSlip> slips = new ArrayList<>(this.mongo.find(
				Query.query(Criteria.where("lotteryId").is(lottery.id()).and("tombstone").ne(true)), BallotSlip.class));
		slips.sort(Comparator.comparingLong(BallotSlip::slip));
		return slips;
	}

	/** The leaf hashes of the lottery's ballots, in canonical order. */
	private List<byte[]> leaves(Lottery lottery) {
		List<byte[]> leaves = new ArrayList<>();
		for (BallotSlip slip : slipsOf(lottery)) {
			for (int line = 0; line < slip.lines().size(); line++) {
				leaves.add(HexFormat.of().parseHex(slip.leafHash(line)));
			}
		}
		return leaves;
	}

	private String recomputedDigest(Lottery lottery) {
		Fairness.Digester digest = Fairness.digester(lottery.recipe(), lottery.id());
		for (BallotSlip slip : slipsOf(lottery)) {
			for (int line = 0; line < slip.lines().size(); line++) {
				digest.add(slip.slip(), line, slip.numbers(line), slip.salt(line));
			}
		}
		return digest.finish();
	}

	private long ballotCount(Lottery lottery) {
		return slipsOf(lottery).stream().mapToLong((slip) -> slip.lines().size()).sum();
	}

	/** The winning ballots worked out by hand: ballot id and tier. */
	private Map<String, Integer> expectedWinners(Lottery lottery) {
		Set<Integer> winning = new HashSet<>(lottery.winningNumbers());
		Map<String, Integer> expected = new HashMap<>();
		for (BallotSlip slip : slipsOf(lottery)) {
			for (int line = 0; line < slip.lines().size(); line++) {
				int matches = (int) slip.lines().get(line).stream().filter(winning::contains).count();
				if (this.game.tierFor(matches).isPresent()) {
					expected.put(Winner.id(slip.id(), line), matches);
				}
			}
		}
		return expected;
	}

	/** The stored lottery but for the lease, which each run takes and gives back. */
	private static Document withoutLease(Document stored) {
		stored.remove("leaseOwner");
		stored.remove("leaseUntil");
		return stored;
	}

	private static Integer[] boxed(int[] numbers) {
		return Arrays.stream(numbers).boxed().toArray(Integer[]::new);
	}

}
