package com.novanta.draw;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The ballots kept from the digest step for settlement: only for their own digest. */
class DigestedBallotsTests {

	private final DigestedBallots kept = new DigestedBallots();

	@Test
	void givesBackTheBallotsOnlyForTheDigestAndCountTheyGave() {
		CompactBallots ballots = new CompactBallots("daily-2026-12-02");
		this.kept.keep("daily-2026-12-02", "d1", ballots);
		assertThat(this.kept.find("daily-2026-12-02", "d1", 0)).isSameAs(ballots);
		assertThat(this.kept.find("daily-2026-12-02", "d2", 0)).isNull();
		assertThat(this.kept.find("daily-2026-12-02", "d1", 1)).isNull();
		assertThat(this.kept.find("daily-2026-12-03", "d1", 0)).isNull();
		this.kept.forget("daily-2026-12-02");
		assertThat(this.kept.find("daily-2026-12-02", "d1", 0)).isNull();
	}

	@Test
	void keepsAFewLotteriesTheOldestForgottenFirst() {
		for (int day = 1; day <= DigestedBallots.LOTTERIES + 1; day++) {
			this.kept.keep("daily-2026-12-0" + day, "d", new CompactBallots("daily-2026-12-0" + day));
		}
		assertThat(this.kept.find("daily-2026-12-01", "d", 0)).isNull();
		for (int day = 2; day <= DigestedBallots.LOTTERIES + 1; day++) {
			assertThat(this.kept.find("daily-2026-12-0" + day, "d", 0)).isNotNull();
		}
	}

}
