package com.novanta.lottery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.novanta.beacon.TestBeacon;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import org.bson.Document;

import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

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

	/** The seeds' collection. */
	private static final String SEEDS = "lottery_seeds";

	/** The draw date last given to a test, by game, in any application of this JVM. */
	private static final Map<String, LocalDate> last = new ConcurrentHashMap<>();

	/** How many lotteries {@link #openFirst} gave, in any application of this JVM. */
	private static final AtomicInteger firsts = new AtomicInteger();

	/**
	 * The lotteries {@link #openFirst} gave and {@link #removeFirsts} has not removed.
	 */
	private static final Set<String> firstIds = ConcurrentHashMap.newKeySet();

	private final LotteryCalendar calendar;

	private final LotteryRepository repository;

	private final SeedVault seeds;

	private final SeedCipher cipher;

	private final GameCatalog games;

	private final Clock clock;

	public TestLotteries(ApplicationContext context) {
		this.calendar = context.getBean(LotteryCalendar.class);
		this.repository = context.getBean(LotteryRepository.class);
		this.seeds = context.getBean(SeedVault.class);
		this.cipher = context.getBean(SeedCipher.class);
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
	 * A new open lottery of the game before every other test's: on a date long before the
	 * suite's, each earlier than the one given before, so that no unsettled lottery of
	 * the game comes before it and its jackpot is known ({@code Lotteries#jackpotNow}).
	 * Move the clock before its close to play in it. Every lottery of the game after it
	 * waits for it to be settled (no jackpot is known for them until then), the next draw
	 * of the calendar included: a test that opens one calls {@link #removeFirsts} when it
	 * ends, so that the tests after it in the same application find the calendar's
	 * jackpots.
	 */
	public Lottery openFirst(String gameId) {
		Game game = this.games.get(gameId);
		LocalDate before = LocalDate.of(2019, 12, 31).minusDays(APART * (long) firsts.getAndIncrement());
		LocalDate date = game.schedule().drawDates(before.minusDays(7), 7).get(0);
		firstIds.add(game.lotteryId(date));
		this.calendar.create(game, date);
		return this.repository.findById(game.lotteryId(date)).orElseThrow();
	}

	/** Removes every lottery {@link #openFirst} gave from the application's database. */
	public void removeFirsts() {
		MongoOperations mongo = this.repository.mongo();
		for (String id : firstIds) {
			mongo.remove(Query.query(Criteria.where("_id").is(id)), mongo.getCollectionName(LotteryDocument.class));
			firstIds.remove(id);
		}
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

	/**
	 * The lottery's secret seed, before its draw too: for tests that play the ballots
	 * that win ({@link WinningBallots}), or check the seed a page reveals. The
	 * application shows it to no other module.
	 */
	public String seed(String lotteryId) {
		return this.seeds.find(lotteryId).orElseThrow();
	}

	/**
	 * What the lottery's numbers will be drawn from besides its ballots: its seed and its
	 * beacon round's value (the tests' beacon has a fixed key, so the value is known
	 * before the round is published).
	 */
	public WinningBallots.Inputs drawInputs(String lotteryId) {
		Lottery lottery = this.repository.findById(lotteryId).orElseThrow();
		return new WinningBallots.Inputs(seed(lotteryId),
				(lottery.beacon() != null) ? TestBeacon.value(lottery.beacon().round()) : null);
	}

	/** The lottery's seed document as stored, every field of it. */
	public Document storedSeed(String lotteryId) {
		return this.repository.mongo().findById(lotteryId, Document.class, SEEDS);
	}

	/**
	 * Replaces the lottery's stored seed by another one, sealed with the application's
	 * seed key: what someone holding the key and the database could do.
	 */
	public void storeSeed(String lotteryId, String seedHex) {
		this.repository.mongo()
			.updateFirst(Query.query(Criteria.where("_id").is(lotteryId)),
					new Update().set("sealed", this.cipher.seal(lotteryId, seedHex))
						.set("key", this.cipher.keyId())
						.unset("seed"),
					SEEDS);
	}

	/**
	 * Replaces the lottery's stored seed by a seed in plain hex, as seeds were stored
	 * before they were sealed.
	 */
	public void storePlainSeed(String lotteryId, String seedHex) {
		this.repository.mongo()
			.upsert(Query.query(Criteria.where("_id").is(lotteryId)),
					new Update().set("seed", seedHex).unset("sealed").unset("key"), SEEDS);
	}

	/**
	 * Counts slips written straight to the database (by benchmarks) as given their places
	 * in the open lottery.
	 */
	public void placed(Lottery lottery, long slips, long ballots) {
		this.repository.update(Query.query(Criteria.where("_id").is(lottery.id())),
				new Update().set("slots", slips).set("reservedBallots", ballots));
	}

	/** Who holds the lottery's draw lease now ({@code null} if nobody). */
	public String leaseOwner(Lottery lottery) {
		return stored(lottery).getString("leaseOwner");
	}

	/** The lottery as stored, every field of its document. */
	public Document stored(Lottery lottery) {
		MongoOperations mongo = this.repository.mongo();
		return mongo.findById(lottery.id(), Document.class, mongo.getCollectionName(LotteryDocument.class));
	}

}
