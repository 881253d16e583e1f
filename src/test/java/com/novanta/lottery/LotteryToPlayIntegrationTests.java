package com.novanta.lottery;

import java.time.Duration;

import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
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
 * A lottery seen open is used again for a second to play in, one read less per slip; its
 * place in the database still decides whether a slip gets in.
 */
@IntegrationTest
class LotteryToPlayIntegrationTests {

	@Autowired
	Lotteries lotteries;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	@BeforeEach
	void freeze() {
		this.clock.freezeAt(this.clock.instant());
	}

	@AfterEach
	void thaw() {
		this.clock.reset();
	}

	@Test
	void aLotteryClosedMeanwhileIsUsedForUnderASecondButGivesNoPlace() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		assertThat(this.lotteries.findToPlay(lottery.id()))
			.hasValueSatisfying((seen) -> assertThat(seen.isOpenAt(this.clock.instant())).isTrue());

		setStatus(lottery, LotteryStatus.CLOSED);
		this.clock.advance(Lotteries.OPEN_RECENT.minusMillis(1));
		assertThat(this.lotteries.findToPlay(lottery.id()).orElseThrow().status()).isEqualTo(LotteryStatus.OPEN);
		assertThat(this.lotteries.allocateSlots(lottery.id(), 1, 1)).as("the database decides").isEmpty();

		this.clock.advance(Duration.ofMillis(1));
		assertThat(this.lotteries.findToPlay(lottery.id()).orElseThrow().status()).isEqualTo(LotteryStatus.CLOSED);
	}

	@Test
	void aLotteryUsedAgainStillClosesAtItsInstantAndOneNotOpenIsReadAnew() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		this.clock.freezeAt(lottery.closesAt().minusMillis(500));
		assertThat(this.lotteries.findToPlay(lottery.id()).orElseThrow().isOpenAt(this.clock.instant())).isTrue();
		this.clock.advance(Duration.ofMillis(500));
		assertThat(this.lotteries.findToPlay(lottery.id()).orElseThrow().isOpenAt(this.clock.instant())).isFalse();

		Lottery other = new TestLotteries(this.context).open("daily");
		setStatus(other, LotteryStatus.CLOSED);
		this.clock.freezeAt(other.closesAt().minusSeconds(60));
		assertThat(this.lotteries.findToPlay(other.id()).orElseThrow().status()).isEqualTo(LotteryStatus.CLOSED);
		setStatus(other, LotteryStatus.OPEN);
		assertThat(this.lotteries.findToPlay(other.id()).orElseThrow().status()).as("read anew")
			.isEqualTo(LotteryStatus.OPEN);
	}

	private void setStatus(Lottery lottery, LotteryStatus status) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(lottery.id())), new Update().set("status", status),
				LotteryDocument.class);
	}

}
