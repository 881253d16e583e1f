package com.novanta.lottery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

import com.novanta.beacon.BeaconTerms;
import com.novanta.beacon.RandomnessBeacon;
import com.novanta.fairness.Fairness;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every game's lotteries of today and the coming days open: creates those that do
 * not exist yet, at start-up and every hour (creating is idempotent: one lottery per game
 * and date, by its id). Each lottery gets its close instant, the commitment to its seed
 * and its public beacon round when it is created.
 */
@Component
public class LotteryCalendar {

	private static final Logger log = LoggerFactory.getLogger(LotteryCalendar.class);

	private final GameCatalog games;

	private final LotteryRepository lotteries;

	private final SeedVault seeds;

	private final RandomnessBeacon beacon;

	private final BeaconTerms terms;

	private final Clock clock;

	LotteryCalendar(GameCatalog games, LotteryRepository lotteries, SeedVault seeds, RandomnessBeacon beacon,
			BeaconTerms terms, Clock clock) {
		this.games = games;
		this.lotteries = lotteries;
		this.seeds = seeds;
		this.beacon = beacon;
		this.terms = terms;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		safely();
	}

	/**
	 * Every ten minutes: a new day's lottery opens soon after midnight, even after an
	 * outage.
	 */
	@Scheduled(cron = "0 */10 * * * *")
	void regularly() {
		safely();
	}

	private void safely() {
		try {
			ensureUpcoming();
		}
		catch (RuntimeException ex) {
			log.warn("Cannot open the coming lotteries now (is the database reachable?): {}", ex.getMessage());
		}
	}

	/** Creates the missing lotteries from today over each game's days ahead. */
	public int ensureUpcoming() {
		Instant now = this.clock.instant();
		int created = 0;
		for (Game game : this.games.all()) {
			LocalDate today = now.atZone(game.schedule().zone()).toLocalDate();
			for (LocalDate date : game.schedule().drawDates(today, game.daysAhead())) {
				Instant closesAt = game.schedule().closesAt(date);
				if (closesAt.isAfter(now) && this.lotteries.findById(game.lotteryId(date)).isEmpty()
						&& create(game, date, closesAt, now)) {
					created++;
				}
			}
		}
		if (created > 0) {
			log.info("Opened {} lotteries", created);
		}
		return created;
	}

	/**
	 * Creates one lottery unless it exists (for a jackpot rolling over to a lottery not
	 * open yet).
	 */
	void create(Game game, LocalDate date) {
		create(game, date, game.schedule().closesAt(date), this.clock.instant());
	}

	private boolean create(Game game, LocalDate date, Instant closesAt, Instant now) {
		String id = game.lotteryId(date);
		String seed = this.seeds.seedFor(id);
		// the round is fixed now, long before anyone knows its value
		long round = this.terms.roundFor(this.beacon, closesAt);
		BeaconDraw beacon = BeaconDraw.fixed(this.beacon.chain(), round, this.beacon.publishedAt(round));
		return this.lotteries.createIfAbsent(
				LotteryDocument.open(id, game.id(), date, closesAt, Fairness.commitment(seed), now, beacon));
	}

}
