package com.novanta.account.profile;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notifications form read against the games: closing reminders of known games, and
 * jackpot alerts in whole euros from €1 to a billion, or a message next to the field.
 */
class NotificationChoicesTests {

	static final Game DAILY = new Game("daily", "D", "Novanta 6/90", 6, 90,
			new DrawSchedule(LocalTime.MIDNIGHT, EnumSet.allOf(DayOfWeek.class), ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.jackpot(6), PrizeTier.fixed(2, 200)), 100_000_000, 40);

	static final Game SATURDAY = new Game("saturday", "S", "Sabato 5/50", 5, 50,
			new DrawSchedule(LocalTime.of(20, 0), EnumSet.of(DayOfWeek.SATURDAY), ZoneId.of("Europe/Rome")), 14, 200,
			List.of(PrizeTier.jackpot(5), PrizeTier.fixed(2, 300)), 25_000_000, 40);

	/** A game with fixed prizes only: closing reminders, but no jackpot alert. */
	static final Game FIXED = new Game("fixed", "F", "Fixed 3/30", 3, 30,
			new DrawSchedule(LocalTime.NOON, EnumSet.allOf(DayOfWeek.class), ZoneId.of("Europe/Rome")), 7, 100,
			List.of(PrizeTier.fixed(3, 5000), PrizeTier.fixed(2, 200)), 0, 0);

	static final List<Game> GAMES = List.of(DAILY, SATURDAY, FIXED);

	static final List<Game> JACKPOT_GAMES = List.of(DAILY, SATURDAY);

	@Test
	void readsEveryChoice() {
		NotificationChoices choices = read(false, List.of("daily", "fixed"), "5000000", "").orElseThrow();

		assertThat(choices.hasErrors()).isFalse();
		assertThat(choices.noWinEmails()).isFalse();
		assertThat(choices.reminders().closing()).containsExactlyInAnyOrder("daily", "fixed");
		assertThat(choices.reminders().jackpot()).isEqualTo(Map.of("daily", 5_000_000L));
	}

	@Test
	void nothingChosenIsNoReminderAtAll() {
		NotificationChoices choices = read(true, null, "", " ").orElseThrow();

		assertThat(choices.hasErrors()).isFalse();
		assertThat(choices.reminders().closing()).isEmpty();
		assertThat(choices.reminders().jackpot()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "5000000 | 5000000", "' 250000 ' | 250000", "5.000.000 | 5000000", "'5,000,000' | 5000000",
					"'5 000 000' | 5000000", "€5000000 | 5000000", "'€ 1.000' | 1000", "1000000 € | 1000000", "1 | 1",
					"1000000000 | 1000000000", "1.000.000.000 | 1000000000" })
	void acceptsWholeEurosWrittenAsPeopleWriteThem(String typed, long euros) {
		NotificationChoices choices = read(true, List.of(), typed, "").orElseThrow();

		assertThat(choices.errors()).isEmpty();
		assertThat(choices.reminders().jackpotThreshold("daily")).isEqualTo(euros);
		assertThat(choices.typed()).containsEntry("daily", typed);
	}

	@ParameterizedTest
	@ValueSource(strings = { "lots", "-5000", "+5000", "5000,50", "5000.5", "50.00", "1e6", "5 000 00", "0x10",
			"99999999999999999999", "<b>1</b>", "5000000 5000000" })
	void refusesWhatIsNotAWholeNumberOfEuros(String typed) {
		NotificationChoices choices = read(true, List.of("daily"), "5000", typed).orElseThrow();

		assertThat(choices.errors()).containsExactly(Map.entry("threshold-saturday", "notifications.jackpot.invalid"));
		assertThat(choices.typed()).as("shown again as typed").containsEntry("saturday", typed);
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "000", "1000000001", "9999999999", "1.000.000.001" })
	void refusesAmountsOutOfRange(String typed) {
		NotificationChoices choices = read(true, List.of(), typed, "").orElseThrow();

		assertThat(choices.errors()).containsExactly(Map.entry("threshold-daily", "notifications.jackpot.range"));
	}

	@Test
	void refusesAValueFarTooLong() {
		NotificationChoices choices = read(true, List.of(), "1".repeat(5000), "").orElseThrow();

		assertThat(choices.errors()).containsEntry("threshold-daily", "notifications.jackpot.invalid");
	}

	@Test
	void refusesAClosingReminderOfAGameThatIsNotOffered() {
		NotificationChoices choices = read(true, List.of("daily", "<script>"), "", "").orElseThrow();

		assertThat(choices.errors()).containsExactly(Map.entry("closing", "notifications.closing.invalid"));
	}

	@Test
	void aFormWithoutEveryThresholdIsNotOneThePageSends() {
		assertThat(read(true, List.of(), "5000")).isEmpty();
		assertThat(read(true, List.of(), "5000", "", "7")).isEmpty();
		assertThat(NotificationChoices.read(new NotificationsForm(true, List.of(), null), GAMES, JACKPOT_GAMES))
			.isEmpty();
	}

	@Test
	void aMissingThresholdInTheListIsNoAlert() {
		List<String> thresholds = new ArrayList<>();
		thresholds.add(null);
		thresholds.add("300000");
		NotificationChoices choices = NotificationChoices
			.read(new NotificationsForm(true, List.of(), thresholds), GAMES, JACKPOT_GAMES)
			.orElseThrow();

		assertThat(choices.reminders().jackpot()).isEqualTo(Map.of("saturday", 300_000L));
		assertThat(Set.copyOf(choices.typed().keySet())).containsExactlyInAnyOrder("daily", "saturday");
	}

	private static Optional<NotificationChoices> read(boolean noWin, List<String> closing, String... thresholds) {
		return NotificationChoices.read(new NotificationsForm(noWin, closing, Arrays.asList(thresholds)), GAMES,
				JACKPOT_GAMES);
	}

}
