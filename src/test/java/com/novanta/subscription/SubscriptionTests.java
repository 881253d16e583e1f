package com.novanta.subscription;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.novanta.game.Game;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's rules: draws left and when it is done, the jackpot minimum, how it is
 * shown, what can be done with it, its last draw and when its end is announced.
 */
class SubscriptionTests {

	static final Game DAILY = SubscriptionTermsTests.DAILY;

	static final Game SATURDAY = SubscriptionTermsTests.SATURDAY;

	static final Instant CREATED = Instant.parse("2026-12-01T10:00:00Z");

	static Subscription subscription(Integer draws, int placed, SubscriptionStatus status, Long minJackpot) {
		return new Subscription("s1", "a1", "daily", List.of(List.of(1, 2, 3, 4, 5, 6), List.of(7, 8, 9, 10, 11, 12)),
				draws, minJackpot, status, placed, List.of("daily-2026-12-01"), List.of(), CREATED);
	}

	@Test
	void aFixedLengthSubscriptionCountsItsDrawsDown() {
		assertThat(subscription(3, 0, SubscriptionStatus.ACTIVE, null).drawsLeft()).isEqualTo(3);
		assertThat(subscription(3, 2, SubscriptionStatus.ACTIVE, null).drawsLeft()).isEqualTo(1);
		assertThat(subscription(3, 2, SubscriptionStatus.ACTIVE, null).isDone()).isFalse();
		assertThat(subscription(3, 3, SubscriptionStatus.ACTIVE, null).isDone()).isTrue();
		assertThat(subscription(3, 3, SubscriptionStatus.ACTIVE, null).drawsLeft()).isZero();
		assertThat(subscription(3, 3, SubscriptionStatus.ACTIVE, null).isLive()).isFalse();
	}

	@Test
	void oneUntilStoppedIsNeverDone() {
		Subscription open = subscription(null, 500, SubscriptionStatus.ACTIVE, null);
		assertThat(open.drawsLeft()).isNull();
		assertThat(open.isDone()).isFalse();
		assertThat(open.isLive()).isTrue();
		assertThat(open.lastDrawDate(DAILY, LocalDate.of(2026, 12, 2))).isNull();
	}

	@Test
	void theJackpotMinimumIsInWholeEurosAndInclusive() {
		Subscription minimum = subscription(3, 0, SubscriptionStatus.ACTIVE, 5_000_000L);
		assertThat(minimum.wantsJackpot(500_000_000L)).isTrue();
		assertThat(minimum.wantsJackpot(499_999_999L)).isFalse();
		assertThat(subscription(3, 0, SubscriptionStatus.ACTIVE, null).wantsJackpot(0)).isTrue();
	}

	@Test
	void anActiveSubscriptionIsShownSuspendedWhileItsParticipantIsExcluded() {
		assertThat(subscription(3, 0, SubscriptionStatus.ACTIVE, null).shownStatus(true)).isEqualTo("suspended");
		assertThat(subscription(3, 0, SubscriptionStatus.ACTIVE, null).shownStatus(false)).isEqualTo("active");
		assertThat(subscription(3, 0, SubscriptionStatus.PAUSED, null).shownStatus(true)).isEqualTo("paused");
		assertThat(subscription(3, 0, SubscriptionStatus.CANCELLED, null).shownStatus(true)).isEqualTo("cancelled");
	}

	@Test
	void whatCanBeDoneFollowsTheStatus() {
		Subscription active = subscription(3, 0, SubscriptionStatus.ACTIVE, null);
		assertThat(active.canPause()).isTrue();
		assertThat(active.canResume()).isFalse();
		assertThat(active.canCancel()).isTrue();
		Subscription paused = subscription(3, 0, SubscriptionStatus.PAUSED, null);
		assertThat(paused.canPause()).isFalse();
		assertThat(paused.canResume()).isTrue();
		assertThat(paused.canCancel()).isTrue();
		for (SubscriptionStatus over : List.of(SubscriptionStatus.CANCELLED, SubscriptionStatus.FINISHED)) {
			Subscription ended = subscription(3, 0, over, null);
			assertThat(ended.canPause() || ended.canResume() || ended.canCancel()).as(over.name()).isFalse();
		}
	}

	@Test
	void thePriceOfADrawIsTheGamesPriceForEachLine() {
		assertThat(subscription(3, 0, SubscriptionStatus.ACTIVE, null).pricePerDraw(DAILY)).isEqualTo(200);
	}

	@Test
	void theLastDrawFollowsTheGamesSchedule() {
		// daily: three draws from 2 December are 2, 3 and 4 December
		assertThat(subscription(3, 0, SubscriptionStatus.ACTIVE, null).lastDrawDate(DAILY, LocalDate.of(2026, 12, 2)))
			.isEqualTo(LocalDate.of(2026, 12, 4));
		// Saturdays: three draws from Saturday 5 December end on the 19th
		Subscription saturday = new Subscription("s2", "a1", "saturday", List.of(List.of(1, 2, 3, 4, 5)), 3, null,
				SubscriptionStatus.ACTIVE, 0, List.of(), List.of(), CREATED);
		assertThat(saturday.lastDrawDate(SATURDAY, LocalDate.of(2026, 12, 5))).isEqualTo(LocalDate.of(2026, 12, 19));
		assertThat(subscription(3, 3, SubscriptionStatus.ACTIVE, null).lastDrawDate(DAILY, LocalDate.of(2026, 12, 2)))
			.isNull();
	}

