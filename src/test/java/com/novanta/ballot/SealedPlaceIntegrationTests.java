package com.novanta.ballot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.draw.DrawPipeline;
import com.novanta.fairness.Fairness;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
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
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A submission whose process died after the lottery gave its slip a place and before the
 * slip was written: the place stays empty. The draw seals it ({@link BallotLedger}), so
 * that it counts as no ballot, holds up nothing, and no slip can arrive there any more;
 * the participant's counters keep the submission once, as the code promises for a
 * submission cut short.
 */
@IntegrationTest
class SealedPlaceIntegrationTests {

	/** The lines of the submission cut short. */
	private static final List<List<Integer>> CUT_SHORT_LINES = List.of(List.of(21, 22, 23, 24, 25, 26),
			List.of(31, 32, 33, 34, 35, 36), List.of(41, 42, 43, 44, 45, 46));

	@Autowired
	BallotSubmission submission;

	@Autowired
	PlayCounts counts;

	@Autowired
	SlipRepository slips;

	@Autowired
	Lotteries lotteries;

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	BallotLedger ledger;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	TestLotteries testLotteries;

	Lottery lottery;

	CurrentAccount player;

	CurrentAccount other;

	@BeforeEach
	void setUp() {
		this.testLotteries = new TestLotteries(this.context);
		this.lottery = this.testLotteries.open("daily");
		TestParticipants participants = new TestParticipants(this.context);
		this.player = participants.verified("Lise Meitner");
		this.other = participants.verified("Otto Hahn");
	}

	@Test
	void aPlaceWhoseSlipNeverCameIsSealedAtTheDrawCountsAsNoBallotAndHoldsNothingUp() {
		PlayStatus play = this.restrictions.status(this.player.id(), this.clock.instant());
		Places places = fillWithAnEmptyPlaceBetween(this.lottery);
		Lottery open = this.testLotteries.reload(this.lottery);
		assertThat(open.slots()).isEqualTo(3);
		assertThat(open.reservedBallots()).as("the places' ballots, the empty one's included").isEqualTo(6);

		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		Document sealed = this.mongo.findById(BallotSlip.id(this.lottery.id(), places.empty()), Document.class,
				"ballots");
		assertThat(sealed).isNotNull();
		assertThat(sealed.getBoolean("tombstone")).isTrue();
		assertThat(sealed.get("accountId")).isNull();
		assertThat(sealed.getList("lines", Object.class)).isEmpty();

		assertDrawnWithoutTheEmptyPlace(this.lottery, places);
		assertThat(this.testLotteries.reload(this.lottery).reservedBallots()).as("exact after closing").isEqualTo(3);
		assertThat(this.ledger.slipsOf(this.lottery.id(), this.player.id())).extracting(BallotSlip::id)
			.containsExactly(places.first().id());

		// the dead request's write, had it come back to life after the draw
		long place = places.empty();
		assertThatExceptionOfType(DuplicateKeyException.class)
			.isThrownBy(() -> this.slips.insert(new BallotSlip(BallotSlip.id(this.lottery.id(), place),
					this.lottery.id(), this.lottery.gameId(), this.lottery.drawDate(), place, this.player.id(),
					this.lottery.closesAt().minusSeconds(1), CUT_SHORT_LINES, List.of(false, false, false),
					BallotSlip.receipt("D", this.lottery.drawDate(), place), places.submissionKey(), null, 300L, null,
					null)));
		// and the participant sending the same form again
		assertThat(this.submission.submit(new BallotSubmission.Player(this.player.id(), true), this.lottery.id(),
				CUT_SHORT_LINES, List.of(false, false, false), places.key()))
			.isEqualTo(SubmissionResult.Rejected.of(SubmissionResult.Reason.CLOSED));
		assertThat(this.slips.findBySubmissionKey(places.submissionKey())).isEmpty();
		assertThat(this.mongo.findById(BallotSlip.id(this.lottery.id(), place), Document.class, "ballots"))
			.isEqualTo(sealed);
		assertThat(this.mongo.count(Query.query(Criteria.where("lotteryId").is(this.lottery.id())), BallotSlip.class))
			.isEqualTo(3);

		// The code keeps a cut-short submission counted, so that a retry of the same form
		// stores it counted once; nothing gives it back once its place is sealed: it
		// counts against the participant's limits as if played (the safe side of a
		// limit), once, whatever they send again.
		assertThat(this.counts.used(this.player.id(), play.day())).isEqualTo(2 + 3);
		assertThat(this.counts.used(this.player.id(), play.month())).isEqualTo(2 + 3);
		assertThat(participation(this.lottery, this.player).ballots()).isEqualTo(2 + 3);
		assertThat(participation(this.lottery, this.other).ballots()).isEqualTo(1);
		assertThat(this.counts.used(this.other.id(), play.day())).isEqualTo(1);
	}

