package com.novanta.responsibleplay;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters of a participant's ballots per day and month, one document a month holding
 * the month's count and each day's, count each submission once, however often it is
 * retried, give it back once, and check both limits in one write; a month counted before
 * its document held the days goes on from what was counted.
 */
@IntegrationTest
class PlayCountsIntegrationTests {

	private static final ZoneId ZONE = ZoneId.of("Europe/Rome");

	@Autowired
	PlayCounts counts;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	CurrentAccount player;

	@BeforeEach
	void setUp() {
		this.player = new TestParticipants(this.context).verified("Alan Turing");
	}

	@Test
	void aCounterCountsEachSubmissionOnceAndGivesItBackOnce() {
		PlayStatus play = limits(5, null);
		assertThat(this.counts.reserve(this.player.id(), play, "first", 3)).isEmpty();
		assertThat(this.counts.reserve(this.player.id(), play, "first", 3)).as("the same submission again").isEmpty();
		assertThat(this.counts.used(this.player.id(), play.day())).isEqualTo(3);
		assertThat(this.counts.reserve(this.player.id(), play, "second", 3)).as("over the limit")
			.contains(new PlayCounts.LimitReached(false, 2));
		assertThat(this.counts.reserve(this.player.id(), play, "second", 2)).isEmpty();
		assertThat(this.counts.used(this.player.id(), play.day())).isEqualTo(5);

		this.counts.release(this.player.id(), play, "first", 3);
		this.counts.release(this.player.id(), play, "first", 3);
		this.counts.release(this.player.id(), play, "never counted", 3);

		assertThat(this.counts.used(this.player.id(), play.day())).isEqualTo(2);
		assertThat(this.counts.used(this.player.id(), play.month())).isEqualTo(2);
	}

	@Test
	void aCounterRemembersOnlyTheLastSubmissions() {
		PlayStatus play = limits(null, null);
		for (int i = 0; i < 50; i++) {
			assertThat(this.counts.reserve(this.player.id(), play, "key-" + i, 1)).isEmpty();
		}
		Document counter = this.mongo.findById(PlayCount.id(this.player.id(), play.month()), Document.class,
				"playCounts");
		assertThat(counter.getList(Reservations.FIELD, String.class)).hasSize(20).endsWith("key-49");
		assertThat(this.counts.used(this.player.id(), play.day())).isEqualTo(50);
		assertThat(this.counts.used(this.player.id(), play.month())).isEqualTo(50);
		assertThat(this.mongo.findById(PlayCount.id(this.player.id(), play.day()), Document.class, "playCounts"))
			.as("no document of the day's own")
			.isNull();
	}

	@Test
	void theDaysAndTheMonthsLimitsAreCheckedInOneWrite() {
		this.clock.freezeAt(LocalDate.of(2031, 5, 10).atTime(12, 0).atZone(ZONE).toInstant());
		PlayStatus first = limits(5, 7);
		assertThat(this.counts.reserve(this.player.id(), first, "a", 5)).isEmpty();
		assertThat(this.counts.reserve(this.player.id(), first, "b", 1))
			.contains(new PlayCounts.LimitReached(false, 0));
		this.clock.advance(Duration.ofDays(1));
		PlayStatus next = limits(5, 7);
		assertThat(this.counts.reserve(this.player.id(), next, "c", 3)).as("the day's limit is new, the month's is not")
			.contains(new PlayCounts.LimitReached(true, 2));
		assertThat(this.counts.reserve(this.player.id(), next, "d", 2)).isEmpty();
		assertThat(this.counts.used(this.player.id(), first.day())).isEqualTo(5);
		assertThat(this.counts.used(this.player.id(), next.day())).isEqualTo(2);
		assertThat(this.counts.used(this.player.id(), next.month())).isEqualTo(7);
		this.clock.advance(Duration.ofDays(30));
		assertThat(this.counts.reserve(this.player.id(), limits(5, 7), "e", 5)).as("a new month").isEmpty();
	}

	/**
	 * Counters written before the days were kept in the month's document: a document per
	 * day and one per month. The day's count is moved in at the month's first
	 * reservation; a retry of a submission they counted is not counted again; earlier
	 * days are read where they are.
	 */
	@Test
	void aMonthCountedBeforeItsDocumentHeldTheDaysGoesOnFromWhatWasCounted() {
		this.clock.freezeAt(LocalDate.of(2031, 5, 10).atTime(12, 0).atZone(ZONE).toInstant());
		PlayStatus play = limits(5, null);
		LocalDate yesterday = play.day().minusDays(1);
		String id = this.player.id();
		this.mongo.insert(new Document("_id", PlayCount.id(id, yesterday)).append("accountId", id)
			.append("period", yesterday.toString())
			.append("ballots", 5L), "playCounts");
		this.mongo.insert(new Document("_id", PlayCount.id(id, play.day())).append("accountId", id)
			.append("period", play.day().toString())
			.append("ballots", 4L)
			.append(Reservations.FIELD, List.of("before")), "playCounts");
		this.mongo.insert(new Document("_id", PlayCount.id(id, play.month())).append("accountId", id)
			.append("period", play.month().toString())
			.append("ballots", 9L)
			.append(Reservations.FIELD, List.of("before")), "playCounts");

		assertThat(this.counts.reserve(id, play, "before", 4)).as("a retry of what they counted").isEmpty();
		assertThat(this.counts.reserve(id, play, "after", 2)).contains(new PlayCounts.LimitReached(false, 1));
		assertThat(this.counts.reserve(id, play, "after", 1)).isEmpty();

		assertThat(this.counts.used(id, play.day())).isEqualTo(5);
		assertThat(this.counts.used(id, yesterday)).isEqualTo(5);
		assertThat(this.counts.used(id, play.month())).isEqualTo(10);
		assertThat(this.counts.leftToday(id, play)).isZero();
	}

	/**
	 * Submissions racing on such a month: the day's count is moved in once, and the limit
	 * stops them exactly where it should.
	 */
	@Test
	void submissionsRacingOnAMonthCountedBeforeStopExactlyAtTheLimit() throws Exception {
		this.clock.freezeAt(LocalDate.of(2031, 6, 10).atTime(12, 0).atZone(ZONE).toInstant());
		PlayStatus play = limits(10, null);
		String id = this.player.id();
		this.mongo.insert(new Document("_id", PlayCount.id(id, play.day())).append("accountId", id)
			.append("period", play.day().toString())
			.append("ballots", 4L), "playCounts");
		this.mongo.insert(new Document("_id", PlayCount.id(id, play.month())).append("accountId", id)
			.append("period", play.month().toString())
			.append("ballots", 4L), "playCounts");

		List<Optional<PlayCounts.LimitReached>> results = AllAtOnce.run(8,
				(i) -> () -> this.counts.reserve(id, play, "racer-" + i, 3));

		// 4 + 3 + 3 fit under 10, whatever the order; a third would not
		assertThat(results.stream().filter(Optional::isEmpty)).hasSize(2);
		assertThat(this.counts.used(id, play.day())).isEqualTo(10);
		assertThat(this.counts.used(id, play.month())).isEqualTo(10);
	}

	/** Limits in force now; no exclusion. */
	private PlayStatus limits(Integer daily, Integer monthly) {
		return new PlayStatus(this.clock.instant(), ZONE, new PlayLimit(daily, null, null),
				new PlayLimit(monthly, null, null), null, null);
	}

}
