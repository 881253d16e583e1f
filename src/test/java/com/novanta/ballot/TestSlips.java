package com.novanta.ballot;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.lottery.Lottery;

import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slips played straight through {@link BallotSubmission} (what the play form calls), each
 * with a key of its own, for tests that need ballots in a lottery. A slip that is not
 * accepted fails the test.
 */
public final class TestSlips {

	private final BallotSubmission submission;

	public TestSlips(ApplicationContext context) {
		this.submission = context.getBean(BallotSubmission.class);
	}

	/** A verified participant's slip of one line, chosen by hand. */
	public BallotSlip play(CurrentAccount player, Lottery lottery, int... numbers) {
		return play(player, lottery, List.of(Arrays.stream(numbers).boxed().toList()), false);
	}

	/** A verified participant's slip of these lines, all quick picks or none. */
	public BallotSlip play(CurrentAccount player, Lottery lottery, List<List<Integer>> lines, boolean quickPicks) {
		SubmissionResult result = this.submission.submit(new BallotSubmission.Player(player.id(), true), lottery.id(),
				lines, lines.stream().map((line) -> quickPicks).toList(), UUID.randomUUID().toString());
		assertThat(result).isInstanceOf(SubmissionResult.Accepted.class);
		return ((SubmissionResult.Accepted) result).slip();
	}

}
