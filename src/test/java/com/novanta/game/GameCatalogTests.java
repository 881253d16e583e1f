package com.novanta.game;

import java.time.DayOfWeek;
import java.time.LocalTime;

import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The games shipped in the configuration. */
@IntegrationTest
class GameCatalogTests {

	@Autowired
	GameCatalog games;

	@Test
	void theDefaultGameIsSixFromNinetyDrawnEveryMidnight() {
		Game daily = this.games.get("daily");
		assertThat(daily.picks()).isEqualTo(6);
		assertThat(daily.maxNumber()).isEqualTo(90);
		assertThat(daily.schedule().time()).isEqualTo(LocalTime.MIDNIGHT);
		assertThat(daily.schedule().days()).hasSize(7);
		assertThat(daily.daysAhead()).isEqualTo(7);
		assertThat(daily.tiers()).extracting(PrizeTier::matches).containsExactly(6, 5, 4, 3, 2);
		assertThat(daily.jackpotTier()).map(PrizeTier::matches).contains(6);
	}

	@Test
	void aSecondGameHasAnotherMatrixAndSchedule() {
		Game saturday = this.games.get("saturday");
		assertThat(saturday.picks()).isEqualTo(5);
		assertThat(saturday.maxNumber()).isEqualTo(50);
		assertThat(saturday.schedule().time()).isEqualTo(LocalTime.of(20, 0));
		assertThat(saturday.schedule().days()).containsExactly(DayOfWeek.SATURDAY);
	}

}
