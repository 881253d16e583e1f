package com.novanta.draw;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.TestPlayRestrictions;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Participants who excluded themselves after submitting ballots: the "no win" email is
 * promotional and does not go, the win email does.
 */
@IntegrationTest
class SelfExclusionMailIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MutableClock clock;

	Lottery lottery;

	int[] winningBallot;

	int[] losingBallot;

	TestMail mail;

	@BeforeEach
	void setUp() {
		this.lottery = new TestLotteries(this.context).open("daily");
		this.mail = new TestMail(this.mailbox);
		chooseBallots();
	}

	@Test
	void anExcludedWinnerIsToldOfTheWinButAnExcludedLoserGetsNoEmail() {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount winner = participants.verified("Wilma Excluded");
		CurrentAccount loser = participants.verified("Lorenzo Excluded");
		CurrentAccount playing = participants.verified("Paola Playing");
		this.clock.freezeAt(this.lottery.closesAt().minusSeconds(3600));
		TestSlips slips = new TestSlips(this.context);
		slips.play(winner, this.lottery, this.winningBallot);
		slips.play(loser, this.lottery, this.losingBallot);
		slips.play(playing, this.lottery, this.losingBallot);
		TestPlayRestrictions restrictions = new TestPlayRestrictions(this.context);
		restrictions.exclude(winner, ExclusionPeriod.SIX_MONTHS);
		restrictions.exclude(loser, ExclusionPeriod.ONE_YEAR);

		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		assertThat(this.mail.to(winner.email())).singleElement()
			.satisfies((mail) -> assertThat(mail.text()).contains("Congratulations! You won €25.00."));
		assertThat(this.mail.to(loser.email())).isEmpty();
		assertThat(this.mail.to(playing.email())).singleElement()
			.satisfies((mail) -> assertThat(mail.text()).contains("No win this time."));
	}

	private void chooseBallots() {
		WinningBallots.Found slips = WinningBallots.threeSlipsOneWinningThree(this.lottery.id(),
				new TestLotteries(this.context).drawInputs(this.lottery.id()), 11);
		this.winningBallot = slips.ballot(0);
		this.losingBallot = slips.ballot(1);
	}

}
