package com.novanta.draw;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.beacon.BeaconTerms;
import com.novanta.beacon.TestBeacon;
import com.novanta.fairness.Fairness;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.DatabaseReads;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recipe 3's beacon in the real pipeline, read from the tests' drand relay: the draw
 * waits for a round not yet published, waits and says so while the beacon is down or
 * lies, never draws without the round unless an operator overrides it (only once it is
 * overdue long enough), and draws the same numbers after a restart.
 */
@IntegrationTest
class BeaconDrawIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	BeaconStep beaconStep;

	@Autowired
	LotterySteps steps;

	@Autowired
	BeaconTerms terms;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MeterRegistry meters;

	private TestLotteries lotteries;

	private Lottery lottery;

	@BeforeEach
	void openAndPlay() {
		this.lotteries = new TestLotteries(this.context);
		this.lottery = this.lotteries.open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Beacon Player");
		TestSlips slips = new TestSlips(this.context);
		slips.play(player, this.lottery, 1, 2, 3, 4, 5, 6);
		slips.play(player, this.lottery, 7, 18, 29, 40, 51, 62);
	}

	@AfterEach
	void beaconBackUp() {
		TestBeacon.relay().reset();
	}

	@Test
	void theRoundIsFixedWhenTheLotteryIsCreated() {
		assertThat(this.lottery.recipe()).isEqualTo(3);
		assertThat(this.lottery.beacon().chain()).isEqualTo(TestBeacon.CHAIN);
		// margin 0 in tests: the round published at the close (closes are at whole
		// minutes)
		assertThat(this.lottery.beacon().round()).isEqualTo(TestBeacon.roundAt(this.lottery.closesAt()));
		assertThat(this.lottery.beacon().due()).isEqualTo(this.lottery.closesAt());
		assertThat(this.lottery.beacon().fetched()).isNull();
		assertThat(this.lottery.beacon().waiting()).isNull();
	}

	@Test
	void theDrawWaitsForARoundNotYetPublishedWithoutAskingTheBeacon() {
		// a round a minute after the close, as a margin of one minute fixes it
		long later = TestBeacon.roundAt(this.lottery.closesAt().plusSeconds(60));
		Instant due = this.lottery.closesAt().plusSeconds(60);
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())),
				new Update().set("beacon.round", later).set("beacon.due", due), "lotteries");
		int asked = TestBeacon.relay().requests();
		this.clock.freezeAt(this.lottery.closesAt());

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);

		Lottery closed = this.lotteries.reload(this.lottery);
		assertThat(closed.ballotDigest()).isNotNull();
		assertThat(closed.digestedAt()).isEqualTo(this.lottery.closesAt());
		assertThat(closed.isWaitingForBeacon()).isTrue();
		assertThat(closed.beacon().waiting()).as("no outage: the round is not due yet").isNull();
		assertThat(closed.seed()).isNull();
		assertThat(closed.winningNumbers()).isNull();
		assertThat(TestBeacon.relay().requests()).isEqualTo(asked);

		this.clock.freezeAt(due);
		try (DatabaseReads.Recording finds = DatabaseReads.finds("ballots")) {
			assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
			// settled with the ballots the digest step read, not read again after the
			// wait
			assertThat(finds.filters()).noneMatch((filter) -> filter.containsKey("slip"));
		}
		Lottery drawn = this.lotteries.reload(this.lottery);
		assertThat(drawn.beacon().fetched().value()).isEqualTo(TestBeacon.value(later));
		assertThat(drawn.drawOrder()).containsExactly(expectedOrder(drawn, TestBeacon.value(later)));
	}

	@Test
	void aBeaconThatIsDownHoldsTheDrawAndSaysSoUntilItIsBack() {
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		double failures = count("novanta.draw.beacon.failures", "unavailable");
		this.clock.freezeAt(this.lottery.closesAt());

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);

		Lottery waiting = this.lotteries.reload(this.lottery);
		assertThat(waiting.ballotDigest()).isNotNull();
		assertThat(waiting.isWaitingForBeacon()).isTrue();
		assertThat(waiting.winningNumbers()).isNull();
		assertThat(waiting.beacon().waiting().since()).isEqualTo(this.lottery.closesAt());
		assertThat(waiting.beacon().waiting().attempts()).isEqualTo(1);
		assertThat(waiting.beacon().waiting().reason()).contains("503");
		assertThat(waiting.beacon().waiting().invalid()).isFalse();
		assertThat(count("novanta.draw.beacon.failures", "unavailable")).isEqualTo(failures + 1);

		// at once again: it pauses, and does not ask
		int asked = TestBeacon.relay().requests();
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		assertThat(TestBeacon.relay().requests()).isEqualTo(asked);

		// a little later: asks again, still down
		this.clock.freezeAt(this.lottery.closesAt().plusSeconds(2));
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		Lottery stillWaiting = this.lotteries.reload(this.lottery);
		assertThat(stillWaiting.beacon().waiting().attempts()).isEqualTo(2);
		assertThat(stillWaiting.beacon().waiting().since()).isEqualTo(this.lottery.closesAt());
		assertThat(stillWaiting.beacon().waiting().lastAttempt()).isEqualTo(this.lottery.closesAt().plusSeconds(2));
		assertThat(this.meters.get("novanta.draw.beacon.overdue").gauge().value()).isGreaterThanOrEqualTo(1);

		// back: drawn with the round, the wait kept as its history
		TestBeacon.relay().reset();
		this.clock.freezeAt(this.lottery.closesAt().plusSeconds(10));
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = this.lotteries.reload(this.lottery);
		String value = TestBeacon.value(drawn.beacon().round());
		assertThat(drawn.beacon().fetched().value()).isEqualTo(value);
		assertThat(drawn.beacon().waiting().attempts()).isEqualTo(2);
		assertThat(drawn.drawOrder()).containsExactly(expectedOrder(drawn, value));
	}

	@Test
	void aRoundThatDoesNotVerifyIsNeverDrawnWith() {
		TestBeacon.relay().answer(TestBeacon.Answer.FORGED);
		double invalid = count("novanta.draw.beacon.failures", "invalid");
		this.clock.freezeAt(this.lottery.closesAt());

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);

		Lottery waiting = this.lotteries.reload(this.lottery);
		assertThat(waiting.beacon().fetched()).isNull();
		assertThat(waiting.beacon().waiting().invalid()).isTrue();
		assertThat(waiting.beacon().waiting().reason()).contains("does not verify");
		assertThat(waiting.winningNumbers()).isNull();
		assertThat(count("novanta.draw.beacon.failures", "invalid")).isEqualTo(invalid + 1);
	}

	@Test
	void aLotteryOfAnotherChainWaitsRatherThanTakeThisChainsRound() {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())),
				new Update().set("beacon.chain", "another-chain"), "lotteries");
		int asked = TestBeacon.relay().requests();
		this.clock.freezeAt(this.lottery.closesAt());

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);

		Lottery waiting = this.lotteries.reload(this.lottery);
		assertThat(waiting.beacon().waiting().reason()).contains("another-chain");
		assertThat(waiting.beacon().waiting().invalid()).isTrue();
		assertThat(TestBeacon.relay().requests()).isEqualTo(asked);
	}

	@Test
	void aRestartAfterTheRoundWasKeptDrawsWithTheKeptRoundWithoutAskingAgain() {
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		// a run that kept the round and crashed before drawing: the beacon step alone
		TestBeacon.relay().reset();
		this.clock.freezeAt(this.lottery.closesAt().plusSeconds(5));
		Lottery kept = this.beaconStep.fetch(this.lotteries.reload(this.lottery));
		assertThat(kept.beacon().fetched().value()).isEqualTo(TestBeacon.value(kept.beacon().round()));
		assertThat(kept.status()).isEqualTo(LotteryStatus.CLOSED);

		// the restart: the relay now lies, and is not asked
		TestBeacon.relay().answer(TestBeacon.Answer.FORGED);
		int asked = TestBeacon.relay().requests();
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		Lottery drawn = this.lotteries.reload(this.lottery);
		assertThat(TestBeacon.relay().requests()).isEqualTo(asked);
		assertThat(drawn.beacon().fetched()).isEqualTo(kept.beacon().fetched());
		assertThat(drawn.drawOrder()).containsExactly(expectedOrder(drawn, kept.beacon().fetched().value()));
	}

	@Test
	void anOperatorMayDrawWithoutTheRoundOnlyOnceItIsOverdueLongEnough() {
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		Instant allowed = this.lottery.beacon().due().plus(this.terms.overrideAfter());

		this.clock.freezeAt(allowed.minusSeconds(1));
		assertThat(this.steps.overrideBeacon(this.lottery.id(), "drand down all night", "admin-1")).isEmpty();
		assertThat(this.lotteries.reload(this.lottery).beacon().overridden()).isNull();

		this.clock.freezeAt(allowed);
		Optional<Lottery> overridden = this.steps.overrideBeacon(this.lottery.id(), "drand down all night", "admin-1");
		assertThat(overridden).isPresent();
		assertThat(overridden.get().beacon().overridden().reason()).isEqualTo("drand down all night");
		assertThat(overridden.get().beacon().overridden().at()).isEqualTo(allowed);
		// once is all
		assertThat(this.steps.overrideBeacon(this.lottery.id(), "again", "admin-2")).isEmpty();

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = this.lotteries.reload(this.lottery);
		assertThat(drawn.beacon().fetched()).isNull();
		assertThat(drawn.beacon().overridden().accountId()).isEqualTo("admin-1");
		// the seed and the root alone
		assertThat(drawn.drawOrder()).containsExactly(expectedOrder(drawn, null));
	}

	@Test
	void aRoundAlreadyKeptCannotBeOverridden() {
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		this.clock.freezeAt(this.lottery.closesAt().plus(this.terms.overrideAfter()).plusSeconds(1));
		assertThat(this.steps.overrideBeacon(this.lottery.id(), "too late", "admin-1")).isEmpty();
		assertThat(this.lotteries.reload(this.lottery).beacon().overridden()).isNull();
	}

	@Test
	void whenTheRoundArrivesAsTheOperatorOverridesOnlyOneOfThemCounts() throws Exception {
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		TestBeacon.relay().reset();
		this.clock.freezeAt(this.lottery.beacon().due().plus(this.terms.overrideAfter()));
		Lottery waiting = this.lotteries.reload(this.lottery);

		List<Lottery> results = AllAtOnce.run(2, (i) -> () -> (i == 0) ? this.beaconStep.fetch(waiting)
				: this.steps.overrideBeacon(waiting.id(), "drand down all night", "admin-1").orElse(null));

		Lottery after = this.lotteries.reload(this.lottery);
		assertThat(after.beacon().fetched() == null).as("exactly one of fetched and overridden: %s", after.beacon())
			.isNotEqualTo(after.beacon().overridden() == null);
		assertThat(results).hasSize(2);
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = this.lotteries.reload(this.lottery);
		assertThat(drawn.drawOrder()).containsExactly(expectedOrder(drawn, drawn.beacon().value()));
	}

	private double count(String name, String reason) {
		return Optional.ofNullable(this.meters.find(name).tag("reason", reason).counter())
			.map((counter) -> counter.count())
			.orElse(0.0);
	}

	private Integer[] expectedOrder(Lottery drawn, String beaconValue) {
		return Arrays.stream(Fairness.draw(drawn.seed(), drawn.ballotDigest(), beaconValue, 6, 90))
			.boxed()
			.toArray(Integer[]::new);
	}

}
