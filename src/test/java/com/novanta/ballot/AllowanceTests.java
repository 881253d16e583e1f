package com.novanta.ballot;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AllowanceTests {

	static final Instant DAY_ENDS = Instant.parse("2026-12-01T23:00:00Z");

	static final Instant MONTH_ENDS = Instant.parse("2026-12-31T23:00:00Z");

	@Test
	void whatIsLeftIsTheLeastOfTheLimitsThatAreSet() {
		assertThat(allowance(3L, 40L, 100).left()).isEqualTo(3);
		assertThat(allowance(null, 2L, 100).left()).isEqualTo(2);
		assertThat(allowance(null, null, 7).left()).isEqualTo(7);
		assertThat(allowance(3L, 40L, 100).bound()).isEqualTo(Allowance.Bound.DAY);
		assertThat(allowance(30L, 4L, 100).bound()).isEqualTo(Allowance.Bound.MONTH);
	}

	@Test
	void withNoneLeftPlayStartsAgainWhenTheLongestOfTheLimitsAtZeroEnds() {
		assertThat(allowance(0L, 5L, 100).playAgainFrom()).isEqualTo(DAY_ENDS);
		assertThat(allowance(0L, 0L, 100).playAgainFrom()).isEqualTo(MONTH_ENDS);
		assertThat(allowance(0L, 0L, 0).playAgainFrom()).isNull();
		assertThat(allowance(0L, 0L, 0).bound()).isEqualTo(Allowance.Bound.LOTTERY);
		assertThat(allowance(0L, null, 100).none()).isTrue();
	}

	@Test
	void theLimitPerLotteryIsSaidOnlyOnceSomethingWasPlayedAndItIsTheClosest() {
		assertThat(allowance(null, null, 100).showLottery()).isFalse();
		assertThat(allowance(null, null, 98).showLottery()).isTrue();
		assertThat(allowance(5L, null, 98).showLottery()).isFalse();
		assertThat(allowance(5L, null, 4).showLottery()).isTrue();
	}

	private static Allowance allowance(Long today, Long month, long lottery) {
		return new Allowance(today, month, lottery, 100, DAY_ENDS, MONTH_ENDS);
	}

}
