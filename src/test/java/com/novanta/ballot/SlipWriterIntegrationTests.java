package com.novanta.ballot;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.LongStream;

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
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slips of concurrent submissions given their places and stored together (group commit,
 * {@link SlipWriter}), against the embedded database. The test holds the writer's lock,
 * as a write under way does, so that the submissions queue up behind it; then lets go.
 * Each submission is answered as if it had been written alone: its own place, stored
 * once, counted once; the close instant still decides at the moment of the places.
 */
@IntegrationTest
class SlipWriterIntegrationTests {

	private static final List<List<Integer>> ONE_LINE = List.of(List.of(1, 2, 3, 4, 5, 6));

	private static final List<List<Integer>> TWO_LINES = List.of(List.of(1, 2, 3, 4, 5, 6),
			List.of(7, 8, 9, 10, 11, 12));

	@Autowired
	BallotSubmission submission;

	@Autowired
	SlipWriter writer;

	@Autowired
	SlipRepository slips;

	@Autowired
	BallotStatistics statistics;

	@Autowired
	PlayCounts counts;

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	MeterRegistry meters;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Test
	void slipsQueuedBehindAWriteAreStoredTogetherEachInAPlaceOfItsOwn() throws Exception {
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery first = lotteries.open("daily");
		Lottery second = lotteries.open("daily");
		List<Submitted> submitted = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			CurrentAccount player = new TestParticipants(this.context).verified("Grouped " + i);
			submitted
				.add(new Submitted(player, (i % 2 == 0) ? first : second, (i < 4) ? ONE_LINE : TWO_LINES, "form-" + i));
		}
		long ballotsBefore = ballotsToday();
		long writesBefore = batches().count();

		List<SubmissionResult> results = queuedThenWritten(submitted, submitted.size());

