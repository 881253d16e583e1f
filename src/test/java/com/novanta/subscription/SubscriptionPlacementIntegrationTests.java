package com.novanta.subscription;

import java.time.Duration;
import java.util.List;

import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.Participant;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.BallotSubmission;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.Outbox;
import com.novanta.notification.TestMail;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.TestPlayRestrictions;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * The placement step against the embedded database: one ordinary slip per subscription
 * and lottery, placed through the ordinary submission, exactly once when the process dies
 * between placing and recording and when several instances run the step at the same
 * moment (threads behind a barrier); a limit's refusal recorded once and emailed once;
 * nothing placed while excluded; the jackpot minimum; the emails; and a deleted account's
 * subscriptions going with it.
 */
@IntegrationTest
class SubscriptionPlacementIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	SubscriptionPlacements placements;

	@Autowired
	MySubscriptions mine;

	@Autowired
	MongoOperations mongo;

	@Autowired
	GameCatalog games;

	@Autowired
	Lotteries lotteries;

	@Autowired
	Accounts accounts;

	@Autowired
	Outbox outbox;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	CurrentAccount me;

	Lottery lottery;

	@AfterEach
	void removeTheFirstLotteries() {
		new TestLotteries(this.context).removeFirsts();
	}

	@BeforeEach
	void setUp() {
		this.me = new TestParticipants(this.context).verified("Ada Lovelace");
		this.lottery = new TestLotteries(this.context).open("daily");
	}

	@Test
	void aPlacementIsAnOrdinarySlipWithItsReceiptRecordedOnTheSubscription() {
		Subscription subscription = start(3, null, "3,17,22,45,61,88", "1,2,3,4,5,6");

		assertThat(this.placements.place(subscription, this.lottery)).isEqualTo(SubscriptionPlacements.Result.PLACED);

		List<BallotSlip> slips = slips();
		assertThat(slips).singleElement().satisfies((slip) -> {
			assertThat(slip.lines()).containsExactly(List.of(3, 17, 22, 45, 61, 88), List.of(1, 2, 3, 4, 5, 6));
			assertThat(slip.accountId()).isEqualTo(this.me.id());
			assertThat(slip.stake()).isEqualTo(200);
			assertThat(slip.signature()).as("a signed receipt, like any slip").isNotBlank();
		});
		Subscription recorded = reload(subscription);
		assertThat(recorded.placed()).isEqualTo(1);
		assertThat(recorded.drawsLeft()).isEqualTo(2);
		assertThat(recorded.placements()).singleElement().satisfies((placement) -> {
			assertThat(placement.outcome()).isEqualTo(Placement.Outcome.PLACED);
			assertThat(placement.lotteryId()).isEqualTo(this.lottery.id());
			assertThat(placement.slipId()).isEqualTo(slips.get(0).id());
			assertThat(placement.receipt()).isEqualTo(slips.get(0).receipt());
		});
		assertThat(this.placements.place(recorded, this.lottery)).as("once per lottery")
			.isEqualTo(SubscriptionPlacements.Result.NOT_DUE);
		this.placements.run(this.lottery);
		assertThat(slips()).as("the step finds nothing more to do").hasSize(1);
	}

	@Test
	void aCrashBetweenPlacingAndRecordingLeavesOneSlipOnceTheStepRunsAgain() {
		Subscription subscription = start(3, null, "1,2,3,4,5,6");
		SubscriptionPlacements crashing = withLog((id, placement) -> {
			throw new IllegalStateException("the process dies here");
		});

		assertThatThrownBy(() -> crashing.place(subscription, this.lottery)).hasMessageContaining("dies");
		assertThat(slips()).as("the slip was stored").hasSize(1);
		assertThat(reload(subscription).placements()).as("but not recorded").isEmpty();

		this.placements.run(this.lottery);

		List<BallotSlip> slips = slips();
		assertThat(slips).as("the same slip, found by its key").hasSize(1);
		Subscription recorded = reload(subscription);
		assertThat(recorded.placements()).singleElement()
			.satisfies((placement) -> assertThat(placement.slipId()).isEqualTo(slips.get(0).id()));
		assertThat(recorded.placed()).isEqualTo(1);
		assertThat(participationBallots()).as("counted once against the limit per lottery").isEqualTo(1);
	}

	@RepeatedTest(3)
	void instancesRunningTheStepAtOncePlaceOneSlipPerSubscriptionAndLottery() throws Exception {
		Subscription subscription = start(3, null, "1,2,3,4,5,6", "7,8,9,10,11,12");
		// each thread is an instance of its own: its own step, same database
		List<SubscriptionPlacements> instances = List.of(this.placements, withLog(this.subscriptions),
				withLog(this.subscriptions), withLog(this.subscriptions));

		List<SubscriptionPlacements.Result> results = AllAtOnce.run(instances.size(),
				(i) -> () -> instances.get(i).place(subscription, this.lottery));

		assertThat(results).allMatch((result) -> result == SubscriptionPlacements.Result.PLACED);
		assertThat(slips()).hasSize(1);
		Subscription recorded = reload(subscription);
		assertThat(recorded.placements()).hasSize(1);
		assertThat(recorded.placed()).isEqualTo(1);
		assertThat(participationBallots()).isEqualTo(2);
	}

	@Test
	void aFixedLengthSubscriptionFinishesAfterItsLastDraw() {
		Subscription subscription = start(2, null, "1,2,3,4,5,6");
		Lottery second = new TestLotteries(this.context).next(this.lottery);

		this.placements.place(subscription, this.lottery);
		this.placements.place(reload(subscription), second);

		Subscription finished = reload(subscription);
		assertThat(finished.status()).isEqualTo(SubscriptionStatus.FINISHED);
		assertThat(finished.placed()).isEqualTo(2);
		assertThat(finished.history()).extracting(Placement::lotteryId).containsExactly(second.id(), this.lottery.id());
		Lottery third = new TestLotteries(this.context).next(second);
		this.placements.run(third);
		assertThat(reload(subscription).lotteries()).doesNotContain(third.id());
	}

	@Test
	void aPlacementOverADailyLimitIsRecordedAsFailedOnceAndEmailedOnce() {
		new TestPlayRestrictions(this.context).limit(this.me, 1, null);
		Subscription subscription = start(3, null, "1,2,3,4,5,6", "7,8,9,10,11,12");

		assertThat(this.placements.place(subscription, this.lottery)).isEqualTo(SubscriptionPlacements.Result.FAILED);
		this.placements.run(this.lottery);
		assertThat(this.placements.place(reload(subscription), this.lottery))
			.isEqualTo(SubscriptionPlacements.Result.NOT_DUE);

		assertThat(slips()).isEmpty();
		Subscription recorded = reload(subscription);
		assertThat(recorded.placed()).isZero();
		assertThat(recorded.placements()).singleElement().satisfies((placement) -> {
			assertThat(placement.outcome()).isEqualTo(Placement.Outcome.FAILED);
			assertThat(placement.reason()).isEqualTo("subscriptions.failed.daily");
		});
		assertThat(recorded.status()).as("it goes on with the next draw").isEqualTo(SubscriptionStatus.ACTIVE);
		String subject = "A slip of your Novanta 6/90 subscription was not placed";
		assertThat(new TestMail(this.mailbox).to(this.me.email())).filteredOn((mail) -> mail.subject().equals(subject))
			.singleElement()
			.satisfies((mail) -> assertThat(mail.text()).contains("it would have gone over your daily limit")
				.contains("1, 2, 3, 4, 5, 6")
				.contains("/my/subscriptions"));
	}

	@Test
	void nothingIsPlacedOrRecordedWhileTheParticipantIsExcluded() {
		Subscription subscription = start(3, null, "1,2,3,4,5,6");
		new TestPlayRestrictions(this.context).exclude(this.me, ExclusionPeriod.SIX_MONTHS);
		int mails = new TestMail(this.mailbox).to(this.me.email()).size();

		assertThat(this.placements.place(subscription, this.lottery))
			.isEqualTo(SubscriptionPlacements.Result.SUSPENDED);
		this.placements.run(this.lottery);

		assertThat(slips()).isEmpty();
		assertThat(reload(subscription).placements()).isEmpty();
		assertThat(new TestMail(this.mailbox).to(this.me.email())).as("no email about it").hasSize(mails);
		assertThat(this.mine.of(this.me.id())).singleElement()
			.satisfies((view) -> assertThat(view.status()).isEqualTo("suspended"));
	}

	@Test
	void aPausedOrCancelledSubscriptionPlacesNothing() {
		Subscription paused = start(3, null, "1,2,3,4,5,6");
		Subscription cancelled = start(3, null, "7,8,9,10,11,12");
		this.subscriptions.pause(this.me.id(), paused.id());
		this.subscriptions.cancel(this.me.id(), cancelled.id());

		this.placements.run(this.lottery);

		assertThat(slips()).isEmpty();
		this.subscriptions.resume(this.me.id(), paused.id());
		this.placements.run(this.lottery);
		assertThat(slips()).singleElement()
			.satisfies((slip) -> assertThat(slip.lines()).containsExactly(List.of(1, 2, 3, 4, 5, 6)));
	}

	@Test
	void aDrawWhoseJackpotIsBelowTheMinimumIsSkippedAndDoesNotCount() {
		Game daily = this.games.get("daily");
		// the game's first lottery: nothing unsettled comes before it, so its jackpot is
		// known whatever other tests left in the database
		Lottery next = new TestLotteries(this.context).openFirst("daily");
		this.clock.freezeAt(next.closesAt().minus(Duration.ofDays(1)));
		long jackpot = this.lotteries.jackpotNow(next, daily).orElseThrow();
		Subscription tooHigh = start(3, jackpot / 100 + 1, "1,2,3,4,5,6");
		Subscription reached = start(3, jackpot / 100, "7,8,9,10,11,12");

		assertThat(this.placements.place(tooHigh, next)).isEqualTo(SubscriptionPlacements.Result.SKIPPED);
		assertThat(this.placements.place(reached, next)).isEqualTo(SubscriptionPlacements.Result.PLACED);

		Subscription skipped = reload(tooHigh);
		assertThat(skipped.placed()).isZero();
		assertThat(skipped.drawsLeft()).isEqualTo(3);
		assertThat(skipped.placements()).singleElement()
			.satisfies((placement) -> assertThat(placement.outcome()).isEqualTo(Placement.Outcome.SKIPPED));
		assertThat(reload(reached).placed()).isEqualTo(1);
	}

	@Test
	void aMinimumWaitsWhileTheJackpotIsNotKnown() {
		// the test lottery comes after the calendar's, not settled yet: its jackpot is
		// not
		// known
		Subscription subscription = start(3, 1L, "1,2,3,4,5,6");

		assertThat(this.placements.place(subscription, this.lottery)).isEqualTo(SubscriptionPlacements.Result.WAITING);
		assertThat(reload(subscription).placements()).isEmpty();
	}

	@Test
	void startingSendsASummaryAndPlacesTheFirstDrawAtOnce() {
		Participant participant = this.accounts.find(this.me.id()).orElseThrow();
		SubscriptionTerms terms = SubscriptionTerms.of("daily", List.of("5 15 25 35 45 55"), "fixed", "3", "",
				this.games.all());

		SubscriptionPlacements.Started started = this.placements.start(participant, terms);

		Lottery next = this.placements.nextLotteries().get("daily");
		assertThat(started.result()).isEqualTo(SubscriptionPlacements.Result.PLACED);
		assertThat(started.firstDraw()).isEqualTo(next.drawDate());
		assertThat(started.subscription().placements()).singleElement()
			.satisfies((placement) -> assertThat(placement.lotteryId()).isEqualTo(next.id()));
		assertThat(new TestMail(this.mailbox).only(this.me.email(), "Your Novanta 6/90 subscription has started"))
			.satisfies((mail) -> {
				assertThat(mail.text()).contains("5, 15, 25, 35, 45, 55")
					.contains("For 3 draws")
					.contains("€1.00 a draw")
					.contains("€3.00 in all")
					.contains("/my/subscriptions");
				assertThat(mail.html()).contains("Your subscription to Novanta 6/90 has started");
			});
		this.outbox.find("subscription-started:" + started.subscription().id()).orElseThrow();
	}

	@Test
	void theEndOfALongSubscriptionIsAnnouncedOnceAWeekBefore() {
		Subscription subscription = start(3, null, "1,2,3,4,5,6");
		// the test lottery is a month ahead: the day before its close, the last of the
		// three draws is two days after it, within a week
		this.clock.freezeAt(this.lottery.closesAt().minus(Duration.ofDays(1)));

		this.placements.place(subscription, this.lottery);

		String subject = "Your Novanta 6/90 subscription ends soon";
		assertThat(new TestMail(this.mailbox).only(this.me.email(), subject).text()).contains("2 draws left")
			.contains("/my/subscriptions");
		Lottery second = new TestLotteries(this.context).next(this.lottery);
		this.placements.place(reload(subscription), second);
		assertThat(new TestMail(this.mailbox).to(this.me.email())).as("once")
			.filteredOn((mail) -> mail.subject().equals(subject))
			.hasSize(1);
	}

	@Test
	void deletingTheAccountDeletesItsSubscriptionsAndNoOneElses() throws Exception {
		CurrentAccount other = new TestParticipants(this.context).verified("Mary Somerville");
		start(3, null, "1,2,3,4,5,6");
		Subscription theirs = this.subscriptions.start(other.id(),
				SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), "open", "", "", this.games.all()));

		this.mvc.perform(post("/account/delete").with(signedIn(this.me)).with(csrf()).with((request) -> {
			request.setRemoteAddr(TestParticipants.clientAddress());
			return request;
		}).param("confirmation", TestParticipants.PASSWORD)).andExpect(redirectedUrl("/?deleted"));

		assertThat(this.mongo.count(Query.query(Criteria.where("accountId").is(this.me.id())), Subscription.class))
			.isZero();
		assertThat(this.subscriptions.of(other.id())).extracting(Subscription::id).containsExactly(theirs.id());
	}

	@Test
	void theAdminCountsActiveSubscriptionsPerGame() {
		long before = this.subscriptions.activeByGame().getOrDefault("daily", 0L);
		start(3, null, "1,2,3,4,5,6");
		Subscription paused = start(3, null, "1,2,3,4,5,6");
		this.subscriptions.pause(this.me.id(), paused.id());

		assertThat(this.subscriptions.activeByGame()).containsEntry("daily", before + 1);
	}

	private Subscription start(Integer draws, Long minJackpot, String... lines) {
		SubscriptionTerms terms = SubscriptionTerms.of("daily", List.of(lines), (draws != null) ? "fixed" : "open",
				(draws != null) ? draws.toString() : "", (minJackpot != null) ? minJackpot.toString() : "",
				this.games.all());
		assertThat(terms.errors()).isEmpty();
		return this.subscriptions.start(this.me.id(), terms);
	}

	private SubscriptionPlacements withLog(PlacementLog log) {
		return new SubscriptionPlacements(this.subscriptions, log, this.context.getBean(BallotSubmission.class),
				this.lotteries, this.games, this.accounts, this.context.getBean(PlayRestrictions.class),
				this.context.getBean(SubscriptionMail.class), this.clock);
	}

	private Subscription reload(Subscription subscription) {
		return this.subscriptions.find(subscription.id()).orElseThrow();
	}

	private List<BallotSlip> slips() {
		return this.mongo.find(
				Query.query(Criteria.where("accountId").is(this.me.id()).and("lotteryId").is(this.lottery.id())),
				BallotSlip.class);
	}

	private long participationBallots() {
		Document participation = this.mongo.findOne(
				Query.query(Criteria.where("accountId").is(this.me.id()).and("lotteryId").is(this.lottery.id())),
				Document.class, "participations");
		return ((Number) participation.get("ballots")).longValue();
	}

}
