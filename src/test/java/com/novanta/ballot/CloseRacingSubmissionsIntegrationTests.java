package com.novanta.ballot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.draw.DrawPipeline;
import com.novanta.fairness.Fairness;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.responsibleplay.PlayCounts;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw closing a lottery at its close instant while participants are submitting
 * ballots to it. Each submission is either accepted, stored and settled in that draw, or
 * refused as closed with nothing stored and nothing counted; never accepted and left out
 * of the draw, never stored after the draw sealed the ballots. The close can come at any
 * step of a submission: before its check of the lottery, between its reservations and the
 * lottery giving it a place, or between the place and the slip (then the draw seals the
 * place and the slip is refused), so the race is run again and again.
 */
@IntegrationTest
class CloseRacingSubmissionsIntegrationTests {

	private static final Logger log = LoggerFactory.getLogger(CloseRacingSubmissionsIntegrationTests.class);

	private static final int ROUNDS = 20;

	private static final int SUBMITTERS = 3;

	@Autowired
	BallotSubmission submission;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	SlipRepository slips;

	@Autowired
	PlayCounts counts;

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MessageSource messages;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@Test
	void eachSubmissionIsSettledInTheDrawOrRefusedAsClosedWithNothingStored() throws Exception {
		TestLotteries lotteries = new TestLotteries(this.context);
		TestParticipants participants = new TestParticipants(this.context);
		int accepted = 0;
		int refused = 0;
		long sealed = 0;
		for (int round = 0; round < ROUNDS; round++) {
			Lottery lottery = lotteries.open("daily");
			List<CurrentAccount> players = new ArrayList<>();
			for (int i = 0; i < SUBMITTERS; i++) {
				players.add(participants.verified("Racer " + round + "-" + i));
			}
			List<List<Attempt>> attempts = race(lottery, players, round);
			List<Attempt> all = attempts.stream().flatMap(List::stream).toList();
			assertSettledOrRefused(lottery, players, attempts, "round " + round + ": " + all);
			accepted += (int) all.stream().filter(Attempt::accepted).count();
			refused += (int) all.stream().filter((attempt) -> !attempt.accepted()).count();
			sealed += tombstones(lottery);
		}
		// how often the close came between a slip's place and the slip itself
		log.info("{} rounds: {} submissions accepted, {} refused, {} of them at a place the draw had sealed", ROUNDS,
				accepted, refused, sealed);
		assertThat(this.messages.getMessage(SubmissionResult.Reason.CLOSED.messageKey(), null, Locale.ENGLISH))
			.isEqualTo("This lottery is closed: ballots are no longer accepted. Nothing was stored.");
	}

	/**
	 * The close between a slip's place and the slip, which the race above seldom hits:
	 * here the draw has sealed the place before the slip comes (what the draw does to a
	 * place still empty when it reads the ballots). The submission is refused as closed,
	 * stores nothing and gives back what it counted.
	 */
	@Test
	void aSlipWhosePlaceTheDrawSealedFirstIsRefusedAsClosedAndCountsNothing() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Late Racer");
		PlayStatus play = this.restrictions.status(player.id(), this.clock.instant());
		List<List<Integer>> first = List.of(List.of(1, 2, 3, 4, 5, 6));
		assertThat(submit(lottery, player, first, "first")).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(this.slips.seal(lottery.id(), 2)).isTrue();

