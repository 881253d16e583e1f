package com.novanta.draw;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSubmission;
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
	BallotSubmission submission;

	@Autowired
	MutableClock clock;

	@Test
	void aLotteryWhoseCloseInstantPassedWhileTheApplicationWasDownIsDrawnAtStartUp() {
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery lottery = lotteries.open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Rosalind Franklin");
		this.submission.submit(new BallotSubmission.Player(player.id(), true), lottery.id(),
				List.of(List.of(1, 2, 3, 4, 5, 6)), List.of(false), UUID.randomUUID().toString());

		this.clock.freezeAt(lottery.closesAt().plus(Duration.ofHours(30)));
		this.worker.onStart();

		Lottery drawn = lotteries.reload(lottery);
		assertThat(drawn.status()).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(drawn.ballotCount()).isEqualTo(1);
		assertThat(drawn.closedAt()).isEqualTo(lottery.closesAt().plus(Duration.ofHours(30)));
	}

}
