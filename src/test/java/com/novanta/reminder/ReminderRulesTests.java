package com.novanta.reminder;

import java.time.Duration;
import java.time.Instant;

import com.novanta.account.EmailPreferences;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** When a reminder is due, how its time left is said, and the keys that make it once. */
class ReminderRulesTests {

	static final Instant CLOSE = Instant.parse("2026-12-02T23:00:00Z");

	static final Duration WINDOW = Duration.ofHours(2);

	@Test
	void aClosingReminderIsDueOnlyWithinTheWindowAndBeforeTheClose() {
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE.minus(Duration.ofHours(3)), WINDOW)).isFalse();
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE.minus(WINDOW).minusSeconds(1), WINDOW)).isFalse();
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE.minus(WINDOW), WINDOW)).isTrue();
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE.minus(Duration.ofMinutes(30)), WINDOW)).isTrue();
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE.minusSeconds(1), WINDOW)).isTrue();
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE, WINDOW)).as("closed").isFalse();
		assertThat(ReminderRules.closesWithin(CLOSE, CLOSE.plusSeconds(1), WINDOW)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "100000000, 1000000, true", "100000000, 999999, true", "99999999, 1000000, false",
			"100000099, 1000001, false", "100000100, 1000001, true", "0, 1, false" })
	void aJackpotReachesAThresholdInWholeEuros(long cents, long euros, boolean reached) {
		assertThat(ReminderRules.reached(cents, euros)).isEqualTo(reached);
	}

	@Test
	void noThresholdIsNeverReached() {
		assertThat(ReminderRules.reached(Long.MAX_VALUE, null)).isFalse();
		assertThat(ReminderRules.reached(Long.MAX_VALUE, 0L)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "7200, 120, 2", "6000, 100, 2", "5340, 89, 1", "2700, 45, 1", "2640, 44, 0", "61, 2, 0", "1, 1, 0",
			"0, 1, 0" })
	void theTimeLeftIsSaidInHoursOrMinutes(long secondsLeft, long minutes, long hours) {
		long left = ReminderRules.minutesLeft(CLOSE, CLOSE.minusSeconds(secondsLeft));
		assertThat(left).isEqualTo(minutes);
		assertThat(ReminderRules.aboutHours(left)).isEqualTo(hours);
	}

	@Test
	void eachKindHasItsOwnKeyPerLotteryAndParticipant() {
		assertThat(ReminderKind.CLOSING.key("daily-2026-12-03", "a1")).isEqualTo("remind-closing:daily-2026-12-03:a1");
		assertThat(ReminderKind.JACKPOT.key("daily-2026-12-03", "a1")).isEqualTo("remind-jackpot:daily-2026-12-03:a1");
		assertThat(ReminderKind.CLOSING.key("daily-2026-12-03", "a1"))
			.isNotEqualTo(ReminderKind.CLOSING.key("daily-2026-12-04", "a1"))
			.isNotEqualTo(ReminderKind.CLOSING.key("daily-2026-12-03", "a2"));
	}

	@Test
	void eachKindIsStoppedByItsOwnLink() {
		assertThat(ReminderKind.CLOSING.unsubscribe()).isEqualTo(EmailPreferences.Kind.CLOSING_REMINDERS);
		assertThat(ReminderKind.JACKPOT.unsubscribe()).isEqualTo(EmailPreferences.Kind.JACKPOT_ALERTS);
	}

}
