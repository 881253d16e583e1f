package com.novanta.feeds;

import java.util.ArrayList;
import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.TestSlips;
import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
import com.novanta.testing.MutableClock;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three lotteries of the daily game on consecutive days, drawn and settled by the draw
 * pipeline (the newest with a participant's ballot that wins three numbers); the clock
 * stopped the day after the last: the newest drawn lotteries of the game are these.
 */
final class OpenResultsFixture {

	/** Newest first. */
	final List<Lottery> drawn = new ArrayList<>();

	final CurrentAccount player;

	final BallotSlip slip;

	OpenResultsFixture(ApplicationContext context) {
		TestLotteries lotteries = new TestLotteries(context);
		Lottery first = lotteries.open("daily");
		Lottery second = lotteries.next(first);
		Lottery third = lotteries.next(second);
		this.player = new TestParticipants(context).verified("Zelda Quartermaine", "Bergamo");
		int[] winning = WinningBallots.onlySlipMatching(third.id(), lotteries.drawInputs(third.id()), 11, 3).ballot(0);
		this.slip = new TestSlips(context).play(this.player, third, winning);
		for (Lottery lottery : List.of(first, second, third)) {
			assertThat(TestPipelines.drawAtClose(context, lottery).isAtLeast(LotteryStatus.SETTLED)).isTrue();
			this.drawn.add(0, lotteries.reload(lottery));
		}
		context.getBean(MutableClock.class).freezeAt(third.closesAt().plusSeconds(60));
	}

	Lottery newest() {
		return this.drawn.get(0);
	}

}
