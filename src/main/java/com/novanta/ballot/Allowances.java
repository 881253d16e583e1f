package com.novanta.ballot;

import com.novanta.lottery.Lottery;
import com.novanta.responsibleplay.PlayCounts;
import com.novanta.responsibleplay.PlayStatus;

import org.springframework.stereotype.Component;

/**
 * Works out a participant's {@link Allowance} from the same limits and counters that
 * {@link BallotSubmission} enforces: what the page says is what a submission would meet.
 */
@Component
class Allowances {

	private final PlayCounts counts;

	private final SlipRepository slips;

	private final BallotProperties properties;

	Allowances(PlayCounts counts, SlipRepository slips, BallotProperties properties) {
		this.counts = counts;
		this.slips = slips;
		this.properties = properties;
	}

	/**
	 * What the participant can still play in the lottery, under their limits as they
	 * stand.
	 */
	Allowance of(String accountId, PlayStatus play, Lottery lottery) {
		Long today = this.counts.leftToday(accountId, play);
		Long month = this.counts.leftThisMonth(accountId, play);
		int limit = this.properties.limitPerLottery();
		long played = this.slips.findParticipation(Participation.id(lottery.id(), accountId))
			.map(Participation::ballots)
			.orElse(0L);
		return new Allowance(today, month, Math.max(0, limit - played), limit,
				play.day().plusDays(1).atStartOfDay(play.zone()).toInstant(),
				play.month().plusMonths(1).atDay(1).atStartOfDay(play.zone()).toInstant());
	}

}
