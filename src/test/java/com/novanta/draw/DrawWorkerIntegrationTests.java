package com.novanta.draw;

import java.time.Duration;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The worker draws whatever is overdue, as it does at start-up after the application was
 * down over a close instant. It has an application of its own: moving the clock years
 * ahead and drawing everything due would draw the other tests' lotteries too.
 */
@IntegrationTest
@TestPropertySource(properties = "lottery.test.context=draw-worker")
class DrawWorkerIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawWorker worker;

	@Autowired
	MutableClock clock;

	@Test
	void aLotteryWhoseCloseInstantPassedWhileTheApplicationWasDownIsDrawnAtStartUp() {
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery lottery = lotteries.open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Rosalind Franklin");
		new TestSlips(this.context).play(player, lottery, 1, 2, 3, 4, 5, 6);

		this.clock.freezeAt(lottery.closesAt().plus(Duration.ofHours(30)));
		this.worker.onStart();

		Lottery drawn = lotteries.reload(lottery);
		assertThat(drawn.status()).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(drawn.ballotCount()).isEqualTo(1);
		assertThat(drawn.closedAt()).isEqualTo(lottery.closesAt().plus(Duration.ofHours(30)));
	}

}