		assertThat(results).allSatisfy((result) -> assertThat(result).isInstanceOf(SubmissionResult.Accepted.class)
			.extracting((accepted) -> ((SubmissionResult.Accepted) accepted).repeated())
			.isEqualTo(false));
		assertThat(batches().count() - writesBefore).as("one write for each lottery").isEqualTo(2);
		for (Lottery lottery : List.of(first, second)) {
			List<Long> numbers = new ArrayList<>();
			for (int i = 0; i < submitted.size(); i++) {
				if (submitted.get(i).lottery() == lottery) {
					BallotSlip slip = ((SubmissionResult.Accepted) results.get(i)).slip();
					assertThat(this.slips.findBySubmissionKey(submitted.get(i).player().id() + ":form-" + i))
						.as("stored as answered")
						.contains(slip);
					assertThat(slip.lines()).isEqualTo(submitted.get(i).lines());
					numbers.add(slip.slip());
				}
			}
			assertThat(numbers).as("each slip a place of its own, none left empty")
				.containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
			assertThat(new TestLotteries(this.context).reload(lottery).slots()).isEqualTo(4);
		}
		assertThat(ballotsToday() - ballotsBefore).as("counted once each").isEqualTo(12);
	}

	/**
	 * Submitters racing without the test holding anything, each writing or waiting in
	 * turn: every place is given once, none is left empty, every slip is stored as
	 * answered. (A waiting submission not woken when the lock is let go would wait for
	 * ever: the tests above, whose slips all wait behind the test's hold, fail after a
	 * minute without the wake-up; this race seldom needs it, as later submissions write
	 * what waits.)
	 */
	@Test
	void manySubmittersAtOnceEachGetAPlaceOfTheirOwnAndNoneWaitsForEver() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		int submitters = 12;
		int each = 25;
		List<CurrentAccount> players = new ArrayList<>();
		for (int i = 0; i < submitters; i++) {
			players.add(new TestParticipants(this.context).verified("Racer " + i));
		}
		List<List<SubmissionResult>> results = AllAtOnce.run(submitters, (i) -> () -> {
			List<SubmissionResult> mine = new ArrayList<>();
			for (int n = 0; n < each; n++) {
				mine.add(this.submission.submit(new BallotSubmission.Player(players.get(i).id(), true), lottery.id(),
						ONE_LINE, List.of(false), "race-" + n));
			}
			return mine;
		});

		List<Long> numbers = results.stream()
			.flatMap(List::stream)
			.map((result) -> ((SubmissionResult.Accepted) result).slip().slip())
			.toList();
		assertThat(numbers).as("every place given once, none left empty")
			.containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, (long) submitters * each).boxed().toList());
		assertThat(new TestLotteries(this.context).reload(lottery).slots()).isEqualTo((long) submitters * each);
		for (int i = 0; i < submitters; i++) {
			for (int n = 0; n < each; n++) {
				assertThat(this.slips.findBySubmissionKey(players.get(i).id() + ":race-" + n)).as("stored as answered")
					.contains(((SubmissionResult.Accepted) results.get(i).get(n)).slip());
			}
		}
	}

	@Test
	void theSameFormSentTwiceInOneWriteIsStoredOnceAndBothAreAnsweredWithIt() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		CurrentAccount twice = new TestParticipants(this.context).verified("Twice");
		CurrentAccount other = new TestParticipants(this.context).verified("Other");
		List<Submitted> submitted = List.of(new Submitted(twice, lottery, TWO_LINES, "same"),
				new Submitted(other, lottery, ONE_LINE, "other"), new Submitted(twice, lottery, TWO_LINES, "same"));
		long ballotsBefore = ballotsToday();

		List<SubmissionResult> results = queuedThenWritten(submitted, submitted.size());

		assertThat(results).allSatisfy((result) -> assertThat(result).isInstanceOf(SubmissionResult.Accepted.class));
		BallotSlip stored = this.slips.findBySubmissionKey(twice.id() + ":same").orElseThrow();
		assertThat(List.of(results.get(0), results.get(2)))
			.extracting((result) -> ((SubmissionResult.Accepted) result).slip().id())
			.containsOnly(stored.id());
		assertThat(List.of(results.get(0), results.get(2)))
			.extracting((result) -> ((SubmissionResult.Accepted) result).repeated())
			.containsExactlyInAnyOrder(false, true);
		assertThat(((SubmissionResult.Accepted) results.get(1)).slip().lotteryId()).isEqualTo(lottery.id());
		PlayStatus play = this.restrictions.status(twice.id(), this.clock.instant());
		assertThat(this.counts.used(twice.id(), play.day())).as("counted once").isEqualTo(2);
		assertThat(this.slips.findParticipation(Participation.id(lottery.id(), twice.id())).orElseThrow().ballots())
			.isEqualTo(2);
		assertThat(ballotsToday() - ballotsBefore).isEqualTo(3);
	}

	@Test
	void slipsWhoseLotteryClosedWhileTheyWaitedAreRefusedAndCountNothing() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		List<Submitted> submitted = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			submitted.add(new Submitted(new TestParticipants(this.context).verified("Late " + i), lottery, ONE_LINE,
					"late-" + i));
		}
		this.clock.freezeAt(lottery.closesAt().minusMillis(1));
		long ballotsBefore = ballotsToday();

		List<SubmissionResult> results = queuedThenWritten(submitted, submitted.size(),
				() -> this.clock.freezeAt(lottery.closesAt()));

		assertThat(results).containsOnly(SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED));
		for (Submitted each : submitted) {
			assertThat(this.slips.findBySubmissionKey(each.player().id() + ":" + each.key())).isEmpty();
			PlayStatus play = this.restrictions.status(each.player().id(), this.clock.instant());
			assertThat(this.counts.used(each.player().id(), play.day())).isZero();
			assertThat(this.slips.findParticipation(Participation.id(lottery.id(), each.player().id())))
				.hasValueSatisfying((participation) -> assertThat(participation.ballots()).isZero());
		}
		assertThat(new TestLotteries(this.context).reload(lottery).slots()).isZero();
		assertThat(ballotsToday() - ballotsBefore).isZero();
	}

	private List<SubmissionResult> queuedThenWritten(List<Submitted> submitted, int expectedWaiting) throws Exception {
		return queuedThenWritten(submitted, expectedWaiting, () -> {
		});
	}

	/**
	 * Submits all at once while the writer's lock is held, waits until every slip waits
	 * for it, runs {@code meanwhile}, and lets go.
	 */
	private List<SubmissionResult> queuedThenWritten(List<Submitted> submitted, int expectedWaiting, Runnable meanwhile)
			throws Exception {
		List<Callable<SubmissionResult>> tasks = new ArrayList<>();
		for (Submitted each : submitted) {
			tasks.add(() -> this.submission.submit(new BallotSubmission.Player(each.player().id(), true),
					each.lottery().id(), each.lines(), each.lines().stream().map((line) -> false).toList(),
					each.key()));
		}
		CompletableFuture<List<SubmissionResult>> results = new CompletableFuture<>();
		this.writer.holding(() -> {
			CompletableFuture.runAsync(() -> {
				try {
					results.complete(AllAtOnce.run(tasks));
				}
				catch (Exception | AssertionError ex) {
					results.completeExceptionally(ex);
				}
			});
			for (int polls = 0; this.writer.waiting() < expectedWaiting; polls++) {
				assertThat(polls).as("the slips queued up").isLessThan(60_000);
				assertThat(results).isNotDone();
				LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
			}
			meanwhile.run();
		});
		return results.get(1, TimeUnit.MINUTES);
	}

	private long ballotsToday() {
		return this.statistics.lastDays(1).values().iterator().next();
	}

	private DistributionSummary batches() {
		return this.meters.get("novanta.slips.batch").summary();
	}

	private record Submitted(CurrentAccount player, Lottery lottery, List<List<Integer>> lines, String key) {
	}

}
