package com.novanta.lottery;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.novanta.fairness.Fairness;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class LotteryCalendarIntegrationTests {

	@Autowired
	LotteryCalendar calendar;

	@Autowired
	LotteryRepository lotteries;

	@Autowired
	SeedVault seeds;

	@Autowired
	GameCatalog games;

	@Autowired
	MutableClock clock;

	@Test
	void everyGameHasItsLotteriesOfTheComingDaysOpen() {
		this.calendar.ensureUpcoming();
		Instant now = this.clock.instant();
		for (Game game : this.games.all()) {
			LocalDate today = now.atZone(game.schedule().zone()).toLocalDate();
			for (LocalDate date : game.schedule().drawDates(today, game.daysAhead())) {
				if (!game.schedule().closesAt(date).isAfter(now)) {
					continue;
				}
				Lottery lottery = this.lotteries.findById(game.lotteryId(date)).orElseThrow();
				assertThat(lottery.status()).isEqualTo(LotteryStatus.OPEN);
				assertThat(lottery.closesAt()).isEqualTo(game.schedule().closesAt(date));
				assertThat(lottery.drawDate()).isEqualTo(date);
				assertThat(lottery.seed()).as("the seed stays secret until the draw").isNull();
				assertThat(lottery.seedCommitment())
					.isEqualTo(Fairness.commitment(this.seeds.find(lottery.id()).orElseThrow()));
			}
		}
	}

	@Test
	void creatingAgainChangesNothing() {
		this.calendar.ensureUpcoming();
		List<Lottery> before = upcoming();
		assertThat(before).isNotEmpty();
		assertThat(this.calendar.ensureUpcoming()).isZero();
		assertThat(upcoming()).usingRecursiveFieldByFieldElementComparator().containsExactlyElementsOf(before);
	}

	@Test
	void opensTheNextDaysAsTimeGoesOn() {
		this.calendar.ensureUpcoming();
		Game daily = this.games.get("daily");
		this.clock.advance(Duration.ofDays(3));
		this.calendar.ensureUpcoming();
		LocalDate inTen = this.clock.instant().atZone(daily.schedule().zone()).toLocalDate().plusDays(6);
		assertThat(this.lotteries.findById(daily.lotteryId(inTen))).isPresent();
	}

	@Test
	void theSeedIsMadeOnceWhoeverAsksFirst() {
		String first = this.seeds.seedFor("test-lottery-seed");
		String second = this.seeds.seedFor("test-lottery-seed");
		assertThat(first).hasSize(64).isEqualTo(second);
	}

	/** The lotteries the calendar keeps open now, of every game. */
	private List<Lottery> upcoming() {
		Instant now = this.clock.instant();
		List<Lottery> upcoming = new ArrayList<>();
		for (Game game : this.games.all()) {
			LocalDate today = now.atZone(game.schedule().zone()).toLocalDate();
			for (LocalDate date : game.schedule().drawDates(today, game.daysAhead())) {
				if (game.schedule().closesAt(date).isAfter(now)) {
					upcoming.add(this.lotteries.findById(game.lotteryId(date)).orElseThrow());
				}
			}
		}
		return upcoming;
	}

}