		assertThat(
				submit(lottery, player, List.of(List.of(7, 8, 9, 10, 11, 12), List.of(13, 14, 15, 16, 17, 18)), "late"))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED));

		assertThat(this.slips.findBySubmissionKey(player.id() + ":late")).isEmpty();
		assertThat(this.counts.used(player.id(), play.day())).isEqualTo(1);
		assertThat(this.counts.used(player.id(), play.month())).isEqualTo(1);
		assertThat(this.slips.findParticipation(Participation.id(lottery.id(), player.id())).orElseThrow().ballots())
			.isEqualTo(1);
		this.clock.freezeAt(lottery.closesAt());
		assertThat(this.pipeline.advance(lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = new TestLotteries(this.context).reload(lottery);
		assertThat(drawn.slots()).isEqualTo(2);
		assertThat(drawn.ballotCount()).isEqualTo(1);
		assertThat(drawn.summary().ballots()).isEqualTo(1);
		assertThat(drawn.ballotDigest()).isEqualTo(
				digestOf(lottery, List.of(this.slips.findBySubmissionKey(player.id() + ":first").orElseThrow())));
	}

	private SubmissionResult submit(Lottery lottery, CurrentAccount player, List<List<Integer>> lines, String key) {
		return this.submission.submit(new BallotSubmission.Player(player.id(), true), lottery.id(), lines,
				lines.stream().map((line) -> false).toList(), key);
	}

	/**
	 * The participants submit again and again from one millisecond before the close; once
	 * each has had a ballot accepted, the draw moves the clock to the close instant and
	 * runs the pipeline, while they go on until they are refused. All start together,
	 * behind a barrier; the draw's wait for the first acceptances only makes sure that
	 * the close comes in the middle of the submissions, not before them.
	 * @return each participant's attempts, in order
	 */
	private List<List<Attempt>> race(Lottery lottery, List<CurrentAccount> players, int round) throws Exception {
		this.clock.freezeAt(lottery.closesAt().minusMillis(1));
		CountDownLatch underWay = new CountDownLatch(players.size());
		List<Callable<List<Attempt>>> tasks = new ArrayList<>();
		tasks.add(() -> {
			boolean started = underWay.await(1, TimeUnit.MINUTES);
			this.clock.freezeAt(lottery.closesAt());
			this.pipeline.advance(lottery.id());
			assertThat(started).as("each participant had an answer").isTrue();
			return List.of();
		});
		for (int i = 0; i < players.size(); i++) {
			CurrentAccount player = players.get(i);
			SplittableRandom random = new SplittableRandom(round * 31L + i);
			tasks.add(() -> submitUntilClosed(lottery, player, random, underWay));
		}
		return AllAtOnce.run(tasks).subList(1, tasks.size());
	}

	private List<Attempt> submitUntilClosed(Lottery lottery, CurrentAccount player, SplittableRandom random,
			CountDownLatch underWay) {
		List<Attempt> attempts = new ArrayList<>();
		while (attempts.size() < 1000) {
			int count = 1 + random.nextInt(3);
			List<List<Integer>> lines = new ArrayList<>();
			for (int line = 0; line < count; line++) {
				lines.add(Arrays.stream(QuickPick.pick(6, 90, random)).boxed().toList());
			}
			String key = UUID.randomUUID().toString();
			SubmissionResult result = submit(lottery, player, lines, key);
			attempts.add(new Attempt(player.id(), player.id() + ":" + key, lines, result));
			if (attempts.size() == 1) {
				// an acceptance (checked below): the draw waits for it to move the clock
				underWay.countDown();
			}
			if (result instanceof SubmissionResult.Accepted) {
				continue;
			}
			if (result.equals(SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED))) {
				return attempts;
			}
			if (!(result instanceof SubmissionResult.Rejected rejected
					&& rejected.reason() == SubmissionResult.Reason.LIMIT_REACHED)) {
				// the limit per lottery refuses a submission before it races the close;
				// anything else is wrong
				throw new AssertionError("Neither accepted nor closed: " + attempts);
			}
		}
		throw new AssertionError("Never closed: " + attempts);
	}

	private void assertSettledOrRefused(Lottery lottery, List<CurrentAccount> players, List<List<Attempt>> attempts,
			String round) {
		Lottery drawn = new TestLotteries(this.context).reload(lottery);
		List<Attempt> all = attempts.stream().flatMap(List::stream).toList();
		List<BallotSlip> stored = this.mongo.find(
				Query.query(Criteria.where("lotteryId").is(lottery.id()).and("tombstone").ne(true)), BallotSlip.class);
		Map<String, BallotSlip> storedByKey = stored.stream()
			.collect(Collectors.toMap(BallotSlip::submissionKey, (slip) -> slip));
		for (List<Attempt> participant : attempts) {
			assertThat(participant.get(0).accepted()).as("the first, before the close: %s", round).isTrue();
			assertThat(participant.get(participant.size() - 1).result()).as("the last: %s", round)
				.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED));
		}
		for (Attempt attempt : all) {
			if (attempt.accepted()) {
				BallotSlip slip = ((SubmissionResult.Accepted) attempt.result()).slip();
				assertThat(storedByKey.get(attempt.submissionKey())).as("accepted and stored: %s", round)
					.isNotNull()
					.satisfies((found) -> {
						assertThat(found.id()).isEqualTo(slip.id());
						assertThat(found.lines()).isEqualTo(attempt.lines());
					});
			}
			else {
				assertThat(storedByKey).as("refused and not stored: %s", round)
					.doesNotContainKey(attempt.submissionKey());
			}
		}
		Set<String> acceptedKeys = all.stream()
			.filter(Attempt::accepted)
			.map(Attempt::submissionKey)
			.collect(Collectors.toSet());
		assertThat(storedByKey.keySet()).as("stored only if accepted: %s", round).isEqualTo(acceptedKeys);
		assertThat(this.mongo.count(Query.query(Criteria.where("lotteryId").is(lottery.id())), BallotSlip.class))
			.as("every place a slip or sealed, none after the close: %s", round)
			.isEqualTo(drawn.slots());

		// settled: exactly the accepted ballots are in the digest the numbers come from,
		// and in the results
		long ballots = all.stream().filter(Attempt::accepted).mapToLong((attempt) -> attempt.lines().size()).sum();
		assertThat(drawn.status()).as("the draw ran to its end: %s", round).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(drawn.ballotCount()).as("every accepted ballot drawn: %s", round).isEqualTo(ballots);
		assertThat(drawn.summary().ballots()).as(round).isEqualTo(ballots);
		assertThat(drawn.summary().participants()).as(round).isEqualTo(players.size());
		assertThat(drawn.ballotDigest()).as(round).isEqualTo(digestOf(lottery, stored));

		// counted only if accepted: a refused submission gave back what it had reserved
		for (CurrentAccount player : players) {
			long own = all.stream()
				.filter((attempt) -> attempt.accepted() && attempt.accountId().equals(player.id()))
				.mapToLong((attempt) -> attempt.lines().size())
				.sum();
			// the accepted ones were submitted then, by the clock
			PlayStatus play = this.restrictions.status(player.id(), lottery.closesAt().minusMillis(1));
			assertThat(
					this.slips.findParticipation(Participation.id(lottery.id(), player.id())).orElseThrow().ballots())
				.as("per lottery: %s", round)
				.isEqualTo(own);
			assertThat(this.counts.used(player.id(), play.day())).as("per day: %s", round).isEqualTo(own);
			assertThat(this.counts.used(player.id(), play.month())).as("per month: %s", round).isEqualTo(own);
		}
	}

	private String digestOf(Lottery lottery, List<BallotSlip> slips) {
		Fairness.Digester digest = Fairness.digester(lottery.recipe(), lottery.id());
		for (BallotSlip slip : slips.stream().sorted(Comparator.comparingLong(BallotSlip::slip)).toList()) {
			for (int line = 0; line < slip.lines().size(); line++) {
				digest.add(slip.slip(), line, slip.numbers(line), slip.salt(line));
			}
		}
		return digest.finish();
	}

	private long tombstones(Lottery lottery) {
		return this.mongo.count(Query.query(Criteria.where("lotteryId").is(lottery.id()).and("tombstone").is(true)),
				BallotSlip.class);
	}

	/**
	 * One submission and what became of it.
	 *
	 * @param accountId who submitted
	 * @param submissionKey the participant and the form's key
	 * @param lines the lines sent
	 * @param result the answer
	 */
	private record Attempt(String accountId, String submissionKey, List<List<Integer>> lines, SubmissionResult result) {

		boolean accepted() {
			return this.result instanceof SubmissionResult.Accepted;
		}

		@Override
		public String toString() {
			return this.submissionKey.substring(this.submissionKey.length() - 4) + "="
					+ (accepted() ? "accepted #" + ((SubmissionResult.Accepted) this.result).slip().slip()
							: ((SubmissionResult.Rejected) this.result).reason());
		}

	}

}
