package com.novanta.responsibleplay;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Self-exclusion and the days and months limits are counted in. */
class ResponsiblePlayTests {

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	static final Instant NOW = ZonedDateTime.of(2031, 1, 15, 10, 0, 0, 0, ROME).toInstant();

	@Test
	void anExclusionLastsTheChosenPeriodInTheSitesCalendar() {
		ResponsiblePlay excluded = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.SIX_MONTHS, NOW, ROME)
			.orElseThrow();

		// from winter to summer time: still 10:00 in Rome, six months later
		Instant until = ZonedDateTime.of(2031, 7, 15, 10, 0, 0, 0, ROME).toInstant();
		assertThat(excluded.excludedAt()).isEqualTo(NOW);
		assertThat(excluded.excludedUntil()).isEqualTo(until);
		assertThat(excluded.isExcludedAt(NOW)).isTrue();
		assertThat(excluded.isExcludedAt(until.minusMillis(1))).isTrue();
		assertThat(excluded.isExcludedAt(until)).isFalse();
	}

	@Test
	void anExclusionCanBeExtendedButNeverShortened() {
		ResponsiblePlay twoYears = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.TWO_YEARS, NOW, ROME).orElseThrow();
		Instant later = NOW.plusSeconds(86_400 * 30);

		assertThat(twoYears.excludedFor(ExclusionPeriod.SIX_MONTHS, later, ROME)).isEmpty();
		assertThat(twoYears.excludedFor(ExclusionPeriod.ONE_YEAR, later, ROME)).isEmpty();
		ResponsiblePlay fiveYears = twoYears.excludedFor(ExclusionPeriod.FIVE_YEARS, later, ROME).orElseThrow();
		assertThat(fiveYears.excludedAt()).isEqualTo(NOW);
		assertThat(fiveYears.excludedUntil()).isEqualTo(later.atZone(ROME).plusYears(5).toInstant());
		assertThat(fiveYears.revision()).isEqualTo(twoYears.revision() + 1);
	}

	@Test
	void anEndedExclusionIsNotInForceAndANewOneStartsAfresh() {
		ResponsiblePlay ended = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.SIX_MONTHS, NOW, ROME).orElseThrow();
		Instant afterwards = ended.excludedUntil().plusSeconds(60);

		PlayStatus status = ended.statusAt(afterwards, ROME);
		assertThat(status.excluded()).isFalse();
		assertThat(status.excludedUntil()).isNull();
		ResponsiblePlay again = ended.excludedFor(ExclusionPeriod.SIX_MONTHS, afterwards, ROME).orElseThrow();
		assertThat(again.excludedAt()).isEqualTo(afterwards);
	}

	@Test
	void limitsAndExclusionAreIndependent() {
		ResponsiblePlay limited = ResponsiblePlay.NONE.withLimits(10, 100, NOW);
		ResponsiblePlay excluded = limited.excludedFor(ExclusionPeriod.ONE_YEAR, NOW, ROME).orElseThrow();

		PlayStatus status = excluded.withLimits(5, null, NOW).statusAt(NOW, ROME);
		assertThat(status.excluded()).isTrue();
		assertThat(status.dailyLimit()).isEqualTo(5);
		assertThat(status.monthlyLimit()).isEqualTo(100);
		assertThat(status.monthly().pending()).isNull();
		assertThat(status.monthly().hasPendingAt(NOW)).isTrue();
	}

	@Test
	void daysAndMonthsAreTheSitesNotUtc() {
		// 23:30 on 31 May in UTC is already 1 June in Rome
		PlayStatus status = ResponsiblePlay.NONE.statusAt(Instant.parse("2031-05-31T23:30:00Z"), ROME);

		assertThat(status.day()).isEqualTo(LocalDate.of(2031, 6, 1));
		assertThat(status.month()).isEqualTo(YearMonth.of(2031, 6));
	}

	@Test
	void anAccountWithoutChoicesHasNone() {
		ResponsiblePlay stored = new ResponsiblePlay(null, null, null, null, 0);

		assertThat(stored).isEqualTo(ResponsiblePlay.NONE);
		assertThat(stored.statusAt(NOW, ROME).hasLimits()).isFalse();
	}

	@Test
	void whatStillBindsOfAnExclusionIsKeptUntilItEnds() {
		ResponsiblePlay excluded = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.ONE_YEAR, NOW, ROME).orElseThrow();

		ResponsiblePlay kept = excluded.stillBindingAt(NOW.plusSeconds(60));
		assertThat(kept.excludedAt()).isEqualTo(NOW);
		assertThat(kept.excludedUntil()).isEqualTo(excluded.excludedUntil());
		assertThat(kept.bindsUntil()).contains(excluded.excludedUntil());
		assertThat(excluded.stillBindingAt(excluded.excludedUntil())).isEqualTo(ResponsiblePlay.NONE);
	}

	@Test
	void aLimitBindsUntilItIsRemovedAndARaiseKeepsItsDate() {
		ResponsiblePlay raised = ResponsiblePlay.NONE.withLimits(2, null, NOW).withLimits(10, null, NOW);

		ResponsiblePlay kept = raised.stillBindingAt(NOW.plusSeconds(3600));
		assertThat(kept.daily()).isEqualTo(new PlayLimit(2, 10, NOW.plus(ResponsiblePlay.RAISE_DELAY)));
		assertThat(kept.bindsUntil()).isEmpty();
		// once the raise took effect, the raised limit is what binds
		assertThat(raised.stillBindingAt(NOW.plus(ResponsiblePlay.RAISE_DELAY)).daily())
			.isEqualTo(new PlayLimit(10, null, null));
	}

	@Test
	void aLimitOnItsWayOutBindsUntilItGoes() {
		ResponsiblePlay removing = ResponsiblePlay.NONE.withLimits(2, null, NOW).withLimits(null, null, NOW);
		ResponsiblePlay alsoExcluded = removing.excludedFor(ExclusionPeriod.SIX_MONTHS, NOW, ROME).orElseThrow();

		assertThat(removing.stillBindingAt(NOW).bindsUntil()).contains(NOW.plus(ResponsiblePlay.RAISE_DELAY));
		assertThat(removing.stillBindingAt(NOW.plus(ResponsiblePlay.RAISE_DELAY))).isEqualTo(ResponsiblePlay.NONE);
		assertThat(alsoExcluded.stillBindingAt(NOW).bindsUntil()).contains(alsoExcluded.excludedUntil());
	}

	@Test
	void nothingChosenOrEndedLeavesNothingToKeep() {
		assertThat(ResponsiblePlay.NONE.stillBindingAt(NOW)).isEqualTo(ResponsiblePlay.NONE);
		ResponsiblePlay ended = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.SIX_MONTHS, NOW, ROME).orElseThrow();
		assertThat(ended.stillBindingAt(NOW.plusSeconds(86_400L * 365))).isEqualTo(ResponsiblePlay.NONE);
	}

	@Test
	void combinedTheLaterExclusionWins() {
		ResponsiblePlay sixMonths = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.SIX_MONTHS, NOW, ROME)
			.orElseThrow();
		Instant later = NOW.plusSeconds(3600);
		ResponsiblePlay oneYear = ResponsiblePlay.NONE.excludedFor(ExclusionPeriod.ONE_YEAR, later, ROME).orElseThrow();

		ResponsiblePlay kept = sixMonths.strictestWith(oneYear, later);
		ResponsiblePlay own = oneYear.strictestWith(sixMonths, later);

		assertThat(kept.excludedAt()).isEqualTo(later);
		assertThat(kept.excludedUntil()).isEqualTo(oneYear.excludedUntil());
		assertThat(kept.revision()).isEqualTo(sixMonths.revision() + 1);
		assertThat(own).isSameAs(oneYear);
		assertThat(ResponsiblePlay.NONE.strictestWith(sixMonths, NOW).excludedUntil())
			.isEqualTo(sixMonths.excludedUntil());
		// an exclusion that ended binds nobody
		Instant afterwards = sixMonths.excludedUntil();
		assertThat(ResponsiblePlay.NONE.strictestWith(sixMonths, afterwards)).isSameAs(ResponsiblePlay.NONE);
	}

	@Test
	void combinedEachLimitIsTheLowerInForce() {
		ResponsiblePlay own = ResponsiblePlay.NONE.withLimits(9, 30, NOW);
		ResponsiblePlay kept = ResponsiblePlay.NONE.withLimits(5, null, NOW);

		ResponsiblePlay combined = own.strictestWith(kept, NOW);

		assertThat(combined.daily()).isEqualTo(new PlayLimit(5, null, null));
		assertThat(combined.monthly()).isEqualTo(new PlayLimit(30, null, null));
		assertThat(combined.excludedUntil()).isNull();
		assertThat(combined.revision()).isEqualTo(own.revision() + 1);
		assertThat(ResponsiblePlay.NONE.strictestWith(ResponsiblePlay.NONE, NOW)).isSameAs(ResponsiblePlay.NONE);
		assertThat(own.strictestWith(ResponsiblePlay.NONE, NOW)).isSameAs(own);
	}

	@Test
	void combinedARaiseThatWaitsStaysOnlyIfTheOtherLimitAllowsAsMuch() {
		Instant raiseDue = NOW.plus(ResponsiblePlay.RAISE_DELAY);
		// 2 a day, going up to 10 tomorrow
		ResponsiblePlay raising = ResponsiblePlay.NONE.withLimits(2, null, NOW).withLimits(10, null, NOW);

		// beside no limit, or a limit of 10: the raise stays as it is
		assertThat(raising.strictestWith(ResponsiblePlay.NONE, NOW)).isSameAs(raising);
		assertThat(ResponsiblePlay.NONE.withLimits(10, null, NOW).strictestWith(raising, NOW).daily())
			.isEqualTo(new PlayLimit(2, 10, raiseDue));
		// beside a limit of 6: going up to 10 would allow more than 6, so 2 stays
		ResponsiblePlay six = ResponsiblePlay.NONE.withLimits(6, null, NOW);
		assertThat(six.strictestWith(raising, NOW).daily()).isEqualTo(new PlayLimit(2, null, null));
		assertThat(raising.strictestWith(six, NOW).daily()).isEqualTo(new PlayLimit(2, null, null));
		// beside a limit of 6 that itself goes up to 20 before the raise comes due: it
		// stays
		ResponsiblePlay sixThenTwenty = ResponsiblePlay.NONE.withLimits(6, null, NOW.minusSeconds(3600))
			.withLimits(20, null, NOW.minusSeconds(3600));
		assertThat(raising.strictestWith(sixThenTwenty, NOW).daily()).isEqualTo(new PlayLimit(2, 10, raiseDue));
		// removing a limit waits too: it stays only beside no limit
		ResponsiblePlay removing = ResponsiblePlay.NONE.withLimits(2, null, NOW).withLimits(null, null, NOW);
		assertThat(removing.strictestWith(ResponsiblePlay.NONE, NOW)).isSameAs(removing);
		assertThat(removing.strictestWith(six, NOW).daily()).isEqualTo(new PlayLimit(2, null, null));
		// the higher limit's own raise never counts
		assertThat(
				ResponsiblePlay.NONE.withLimits(4, null, NOW).strictestWith(six.withLimits(50, null, NOW), NOW).daily())
			.isEqualTo(new PlayLimit(4, null, null));
	}

	@Test
	void combinedARaiseThatCameDueIsTheLimitInForce() {
		ResponsiblePlay raised = ResponsiblePlay.NONE.withLimits(2, null, NOW).withLimits(10, null, NOW);
		Instant later = NOW.plus(ResponsiblePlay.RAISE_DELAY).plusSeconds(1);

		assertThat(raised.strictestWith(ResponsiblePlay.NONE.withLimits(7, null, later), later).daily())
			.isEqualTo(new PlayLimit(7, null, null));
	}

}