	/**
	 * The settlement of a lottery waits for the game's previous lottery; when it goes on,
	 * in another run of the pipeline (as after a restart), it reads the ballots again,
	 * past the sealed place.
	 */
	@Test
	void aSealedPlaceIsPassedOverWhenTheSettlementReadsTheBallotsAgain() {
		Lottery next = this.testLotteries.next(this.lottery);
		Places places = fillWithAnEmptyPlaceBetween(next);
		this.clock.freezeAt(next.closesAt());

		assertThat(this.pipeline.advance(next.id())).as("sealed and drawn, waiting for the lottery before")
			.isEqualTo(LotteryStatus.DRAWN);
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(this.pipeline.advance(next.id())).isEqualTo(LotteryStatus.NOTIFIED);

		assertDrawnWithoutTheEmptyPlace(next, places);
	}

	/**
	 * Three places: the first slip, a submission cut short after its place (3 ballots),
	 * and another participant's slip.
	 */
	private Places fillWithAnEmptyPlaceBetween(Lottery lottery) {
		BallotSlip first = accepted(lottery, this.player,
				List.of(List.of(1, 2, 3, 4, 5, 6), List.of(7, 8, 9, 10, 11, 12)));
		String key = UUID.randomUUID().toString();
		long place = reserveAndDie(lottery, this.player.id() + ":" + key, CUT_SHORT_LINES.size());
		BallotSlip last = accepted(lottery, this.other, List.of(List.of(13, 14, 15, 16, 17, 18)));
		assertThat(List.of(first.slip(), place, last.slip())).containsExactly(1L, 2L, 3L);
		return new Places(first, place, key, last);
	}

	private void assertDrawnWithoutTheEmptyPlace(Lottery lottery, Places places) {
		Lottery drawn = this.testLotteries.reload(lottery);
		assertThat(drawn.ballotCount()).isEqualTo(3);
		assertThat(drawn.ballotDigest()).isEqualTo(digestOf(lottery, places.first(), places.last()));
		assertThat(drawn.summary().ballots()).isEqualTo(3);
		assertThat(drawn.summary().participants()).isEqualTo(2);
	}

	/**
	 * What {@link BallotSubmission} does for a submission up to the slip's place, and
	 * then nothing: the process died.
	 * @return the place the lottery gave it
	 */
	private long reserveAndDie(Lottery lottery, String submissionKey, int ballots) {
		Instant now = this.clock.instant();
		PlayStatus play = this.restrictions.status(this.player.id(), now);
		assertThat(this.counts.reserve(this.player.id(), play, submissionKey, ballots)).isEmpty();
		Participation participation = new Participation(Participation.id(lottery.id(), this.player.id()), lottery.id(),
				this.player.id(), lottery.gameId(), lottery.drawDate(), 0, now);
		assertThat(this.slips.reserve(participation, submissionKey, ballots, 100)).isTrue();
		Optional<Long> place = this.lotteries.allocateSlots(lottery.id(), 1, ballots);
		assertThat(place).isPresent();
		return place.get();
	}

	private BallotSlip accepted(Lottery lottery, CurrentAccount who, List<List<Integer>> lines) {
		SubmissionResult result = this.submission.submit(new BallotSubmission.Player(who.id(), true), lottery.id(),
				lines, lines.stream().map((line) -> false).toList(), UUID.randomUUID().toString());
		assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
		return ((SubmissionResult.Accepted) result).slip();
	}

	private String digestOf(Lottery lottery, BallotSlip... slips) {
		Fairness.Digester digest = Fairness.digester(lottery.recipe(), lottery.id());
		for (BallotSlip slip : slips) {
			for (int line = 0; line < slip.lines().size(); line++) {
				digest.add(slip.slip(), line, slip.numbers(line), slip.salt(line));
			}
		}
		return digest.finish();
	}

	private Participation participation(Lottery lottery, CurrentAccount who) {
		return this.slips.findParticipation(Participation.id(lottery.id(), who.id())).orElseThrow();
	}

	/**
	 * The places of a lottery.
	 *
	 * @param first the first slip, the player's
	 * @param empty the place of the submission cut short
	 * @param key the form's idempotency key of that submission
	 * @param last the last slip, the other participant's
	 */
	private record Places(BallotSlip first, long empty, String key, BallotSlip last) {

		/**
		 * The key the submission cut short was counted with (its player's, the first's).
		 */
		String submissionKey() {
			return this.first.accountId() + ":" + this.key;
		}

	}

}