	@Test
	void theEndIsAnnouncedAWeekBeforeTheLastDrawOfALongSubscription() {
		// 20 daily draws started on 1 December, 12 placed: the last is on 9 December,
		// closing at midnight in Rome (23:00 UTC)
		Subscription long20 = subscription(20, 12, SubscriptionStatus.ACTIVE, null);
		LocalDate next = LocalDate.of(2026, 12, 2);
		assertThat(long20.lastDrawDate(DAILY, next)).isEqualTo(LocalDate.of(2026, 12, 9));
		assertThat(long20.endingSoon(DAILY, next, Instant.parse("2026-12-02T22:59:59Z"))).isFalse();
		assertThat(long20.endingSoon(DAILY, next, Instant.parse("2026-12-02T23:00:00Z"))).isTrue();
		// paused or cancelled: nothing to announce
		assertThat(subscription(20, 12, SubscriptionStatus.PAUSED, null).endingSoon(DAILY, next,
				Instant.parse("2026-12-02T23:00:00Z")))
			.isFalse();
	}

	@Test
	void aSubscriptionShorterThanAWeekSaysItsEndWhenItStarts() {
		Subscription short3 = subscription(3, 0, SubscriptionStatus.ACTIVE, null);
		assertThat(short3.endingSoon(DAILY, LocalDate.of(2026, 12, 2), CREATED)).isFalse();
		assertThat(subscription(null, 0, SubscriptionStatus.ACTIVE, null).endingSoon(DAILY, LocalDate.of(2026, 12, 2),
				CREATED))
			.isFalse();
	}

	@Test
	void theHistoryIsShownNewestFirst() {
		Placement first = Placement.placed("daily-2026-12-01", LocalDate.of(2026, 12, 1), "x:1", "D-1", CREATED);
		Placement second = Placement.failed("daily-2026-12-02", LocalDate.of(2026, 12, 2), "subscriptions.failed.daily",
				CREATED);
		Subscription subscription = new Subscription("s3", "a1", "daily", List.of(List.of(1, 2, 3, 4, 5, 6)), 3, null,
				SubscriptionStatus.ACTIVE, 1, List.of("daily-2026-12-01", "daily-2026-12-02"), List.of(first, second),
				CREATED);
		assertThat(subscription.history()).containsExactly(second, first);
		assertThat(subscription.handled("daily-2026-12-02")).isTrue();
		assertThat(subscription.handled("daily-2026-12-03")).isFalse();
	}

	@Test
	void theNextDrawIsTheFirstOpenLotteryOfItsGameNotPlayedYet() {
		Lottery today = lottery("daily-2026-12-01", "daily", "2026-12-01T23:00:00Z");
		Lottery tomorrow = lottery("daily-2026-12-02", "daily", "2026-12-02T23:00:00Z");
		Lottery saturday = lottery("saturday-2026-12-05", "saturday", "2026-12-05T19:00:00Z");
		List<Lottery> open = List.of(saturday, tomorrow, today);
		// recorded for today's lottery (placed, failed or skipped): tomorrow's is next
		assertThat(SubscriptionPlacements.nextFor(subscription(3, 1, SubscriptionStatus.ACTIVE, null), open))
			.contains(tomorrow);
		Subscription fresh = new Subscription("s4", "a1", "daily", List.of(List.of(1, 2, 3, 4, 5, 6)), 3, null,
				SubscriptionStatus.ACTIVE, 0, List.of(), List.of(), CREATED);
		assertThat(SubscriptionPlacements.nextFor(fresh, open)).contains(today);
		assertThat(SubscriptionPlacements.nextFor(fresh, List.of(saturday))).isEmpty();
	}

	private static Lottery lottery(String id, String gameId, String closesAt) {
		Instant closes = Instant.parse(closesAt);
		return new Lottery(id, gameId, LocalDate.parse(id.substring(id.indexOf('-') + 1)), closes, LotteryStatus.OPEN,
				"commitment", 0, 0, null, null, null, null, null, null, null, null, null, 3, null, null);
	}

	@Test
	void theIdempotencyKeyIsTheSameForASubscriptionAndALotteryAndFitsTheForm() {
		String key = SubscriptionPlacements.key("5b3c3f1e-8a55-4e47-9a3e-0c1f0f6c2a11", "saturday-2026-12-05");
		assertThat(key)
			.isEqualTo(SubscriptionPlacements.key("5b3c3f1e-8a55-4e47-9a3e-0c1f0f6c2a11", "saturday-2026-12-05"));
		assertThat(key)
			.isNotEqualTo(SubscriptionPlacements.key("5b3c3f1e-8a55-4e47-9a3e-0c1f0f6c2a11", "saturday-2026-12-12"));
		assertThat(key).hasSizeLessThanOrEqualTo(64);
	}

}
