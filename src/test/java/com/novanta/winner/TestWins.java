package com.novanta.winner;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.novanta.account.CurrentAccount;
import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settled lotteries of their own, and wins recorded in them directly, for the web tests
 * of the winners' pages.
 */
final class TestWins {

	private static final AtomicLong nextSlip = new AtomicLong(1);

	private final ApplicationContext context;

	TestWins(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * A lottery of the daily game of its own, drawn and settled (with no ballots): only
	 * this one is drawn, at its close instant, and the clock goes back to where it was.
	 */
	Lottery settledLottery() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		assertThat(TestPipelines.drawAtClose(this.context, lottery).isAtLeast(LotteryStatus.SETTLED)).isTrue();
		return new TestLotteries(this.context).reload(lottery);
	}

	/** Records a win of three numbers matched (€25.00) for the participant. */
	Winner win(CurrentAccount account, Lottery lottery) {
		return win(account, lottery, List.of(3, 14, 15, 65, 77, 88), List.of(3, 14, 15), 3, 2500L);
	}

	Winner win(CurrentAccount account, Lottery lottery, List<Integer> numbers, List<Integer> matched, int tier,
			Long prize) {
		long slip = nextSlip.getAndIncrement();
		String slipId = lottery.id() + ":" + String.format("%09d", slip);
		Winner winner = new Winner(Winner.id(slipId, 0), lottery.id(), lottery.gameId(), lottery.drawDate(), slipId, 0,
				"D-TEST-" + slip, account.id(), numbers, matched, tier, prize, false, false, false,
				this.context.getBean(Clock.class).instant());
		this.context.getBean(Winners.class).recordAll(List.of(winner));
		return winner;
	}

}
