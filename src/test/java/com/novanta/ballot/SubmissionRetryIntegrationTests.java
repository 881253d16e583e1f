package com.novanta.ballot;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.responsibleplay.PlayCounts;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A submission cut short by a database outage, after its ballots were counted and before
 * its slip was stored, and then retried by the participant with the same form: the
 * ballots are stored once and counted once, against the lottery's limit and the
 * participant's own day and month.
 */
@IntegrationTest
class SubmissionRetryIntegrationTests {

	@Autowired
	BallotSubmission submission;

	@Autowired
	PlayCounts counts;

	@Autowired
	SlipRepository slips;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	CurrentAccount player;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.player = new TestParticipants(this.context).verified("Alan Turing");
		this.lottery = new TestLotteries(this.context).open("daily");
	}

	@Test
	void aRetryOfASubmissionCutShortIsStoredAndCountedOnce() {
		String key = UUID.randomUUID().toString();
		String submissionKey = this.player.id() + ":" + key;
		LocalDate today = today();
		// what the first attempt did before the database went away
		PlayStatus play = this.context.getBean(PlayRestrictions.class).status(this.player.id());
		assertThat(play.day()).isEqualTo(today);
		assertThat(this.counts.reserve(this.player.id(), play, submissionKey, 2)).isEmpty();
		assertThat(this.slips.reserve(participation(), submissionKey, 2, 100)).isTrue();

		SubmissionResult retried = submit(key);

		assertThat(retried).isInstanceOfSatisfying(SubmissionResult.Accepted.class,
				(accepted) -> assertThat(accepted.repeated()).isFalse());
		assertThat(this.mongo.count(Query.query(Criteria.where("submissionKey").is(submissionKey)), BallotSlip.class))
			.isEqualTo(1);
		assertThat(this.counts.used(this.player.id(), today)).isEqualTo(2);
		assertThat(this.counts.used(this.player.id(), YearMonth.from(today))).isEqualTo(2);
		assertThat(participationBallots()).isEqualTo(2);

		assertThat(submit(key)).isInstanceOfSatisfying(SubmissionResult.Accepted.class,
				(accepted) -> assertThat(accepted.repeated()).isTrue());
		assertThat(participationBallots()).isEqualTo(2);
	}

	/** The participant's day, in the time zone of their account. */
	private LocalDate today() {
		return this.clock.instant().atZone(ZoneId.of("Europe/Rome")).toLocalDate();
	}

	private SubmissionResult submit(String key) {
		return this.submission.submit(new BallotSubmission.Player(this.player.id(), true), this.lottery.id(),
				List.of(List.of(3, 13, 23, 33, 43, 53), List.of(4, 14, 24, 34, 44, 54)), List.of(false, false), key);
	}

	private Participation participation() {
		return new Participation(Participation.id(this.lottery.id(), this.player.id()), this.lottery.id(),
				this.player.id(), this.lottery.gameId(), this.lottery.drawDate(), 0, this.clock.instant());
	}

	private long participationBallots() {
		return this.mongo.findById(Participation.id(this.lottery.id(), this.player.id()), Participation.class)
			.ballots();
	}

}
