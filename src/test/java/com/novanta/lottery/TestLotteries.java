package com.novanta.lottery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;

import org.springframework.context.ApplicationContext;

/**
 * Lotteries of their own for tests, dated from the application's clock so that they work
 * whatever day the tests run. A lottery's id is its game and draw date, so each test gets
 * a draw date of its own: the game's first draw at least {@value #APART} days after today
 * and after every other lottery made here. That keeps each out of the calendar's days
 * ahead (the lotteries it opens by itself), and no earlier lottery of the game (one a
 * jackpot rolled over to) waits to be settled before it.
 */
public final class TestLotteries {

	/** Days between the test lotteries of one game. */
	static final int APART = 30;

	/** The draw date last given to a test, by game, in any application of this JVM. */
	private static final Map<String, LocalDate> last = new ConcurrentHashMap<>();

	private final LotteryCalendar calendar;

	private final LotteryRepository repository;

	private final GameCatalog games;

	private final Clock clock;

	public TestLotteries(ApplicationContext context) {
		this.calendar = context.getBean(LotteryCalendar.class);
		this.repository = context.getBean(LotteryRepository.class);
		this.games = context.getBean(GameCatalog.class);
		this.clock = context.getBean(Clock.class);
	}

	/** A new open lottery of the game, on a draw date of its own. */
	public Lottery open(String gameId) {
		Game game = this.games.get(gameId);
		LocalDate today = this.clock.instant().atZone(game.schedule().zone()).toLocalDate();
		LocalDate date = last.compute(gameId, (id, previous) -> {
			LocalDate from = today.plusDays(APART);
			if (previous != null && !previous.plusDays(APART).isBefore(from)) {
				from = previous.plusDays(APART);
			}
			return game.schedule().drawDates(from, 7).get(0);
		});
		this.calendar.create(game, date);
		return this.repository.findById(game.lotteryId(date)).orElseThrow();
	}

	/**
	 * The game's next lottery after {@code lottery} (in the days between its test
	 * lotteries): its settlement waits until {@code lottery} is settled, as for the next
	 * day's lottery of the calendar.
	 */
	public Lottery next(Lottery lottery) {
		Game game = this.games.get(lottery.gameId());
		LocalDate date = game.schedule().drawDates(lottery.drawDate().plusDays(1), 7).get(0);
		this.calendar.create(game, date);
		return this.repository.findById(game.lotteryId(date)).orElseThrow();
	}

	/** The lottery as it is now. */
	public Lottery reload(Lottery lottery) {
		return this.repository.findById(lottery.id()).orElseThrow();
	}

}
