package com.novanta.statistics;

import java.time.LocalDate;
import java.util.List;

import com.novanta.statistics.NumberStatistics.Draw;
import com.novanta.statistics.NumberStatistics.NumberCount;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NumberStatisticsTests {

	private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

	@Test
	void countsHowOftenEachNumberWasDrawnAndWhenLast() {
		NumberStatistics stats = NumberStatistics.of(10, 3,
				List.of(draw(0, 1, 2, 3), draw(1, 1, 2, 4), draw(2, 1, 5, 6)));

		assertThat(stats.draws()).isEqualTo(3);
		assertThat(stats.first()).isEqualTo(DAY);
		assertThat(stats.last()).isEqualTo(DAY.plusDays(2));
		assertThat(stats.numbers()).extracting(NumberCount::number).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(stats.numbers()).extracting(NumberCount::count).containsExactly(3, 2, 1, 1, 1, 1, 0, 0, 0, 0);
		NumberCount two = stats.numbers().get(1);
		assertThat(two.lastDrawn()).isEqualTo(DAY.plusDays(1));
		assertThat(two.drawsAgo()).isEqualTo(1);
		assertThat(two.share()).isEqualTo(2.0 / 3);
		assertThat(stats.numbers().get(0).drawsAgo()).isZero();
		assertThat(stats.numbers().get(6).isNeverDrawn()).isTrue();
		assertThat(stats.numbers().get(6).lastDrawn()).isNull();
		assertThat(stats.average()).isEqualTo(9.0 / 10);
		assertThat(stats.mostDrawn()).isEqualTo(3);
	}

	@Test
	void drawsMayComeInAnyOrder() {
		NumberStatistics ordered = NumberStatistics.of(10, 3, List.of(draw(0, 1, 2, 3), draw(1, 4, 5, 6)));
		NumberStatistics shuffled = NumberStatistics.of(10, 3, List.of(draw(1, 4, 5, 6), draw(0, 1, 2, 3)));
		assertThat(shuffled.numbers()).isEqualTo(ordered.numbers());
		assertThat(shuffled.numbers().get(0).drawsAgo()).isEqualTo(1);
	}

	@Test
	void hotNumbersAreTheMostFrequentTheMoreRecentFirstAmongEquals() {
		// 1 four times; 2, 3 and 4 twice, 4 the most recently; then 5, 6 once
		NumberStatistics stats = NumberStatistics.of(10, 3,
				List.of(draw(0, 1, 2, 3), draw(1, 1, 2, 3), draw(2, 1, 4, 5), draw(3, 1, 4, 6)));

		assertThat(numbers(stats.hot().numbers())).containsExactly(1, 4, 2);
		// 3 was drawn as often as 2, the last one shown: it is named
		assertThat(numbers(stats.hot().tied())).containsExactly(3);
	}

	@Test
	void coldNumbersAreTheLeastFrequentTheLongestWaitingFirstAmongEquals() {
		NumberStatistics stats = NumberStatistics.of(6, 2,
				List.of(draw(0, 1, 2, 3), draw(1, 1, 2, 4), draw(2, 1, 2, 5), draw(3, 1, 2, 6), draw(4, 1, 2, 3)));
		// counts: 1 and 2 five times, 3 twice, 4, 5 and 6 once (4 the longest ago)
		assertThat(numbers(stats.cold().numbers())).containsExactly(4, 5);
		assertThat(numbers(stats.cold().tied())).containsExactly(6);
		assertThat(numbers(stats.hot().numbers())).containsExactly(1, 2);
		assertThat(stats.hot().tied()).isEmpty();
	}

	@Test
	void neverDrawnNumbersAreTheColdestAndTheLongestUndrawn() {
		NumberStatistics stats = NumberStatistics.of(10, 3, List.of(draw(0, 1, 2, 3), draw(1, 4, 5, 6)));

		assertThat(numbers(stats.cold().numbers())).containsExactly(7, 8, 9);
		assertThat(numbers(stats.cold().tied())).containsExactly(10);
		assertThat(numbers(stats.longestUndrawn().numbers())).containsExactly(7, 8, 9);
		assertThat(stats.longestUndrawn().numbers()).allSatisfy((n) -> assertThat(n.isNeverDrawn()).isTrue());
	}

	@Test
	void theLongestUndrawnAreThoseWhoseLastDrawIsOldest() {
		NumberStatistics stats = NumberStatistics.of(6, 2,
				List.of(draw(0, 1, 2, 3), draw(1, 4, 5, 1), draw(2, 6, 2, 4)));

		assertThat(numbers(stats.longestUndrawn().numbers())).containsExactly(3, 1);
		assertThat(stats.longestUndrawn().numbers()).extracting(NumberCount::drawsAgo).containsExactly(2, 1);
		// 5 was last drawn with 1, as long ago
		assertThat(numbers(stats.longestUndrawn().tied())).containsExactly(5);
	}

	@Test
	void whenEveryNumberCameUpEquallyNoneIsHotOrCold() {
		NumberStatistics stats = NumberStatistics.of(4, 2, List.of(draw(0, 1, 2), draw(1, 3, 4)));

		assertThat(stats.hot().isEmpty()).isTrue();
		assertThat(stats.cold().isEmpty()).isTrue();
		assertThat(stats.isHot(1)).isFalse();
		assertThat(numbers(stats.longestUndrawn().numbers())).containsExactly(1, 2);
	}

	@Test
	void hotAndColdNeverShareANumber() {
		// only two different counts: hot are the more frequent, cold the less
		NumberStatistics stats = NumberStatistics.of(8, 6, List.of(draw(0, 1, 2), draw(1, 1, 2)));

		assertThat(numbers(stats.hot().numbers())).containsExactly(1, 2);
		assertThat(numbers(stats.cold().numbers())).containsExactly(3, 4, 5, 6, 7, 8);
	}

	@Test
	void withoutDrawsThereIsNothingToRank() {
		NumberStatistics stats = NumberStatistics.of(90, 6, List.of());

		assertThat(stats.draws()).isZero();
		assertThat(stats.first()).isNull();
		assertThat(stats.numbers()).hasSize(90).allSatisfy((n) -> {
			assertThat(n.count()).isZero();
			assertThat(n.share()).isZero();
		});
		assertThat(stats.hot().isEmpty()).isTrue();
		assertThat(stats.cold().isEmpty()).isTrue();
		assertThat(stats.longestUndrawn().isEmpty()).isTrue();
	}

	@Test
	void aNumberOutsideTheGameIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> NumberStatistics.of(10, 3, List.of(draw(0, 1, 2, 11))));
	}

	@Test
	void theTilesOfTheChartFillUpWithTheirCountAndMarkHotAndCold() {
		NumberStatistics stats = NumberStatistics.of(12, 1,
				List.of(draw(0, 1, 2), draw(1, 1, 3), draw(2, 1, 2), draw(3, 1, 4)));
		FrequencyChart chart = FrequencyChart.of(stats);

		assertThat(chart.tiles()).hasSize(12);
		// ten to a row, two rows
		assertThat(chart.width()).isEqualTo(10 * FrequencyChart.SIZE + 9 * FrequencyChart.GAP);
		assertThat(chart.height()).isEqualTo(2 * FrequencyChart.SIZE + FrequencyChart.GAP);
		FrequencyChart.Tile one = chart.tiles().get(0);
		FrequencyChart.Tile two = chart.tiles().get(1);
		FrequencyChart.Tile eleven = chart.tiles().get(10);
		assertThat(one.fillHeight()).isEqualTo(FrequencyChart.SIZE);
		assertThat(one.fillY()).isZero();
		assertThat(two.fillHeight()).isEqualTo(FrequencyChart.SIZE / 2);
		assertThat(two.fillY()).isEqualTo(FrequencyChart.SIZE / 2);
		assertThat(eleven.fillHeight()).isZero();
		assertThat(eleven.x()).isZero();
		assertThat(eleven.y()).isEqualTo(FrequencyChart.SIZE + FrequencyChart.GAP);
		assertThat(one.css()).isEqualTo("tile tile-hot");
		assertThat(chart.tiles().get(4).css()).isEqualTo("tile tile-cold");
		assertThat(two.css()).isEqualTo("tile tile-plain");
	}

	private static Draw draw(int day, Integer... numbers) {
		return new Draw(DAY.plusDays(day), List.of(numbers));
	}

	private static List<Integer> numbers(List<NumberCount> counts) {
		return counts.stream().map(NumberCount::number).toList();
	}

}
