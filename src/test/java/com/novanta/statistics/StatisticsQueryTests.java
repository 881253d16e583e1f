package com.novanta.statistics;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import com.novanta.game.DrawSchedule;
import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatisticsQueryTests {

	private static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final Game DAILY = game("daily", 6, 90, EnumSet.allOf(DayOfWeek.class));

	private static final Game SATURDAY = game("saturday", 5, 50, EnumSet.of(DayOfWeek.SATURDAY));

	private static final List<Game> GAMES = List.of(DAILY, SATURDAY);

	// 23:30 UTC on 24 November is already 25 November in Rome
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T23:30:00Z"), ZoneOffset.UTC);

	@Test
	void withNothingChosenItIsEveryDrawOfTheFirstGame() {
		StatisticsQuery query = StatisticsQuery.of(null, null, null, null, GAMES, CLOCK);
		assertThat(query.isValid()).isTrue();
		assertThat(query.game()).isEqualTo(DAILY);
		assertThat(query.period()).isEqualTo(Period.ALL);
		assertThat(query.from()).isNull();
		assertThat(query.to()).isNull();
	}

	@Test
	void theLastDaysEndTodayInTheGamesTimeZone() {
		StatisticsQuery query = StatisticsQuery.of("saturday", "30", null, null, GAMES, CLOCK);
		assertThat(query.isValid()).isTrue();
		assertThat(query.game()).isEqualTo(SATURDAY);
		assertThat(query.to()).isEqualTo(LocalDate.of(2026, 11, 25));
		assertThat(query.from()).isEqualTo(LocalDate.of(2026, 10, 27));
		assertThat(StatisticsQuery.of(null, "365", null, null, GAMES, CLOCK).from())
			.isEqualTo(LocalDate.of(2025, 11, 26));
	}

	@Test
	void betweenDatesIncludesBothAndEitherMayBeLeftOpen() {
		StatisticsQuery both = StatisticsQuery.of("daily", "dates", "2026-01-01", "2026-01-31", GAMES, CLOCK);
		assertThat(both.isValid()).isTrue();
		assertThat(both.from()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(both.to()).isEqualTo(LocalDate.of(2026, 1, 31));
		StatisticsQuery onlyFrom = StatisticsQuery.of("daily", "dates", " 2026-01-01 ", "", GAMES, CLOCK);
		assertThat(onlyFrom.isValid()).isTrue();
		assertThat(onlyFrom.to()).isNull();
		StatisticsQuery sameDay = StatisticsQuery.of("daily", "dates", "2026-01-01", "2026-01-01", GAMES, CLOCK);
		assertThat(sameDay.isValid()).isTrue();
	}

	@Test
	void datesWithoutAPeriodMeanBetweenThem() {
		StatisticsQuery query = StatisticsQuery.of(null, null, null, "2026-02-01", GAMES, CLOCK);
		assertThat(query.period()).isEqualTo(Period.DATES);
		assertThat(query.to()).isEqualTo(LocalDate.of(2026, 2, 1));
	}

	@Test
	void datesAreIgnoredWithAnotherPeriod() {
		StatisticsQuery query = StatisticsQuery.of(null, "90", "not a date", "2026-02-01", GAMES, CLOCK);
		assertThat(query.isValid()).isTrue();
		assertThat(query.to()).isEqualTo(LocalDate.of(2026, 11, 25));
	}

	@Test
	void badInputGetsAMessagePerField() {
		assertThat(StatisticsQuery.of("bingo", null, null, null, GAMES, CLOCK).errors())
			.containsExactly(Map.entry("game", "statistics.game.invalid"));
		assertThat(StatisticsQuery.of(null, "7", null, null, GAMES, CLOCK).errors())
			.containsExactly(Map.entry("period", "statistics.period.invalid"));
		assertThat(StatisticsQuery.of(null, "dates", "", " ", GAMES, CLOCK).errors())
			.containsExactly(Map.entry("from", "statistics.dates.missing"));
		assertThat(StatisticsQuery.of(null, "dates", "2026-02-30", "yesterday", GAMES, CLOCK).errors())
			.containsEntry("from", "statistics.date.invalid")
			.containsEntry("to", "statistics.date.invalid");
		assertThat(StatisticsQuery.of(null, "dates", "2026-03-01", "2026-02-01", GAMES, CLOCK).errors())
			.containsExactly(Map.entry("to", "statistics.dates.order"));
	}

	private static Game game(String id, int picks, int max, EnumSet<DayOfWeek> days) {
		return new Game(id, id.substring(0, 1).toUpperCase(), id, picks, max,
				new DrawSchedule(LocalTime.MIDNIGHT, days, ROME), 7, 100, List.of(PrizeTier.fixed(2, 100)), 0, 0);
	}

}
