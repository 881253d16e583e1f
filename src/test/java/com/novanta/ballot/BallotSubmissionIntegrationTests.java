package com.novanta.ballot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.responsibleplay.PlayCounts;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-side rules of a submission, each with nothing stored on failure. */
@IntegrationTest
class BallotSubmissionIntegrationTests {

	@Autowired
	PlayCounts counts;

	@Autowired
	BallotSubmission submission;

	@Autowired
	MutableClock clock;

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	CurrentAccount player;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.player = new TestParticipants(this.context).verified("Grace Hopper");
		this.lottery = new TestLotteries(this.context).open("daily");
	}

	@Test
	void acceptsABallotOneMillisecondBeforeTheClose() {
		this.clock.freezeAt(this.lottery.closesAt().minusMillis(1));
		SubmissionResult result = submit(this.player, List.of(List.of(1, 2, 3, 4, 5, 6)));
		assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
		BallotSlip slip = ((SubmissionResult.Accepted) result).slip();
		assertThat(slip.lines()).containsExactly(List.of(1, 2, 3, 4, 5, 6));
		assertThat(slip.submittedAt()).isEqualTo(this.lottery.closesAt().minusMillis(1));
		assertThat(slip.receipt()).startsWith("D-" + this.lottery.drawDate().toString().replace("-", "") + "-");
	}

	@Test
	void refusesABallotAtTheCloseInstantAndStoresNothing() {
		this.clock.freezeAt(this.lottery.closesAt());
		long before = slipsOf(this.player);
		assertThat(submit(this.player, List.of(List.of(1, 2, 3, 4, 5, 6))))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED));
		assertThat(slipsOf(this.player)).isEqualTo(before);
		assertThat(participation(this.player)).isZero();
	}

	@Test
	void refusesAnUnverifiedParticipant() {
		CurrentAccount unverified = new TestParticipants(this.context).unverified("Ada");
		assertThat(submit(unverified, List.of(List.of(1, 2, 3, 4, 5, 6))))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.NOT_VERIFIED));
		assertThat(slipsOf(unverified)).isZero();
	}

	@Test
	void refusesAnUnknownLottery() {
		assertThat(this.submission.submit(player(this.player), "daily-1999-01-01", List.of(List.of(1, 2, 3, 4, 5, 6)),
				List.of(false), UUID.randomUUID().toString()))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.UNKNOWN_LOTTERY));
	}

	@Test
	void refusesTheWholeSubmissionIfOneLineIsWrong() {
		SubmissionResult result = submit(this.player, List.of(List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3, 4, 5, 91),
				List.of(7, 7, 8, 9, 10, 11), List.of(1, 2, 3), List.of(1, 2, 3, 4, 5, 6, 7)));
		assertThat(result).isInstanceOf(SubmissionResult.Rejected.class);
		SubmissionResult.Rejected rejected = (SubmissionResult.Rejected) result;
		assertThat(rejected.reason()).isEqualTo(SubmissionResult.Reason.INVALID_LINES);
		assertThat(rejected.lineProblems()).containsOnlyKeys(1, 2, 3, 4)
			.containsEntry(1, "play.problem.out_of_range")
			.containsEntry(2, "play.problem.repeated")
			.containsEntry(3, "play.problem.too_few")
			.containsEntry(4, "play.problem.too_many");
		assertThat(slipsOf(this.player)).isZero();
		assertThat(participation(this.player)).isZero();
	}

	@Test
	void refusesNoLinesAndMoreThanTenLines() {
		assertThat(submit(this.player, List.of()))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.NO_LINES));
		List<List<Integer>> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add(List.of(1, 2, 3, 4, 5, 6));
		}
		assertThat(submit(this.player, eleven))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.TOO_MANY_LINES));
		assertThat(slipsOf(this.player)).isZero();
	}

	@Test
	void stopsAtTheLimitPerParticipantAndLottery() {
		List<List<Integer>> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add(List.of(1, 2, 3, 4, 5, 6 + i));
		}
		for (int i = 0; i < 9; i++) {
			assertThat(submit(this.player, ten)).isInstanceOf(SubmissionResult.Accepted.class);
		}
		assertThat(submit(this.player, ten.subList(0, 5))).isInstanceOf(SubmissionResult.Accepted.class);
		SubmissionResult refused = submit(this.player, ten.subList(0, 6));
		assertThat(refused).isInstanceOf(SubmissionResult.Rejected.class);
		assertThat(((SubmissionResult.Rejected) refused).reason()).isEqualTo(SubmissionResult.Reason.LIMIT_REACHED);
		assertThat(((SubmissionResult.Rejected) refused).remaining()).isEqualTo(5);
		assertThat(submit(this.player, ten.subList(0, 5))).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(submit(this.player, ten.subList(0, 1))).isInstanceOf(SubmissionResult.Rejected.class);
		assertThat(participation(this.player)).isEqualTo(100);
		assertThat(ballotsOf(this.player)).isEqualTo(100);
	}

	@Test
	void submissionsAtOnceStopExactlyAtTheLimitPerParticipantAndLottery() throws Exception {
		this.clock.freezeAt(this.lottery.closesAt().minus(Duration.ofHours(1)));
		List<List<Integer>> ten = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			ten.add(List.of(1, 2, 3, 4, 5, 6 + i));
		}
		for (int i = 0; i < 9; i++) {
			assertThat(submit(this.player, ten)).isInstanceOf(SubmissionResult.Accepted.class);
		}

		List<SubmissionResult> results = AllAtOnce.run(8, (i) -> () -> submit(this.player, ten.subList(i, i + 3)));

		// 90 + 3 × 3 = 99: three fit under 100, whatever the order; a fourth would not
		assertThat(results).filteredOn(SubmissionResult.Accepted.class::isInstance).hasSize(3);
		assertThat(results).filteredOn(SubmissionResult.Rejected.class::isInstance)
			.extracting((result) -> ((SubmissionResult.Rejected) result).reason())
			.containsOnly(SubmissionResult.Reason.LIMIT_REACHED)
			.hasSize(5);
		assertThat(slipsOf(this.player)).isEqualTo(12);
		assertThat(ballotsOf(this.player)).isEqualTo(99);
		assertThat(participation(this.player)).isEqualTo(99);
		// the refused gave back what they had counted for the day and the month
		PlayStatus play = this.restrictions.status(this.player.id(), this.clock.instant());
		assertThat(playCount(this.player, play.day())).isEqualTo(99);
		assertThat(playCount(this.player, play.month())).isEqualTo(99);
	}

	@Test
	void theSameFormSentTwiceStoresOneSlip() {
		String key = UUID.randomUUID().toString();
		SubmissionResult first = this.submission.submit(player(this.player), this.lottery.id(),
				List.of(List.of(1, 2, 3, 4, 5, 6)), List.of(false), key);
		SubmissionResult second = this.submission.submit(player(this.player), this.lottery.id(),
				List.of(List.of(1, 2, 3, 4, 5, 6)), List.of(false), key);
		assertThat(((SubmissionResult.Accepted) first).repeated()).isFalse();
		assertThat(((SubmissionResult.Accepted) second).repeated()).isTrue();
		assertThat(((SubmissionResult.Accepted) second).slip().id())
			.isEqualTo(((SubmissionResult.Accepted) first).slip().id());
		assertThat(slipsOf(this.player)).isEqualTo(1);
		assertThat(participation(this.player)).isEqualTo(1);
	}

	@Test
	void theSameFormSentTwiceAtOnceStoresOneSlip() throws Exception {
		String key = UUID.randomUUID().toString();
		Callable<SubmissionResult> send = () -> this.submission.submit(player(this.player), this.lottery.id(),
				List.of(List.of(1, 2, 3, 4, 5, 6), List.of(7, 8, 9, 10, 11, 12)), List.of(false, true), key);
		assertThat(AllAtOnce.run(8, (i) -> send)).allMatch(SubmissionResult.Accepted.class::isInstance);
		assertThat(slipsOf(this.player)).isEqualTo(1);
		assertThat(participation(this.player)).isEqualTo(2);
	}

	@Test
	void keepsQuickPickFlagsPerLine() {
		SubmissionResult result = this.submission.submit(player(this.player), this.lottery.id(),
				List.of(List.of(6, 5, 4, 3, 2, 1), List.of(7, 8, 9, 10, 11, 12)), List.of(false, true),
				UUID.randomUUID().toString());
		BallotSlip slip = ((SubmissionResult.Accepted) result).slip();
		assertThat(slip.lines().get(0)).containsExactly(1, 2, 3, 4, 5, 6);
		assertThat(slip.isQuickPick(0)).isFalse();
		assertThat(slip.isQuickPick(1)).isTrue();
	}

	@Test
	void theWeeklyGameTakesFiveFromFifty() {
		Lottery weekly = new TestLotteries(this.context).open("saturday");
		SubmissionResult ok = this.submission.submit(player(this.player), weekly.id(), List.of(List.of(1, 2, 3, 4, 50)),
				List.of(false), UUID.randomUUID().toString());
		assertThat(ok).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(((SubmissionResult.Accepted) ok).slip().receipt()).startsWith("S-");
		SubmissionResult six = this.submission.submit(player(this.player), weekly.id(),
				List.of(List.of(1, 2, 3, 4, 5, 6)), List.of(false), UUID.randomUUID().toString());
		assertThat(((SubmissionResult.Rejected) six).lineProblems()).containsEntry(0, "play.problem.too_many");
	}

	private SubmissionResult submit(CurrentAccount account, List<List<Integer>> lines) {
		return this.submission.submit(player(account), this.lottery.id(), lines,
				lines.stream().map((line) -> false).toList(), UUID.randomUUID().toString());
	}

	private static BallotSubmission.Player player(CurrentAccount account) {
		return new BallotSubmission.Player(account.id(), account.emailVerified());
	}

	private long slipsOf(CurrentAccount account) {
		return this.mongo.count(Query.query(Criteria.where("accountId").is(account.id())), BallotSlip.class);
	}

	private long ballotsOf(CurrentAccount account) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(account.id())), BallotSlip.class)
			.stream()
			.mapToLong((slip) -> slip.lines().size())
			.sum();
	}

	private long playCount(CurrentAccount account, Object period) {
		return this.counts.used(account.id(), period);
	}

	private long participation(CurrentAccount account) {
		Participation participation = this.mongo.findById(Participation.id(this.lottery.id(), account.id()),
				Participation.class);
		return (participation != null) ? participation.ballots() : 0;
	}

}
