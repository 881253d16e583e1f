package com.novanta.lottery;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;

import org.springframework.context.ApplicationContext;

/**
 * Lotteries of their own for tests that draw: each on a date far from today and from
 * every other test's, so that no earlier lottery of the game waits to be settled before
 * it.
 */
public final class TestLotteries {

	private static final AtomicInteger next = new AtomicInteger();

	private final LotteryCalendar calendar;

	private final LotteryRepository repository;

	private final GameCatalog games;

	public TestLotteries(ApplicationContext context) {
		this.calendar = context.getBean(LotteryCalendar.class);
		this.repository = context.getBean(LotteryRepository.class);
		this.games = context.getBean(GameCatalog.class);
	}

	/** A new open lottery of the game, on a date of its own. */
	public Lottery open(String gameId) {
		Game game = this.games.get(gameId);
		LocalDate date = LocalDate.of(2031, 1, 1).plusDays(30L * next.incrementAndGet());
		while (!game.schedule().drawsOn(date)) {
			date = date.plusDays(1);
		}
		this.calendar.create(game, date);
		return this.repository.findById(game.lotteryId(date)).orElseThrow();
	}

	/** The lottery as it is now. */
	public Lottery reload(Lottery lottery) {
		return this.repository.findById(lottery.id()).orElseThrow();
	}

}
