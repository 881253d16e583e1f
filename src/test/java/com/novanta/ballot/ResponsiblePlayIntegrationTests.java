package com.novanta.ballot;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayCounts;
import com.novanta.responsibleplay.TestPlayRestrictions;
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

/**
 * The limits participants set themselves and their self-exclusion, enforced when they
 * submit ballots: whole submissions refused, nothing stored, days and months in the
 * site's time zone.
 */
@IntegrationTest
class ResponsiblePlayIntegrationTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	@Autowired
	PlayCounts counts;

	@Autowired
	BallotSubmission submission;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	TestPlayRestrictions restrictions;

	CurrentAccount player;

	Lottery lottery;

	/** A second lottery, for the tests that play two. */
	Lottery other;

	/** A midnight in Rome some days before the lottery closes. */
	ZonedDateTime midnight;

	@BeforeEach
	void setUp() {
		this.restrictions = new TestPlayRestrictions(this.context);
		this.player = new TestParticipants(this.context).verified("Maria Montessori");
		this.lottery = new TestLotteries(this.context).open("daily");
		this.midnight = this.lottery.closesAt().atZone(ROME).minusDays(20).truncatedTo(ChronoUnit.DAYS);
	}

	@Test
	void aLowerDailyLimitAppliesAtOnce() {
		this.clock.freezeAt(at(10, 0));
		assertThat(submit(3)).isInstanceOf(SubmissionResult.Accepted.class);

		this.restrictions.limit(this.player, 4, null);

		assertThat(submit(2)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 1));
		assertThat(submit(1)).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(submit(1)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 0));
		assertThat(ballots()).isEqualTo(4);
	}

	@Test
	void aHigherDailyLimitAppliesOnlyAfterTwentyFourHours() {
		this.clock.freezeAt(at(0, 30));
		this.restrictions.limit(this.player, 2, null);
		assertThat(submit(2)).isInstanceOf(SubmissionResult.Accepted.class);

		this.restrictions.limit(this.player, 10, null);
		assertThat(submit(1)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 0));
		this.clock.advance(Duration.ofHours(23));
		assertThat(submit(1)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 0));

		// a new day, but the raise is not due until 00:30: 3 are too many
		this.clock.advance(Duration.ofMinutes(45));
		assertThat(submit(3)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 2));
		this.clock.advance(Duration.ofMinutes(15));
		assertThat(submit(3)).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(ballots()).isEqualTo(5);
	}

	@Test
	void aDailyLimitRefusesASubmissionThatWouldExceedItAndStoresNothing() {
		this.clock.freezeAt(at(9, 0));
		this.restrictions.limit(this.player, 5, null);
		assertThat(submit(3)).isInstanceOf(SubmissionResult.Accepted.class);

		assertThat(submit(3)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 2));
		assertThat(submit(10)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 2));

		assertThat(slips()).isEqualTo(1);
		assertThat(ballots()).isEqualTo(3);
		assertThat(participation()).isEqualTo(3);
		assertThat(counted(this.midnight.toLocalDate())).isEqualTo(3);
	}

	@Test
	void theDayEndsAtMidnightInTheSitesTimeZone() {
		this.restrictions.limit(this.player, 2, null);
		this.clock.freezeAt(this.midnight.plusDays(1).toInstant().minusSeconds(1800));
		assertThat(submit(2)).isInstanceOf(SubmissionResult.Accepted.class);
		this.clock.advance(Duration.ofMinutes(30).minusMillis(1));
		assertThat(submit(1)).isEqualTo(refused(SubmissionResult.Reason.DAILY_LIMIT_REACHED, 0));

		this.clock.advance(Duration.ofMillis(1));
		assertThat(submit(2)).isInstanceOf(SubmissionResult.Accepted.class);
	}

	@Test
	void aMonthlyLimitCountsEveryDayOfTheMonth() {
		ZonedDateTime monthStart = this.midnight.minusMonths(2).withDayOfMonth(1);
		this.clock.freezeAt(monthStart.plusHours(10).toInstant());
		this.restrictions.limit(this.player, null, 12);
		assertThat(submit(10)).isInstanceOf(SubmissionResult.Accepted.class);

		this.clock.advance(Duration.ofDays(1));
		assertThat(submit(3)).isEqualTo(refused(SubmissionResult.Reason.MONTHLY_LIMIT_REACHED, 2));
		assertThat(submit(2)).isInstanceOf(SubmissionResult.Accepted.class);
		this.clock.advance(Duration.ofDays(10));
		assertThat(submit(1)).isEqualTo(refused(SubmissionResult.Reason.MONTHLY_LIMIT_REACHED, 0));
		assertThat(slips()).isEqualTo(2);

		this.clock.freezeAt(monthStart.plusMonths(1).toInstant());
		assertThat(submit(10)).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(ballots()).isEqualTo(22);
	}

	@Test
	void aRefusalByTheMonthlyLimitGivesBackTheDaysCount() {
		this.clock.freezeAt(at(11, 0));
		this.restrictions.limit(this.player, 5, 4);

		assertThat(submit(5)).isEqualTo(refused(SubmissionResult.Reason.MONTHLY_LIMIT_REACHED, 4));
		assertThat(submit(4)).isInstanceOf(SubmissionResult.Accepted.class);
		assertThat(counted(this.midnight.toLocalDate())).isEqualTo(4);
	}

	@Test
	void aRefusalByTheLimitPerLotteryGivesBackTheDaysAndMonthsCounts() {
		this.clock.freezeAt(at(12, 0));
		this.restrictions.limit(this.player, 200, 1000);
		for (int i = 0; i < 10; i++) {
			assertThat(submit(10)).isInstanceOf(SubmissionResult.Accepted.class);
		}

		assertThat(submit(1)).isInstanceOf(SubmissionResult.Rejected.class);

		assertThat(counted(this.midnight.toLocalDate())).isEqualTo(100);
		assertThat(counted(YearMonth.from(this.midnight))).isEqualTo(100);
	}

	@Test
	void submissionsAtOnceStopExactlyAtTheDailyLimit() throws Exception {
		this.clock.freezeAt(at(10, 0));
		this.restrictions.limit(this.player, 10, null);

		List<SubmissionResult> results = threeBallotsEightTimesAtOnce();

		// 3 + 3 + 3 fit under 10, whatever the order; a fourth would not
		assertExactlyThreeAccepted(results, SubmissionResult.Reason.DAILY_LIMIT_REACHED);
		assertThat(counted(this.midnight.toLocalDate())).isEqualTo(9);
		assertThat(counted(YearMonth.from(this.midnight))).isEqualTo(9);
	}

	@Test
	void submissionsAtOnceStopExactlyAtTheMonthlyLimit() throws Exception {
		this.clock.freezeAt(at(10, 0));
		this.restrictions.limit(this.player, null, 10);

		List<SubmissionResult> results = threeBallotsEightTimesAtOnce();

		assertExactlyThreeAccepted(results, SubmissionResult.Reason.MONTHLY_LIMIT_REACHED);
		// the day and the month are checked in one write: the refused ones counted
		// nothing
		assertThat(counted(this.midnight.toLocalDate())).isEqualTo(9);
		assertThat(counted(YearMonth.from(this.midnight))).isEqualTo(9);
	}

	/**
	 * Eight submissions of three ballots each, all at the same moment, half of them to
	 * another lottery: the limits count the participant's ballots of the day or month,
	 * whatever their draw.
	 */
	private List<SubmissionResult> threeBallotsEightTimesAtOnce() throws Exception {
		this.other = new TestLotteries(this.context).open("daily");
		return AllAtOnce.run(8, (i) -> () -> submit((i % 2 == 0) ? this.lottery : this.other, 3));
	}

	private void assertExactlyThreeAccepted(List<SubmissionResult> results, SubmissionResult.Reason refusal) {
		assertThat(results).filteredOn(SubmissionResult.Accepted.class::isInstance).hasSize(3);
		assertThat(results).filteredOn(SubmissionResult.Rejected.class::isInstance)
			.extracting((result) -> ((SubmissionResult.Rejected) result).reason())
			.containsExactly(refusal, refusal, refusal, refusal, refusal);
		assertThat(slips()).isEqualTo(3);
		assertThat(ballots()).isEqualTo(9);
		assertThat(participation(this.lottery) + participation(this.other)).isEqualTo(9);
	}

	@Test
	void aSelfExcludedParticipantCannotPlayAndNothingIsStored() {
		this.clock.freezeAt(at(8, 0));
		assertThat(submit(1)).isInstanceOf(SubmissionResult.Accepted.class);

		this.restrictions.exclude(this.player, ExclusionPeriod.SIX_MONTHS);

		assertThat(submit(1)).isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.EXCLUDED));
		this.clock.advance(Duration.ofDays(15));
		assertThat(submit(1)).isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.EXCLUDED));
		assertThat(slips()).isEqualTo(1);
		assertThat(participation()).isEqualTo(1);
	}

	private Instant at(int hour, int minute) {
		return this.midnight.withHour(hour).withMinute(minute).toInstant();
	}

	private SubmissionResult submit(int lines) {
		return submit(this.lottery, lines);
	}

	private SubmissionResult submit(Lottery into, int lines) {
		List<List<Integer>> ballots = new ArrayList<>();
		for (int i = 0; i < lines; i++) {
			ballots.add(List.of(1, 2, 3, 4, 5, 10 + i));
		}
		return this.submission.submit(new BallotSubmission.Player(this.player.id(), true), into.id(), ballots,
				ballots.stream().map((line) -> false).toList(), UUID.randomUUID().toString());
	}

	private static SubmissionResult.Rejected refused(SubmissionResult.Reason reason, long remaining) {
		return new SubmissionResult.Rejected(reason, Map.of(), remaining);
	}

	private long slips() {
		return this.mongo.count(Query.query(Criteria.where("accountId").is(this.player.id())), BallotSlip.class);
	}

	private long ballots() {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(this.player.id())), BallotSlip.class)
			.stream()
			.mapToLong((slip) -> slip.lines().size())
			.sum();
	}

	private long participation() {
		return participation(this.lottery);
	}

	private long participation(Lottery of) {
		Participation participation = this.mongo.findById(Participation.id(of.id(), this.player.id()),
				Participation.class);
		return (participation != null) ? participation.ballots() : 0;
	}

	private long counted(Object period) {
		return this.counts.used(this.player.id(), period);
	}

}
