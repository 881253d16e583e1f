package com.novanta.lottery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.novanta.beacon.BeaconRound;
import com.novanta.beacon.BeaconTerms;
import com.novanta.fairness.Fairness;
import com.novanta.game.Game;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * The draw pipeline's writes to a lottery. Each is one atomic change of one lottery
 * document with the status it expects as precondition, so running a step twice, or from
 * two instances, changes the lottery once.
 */
@Service
public class LotterySteps {

	private final LotteryRepository repository;

	private final SeedVault seeds;

	private final LotteryCalendar calendar;

	private final BeaconTerms beaconTerms;

	private final Clock clock;

	LotterySteps(LotteryRepository repository, SeedVault seeds, LotteryCalendar calendar, BeaconTerms beaconTerms,
			Clock clock) {
		this.repository = repository;
		this.seeds = seeds;
		this.calendar = calendar;
		this.beaconTerms = beaconTerms;
		this.clock = clock;
	}

	/** Lotteries past their close instant that are not notified yet, oldest first. */
	public List<Lottery> due() {
		return this.repository.findDue(this.clock.instant());
	}

	public Optional<Lottery> find(String lotteryId) {
		return this.repository.findById(lotteryId);
	}

	/**
	 * Takes the lottery's lease for {@code owner}, unless another worker holds an
	 * unexpired one.
	 * @return the lottery, or empty if someone else holds it
	 */
	public Optional<Lottery> claim(String lotteryId, String owner, Duration lease) {
		Instant now = this.clock.instant();
		Query free = Query.query(Criteria.where("_id")
			.is(lotteryId)
			.orOperator(Criteria.where("leaseUntil").isNull(), Criteria.where("leaseUntil").lte(now),
					Criteria.where("leaseOwner").is(owner)));
		return this.repository.update(free, new Update().set("leaseOwner", owner).set("leaseUntil", now.plus(lease)));
	}

	/** Gives the lease back. */
	public void release(String lotteryId, String owner) {
		this.repository.update(Query.query(Criteria.where("_id").is(lotteryId).and("leaseOwner").is(owner)),
				new Update().unset("leaseOwner").unset("leaseUntil"));
	}

	/**
	 * OPEN → CLOSED, only once the close instant has passed. The slip count is final from
	 * here.
	 */
	public Optional<Lottery> close(String lotteryId) {
		Instant now = this.clock.instant();
		return this.repository.update(Query
			.query(Criteria.where("_id").is(lotteryId).and("status").is(LotteryStatus.OPEN).and("closesAt").lte(now)),
				new Update().set("status", LotteryStatus.CLOSED).set("closedAt", now));
	}

	/**
	 * Publishes the digest of the closed lottery's ballots (the same every time it is
	 * computed).
	 */
	public Optional<Lottery> recordDigest(String lotteryId, String digest, long ballots) {
		return this.repository.update(
				Query.query(Criteria.where("_id").is(lotteryId).and("status").is(LotteryStatus.CLOSED)),
				new Update().set("ballotDigest", digest)
					.set("ballotCount", ballots)
					.set("reservedBallots", ballots)
					.set("digestedAt", this.clock.instant()));
	}

	/**
	 * Keeps the lottery's beacon round as fetched and verified, before anything is drawn
	 * with it: a run after a crash draws with the round kept, the same numbers.
	 * @return the lottery, or empty if it is not closed waiting for this very round
	 */
	public Optional<Lottery> recordBeacon(String lotteryId, BeaconRound round) {
		BeaconDraw.Fetched fetched = new BeaconDraw.Fetched(round.scheme(), round.publicKey(), round.signature(),
				round.value(), round.source().toString(), round.dev(), this.clock.instant());
		return this.repository.update(
				awaitingBeacon(lotteryId).addCriteria(
						Criteria.where("beacon.round").is(round.round()).and("beacon.chain").is(round.chainHash())),
				new Update().set("beacon.fetched", fetched));
	}

	/**
	 * Notes a failed attempt to fetch the lottery's overdue beacon round: since when the
	 * draw waits, how often it tried, and why the latest attempt failed.
	 */
	public Optional<Lottery> recordBeaconWait(String lotteryId, String reason, boolean invalid) {
		Instant now = this.clock.instant();
		return this.repository.update(awaitingBeacon(lotteryId),
				new Update().min("beacon.waiting.since", now)
					.set("beacon.waiting.lastAttempt", now)
					.inc("beacon.waiting.attempts", 1L)
					.set("beacon.waiting.reason", reason)
					.set("beacon.waiting.invalid", invalid));
	}

	/**
	 * The operator draws without the beacon round, which has been overdue for at least
	 * {@code lottery.fairness.beacon.override-after}: the numbers then come from the seed
	 * and the digest alone, and the lottery's page says so, with the reason.
	 * @return the lottery, or empty if it is not waiting for its round, or the round is
	 * not overdue long enough
	 */
	public Optional<Lottery> overrideBeacon(String lotteryId, String reason, String accountId) {
		Instant now = this.clock.instant();
		Optional<Lottery> waiting = this.repository.findById(lotteryId).filter(Lottery::isWaitingForBeacon);
		if (waiting.isEmpty() || !this.beaconTerms.mayOverride(waiting.get().beacon().due(), now)) {
			return Optional.empty();
		}
		return this.repository.update(
				awaitingBeacon(lotteryId)
					.addCriteria(Criteria.where("beacon.due").lte(now.minus(this.beaconTerms.overrideAfter()))),
				new Update().set("beacon.overridden", new BeaconDraw.Overridden(now, reason, accountId)));
	}

	/**
	 * How many lotteries wait for a beacon round past due (a metric: the draw is held
	 * up).
	 */
	public double countOverdueBeacons() {
		try {
			return this.repository.mongo()
				.count(awaitingBeacon().addCriteria(Criteria.where("beacon.due").lt(this.clock.instant())),
						LotteryDocument.class);
		}
		catch (RuntimeException ex) {
			return Double.NaN;
		}
	}

	/**
	 * The lottery, closed with its digest, its beacon round neither had nor overridden.
	 */
	private static Query awaitingBeacon(String lotteryId) {
		return awaitingBeacon().addCriteria(Criteria.where("_id").is(lotteryId));
	}

	/**
	 * Lotteries closed with their digest, their beacon round neither had nor overridden.
	 */
	private static Query awaitingBeacon() {
		return Query.query(Criteria.where("status")
			.is(LotteryStatus.CLOSED)
			.and("ballotDigest")
			.exists(true)
			.and("beacon.fetched")
			.exists(false)
			.and("beacon.overridden")
			.exists(false));
	}

	/**
	 * CLOSED → DRAWN: draws the winning numbers from the lottery's secret seed, its
	 * published ballot digest and (recipe 3) its beacon round's value kept by
	 * {@link #recordBeacon} ({@link Fairness#draw(String, String, String, int, int)}),
	 * and saves them and reveals the seed in one write, before anything depends on them.
	 * The numbers are a function of what is kept on the lottery, so a run after a crash
	 * before that write draws the same ones; the seed never leaves this module before it
	 * is revealed.
	 * @return the drawn lottery, or empty if it is not closed with its digest published
	 * and (recipe 3) its beacon round kept or overridden (not yet, or drawn already)
	 * @throws DrawRefusedException if the seed cannot be read, or its SHA-256 is not the
	 * commitment published when the lottery opened: nothing is drawn with a seed other
	 * than the committed one
	 */
	public Optional<Lottery> draw(String lotteryId, Game game) {
		Optional<Lottery> closed = this.repository.findById(lotteryId)
			.filter((lottery) -> lottery.status() == LotteryStatus.CLOSED && lottery.ballotDigest() != null);
		if (closed.isEmpty() || !hasItsRandomness(closed.get())) {
			return Optional.empty();
		}
		String digest = closed.get().ballotDigest();
		// recipes before 3 never use a beacon value, whatever the lottery holds
		String beaconValue = (closed.get().recipe() >= Fairness.BEACON_RECIPE) ? closed.get().beacon().value() : null;
		String seed = publishedSeed(closed.get());
		int[] order = Fairness.draw(seed, digest, beaconValue, game.picks(), game.maxNumber());
		List<Integer> drawOrder = Arrays.stream(order).boxed().toList();
		List<Integer> winningNumbers = Arrays.stream(Fairness.winningNumbers(order)).boxed().toList();
		// drawn from this digest, only while the lottery is still closed with it
		return this.repository.update(
				Query.query(Criteria.where("_id")
					.is(lotteryId)
					.and("status")
					.is(LotteryStatus.CLOSED)
					.and("ballotDigest")
					.is(digest)),
				new Update().set("status", LotteryStatus.DRAWN)
					.set("seed", seed)
					.set("drawOrder", drawOrder)
					.set("winningNumbers", winningNumbers)
					.set("drawnAt", this.clock.instant()));
	}

	/**
	 * Whether the lottery has all it is drawn from: before recipe 3 the seed and digest;
	 * from recipe 3 also its beacon round, fetched or publicly overridden.
	 */
	private static boolean hasItsRandomness(Lottery lottery) {
		if (lottery.recipe() < Fairness.BEACON_RECIPE) {
			return true;
		}
		if (lottery.beacon() == null) {
			throw new DrawRefusedException("beacon-missing", "Lottery " + lottery.id() + " is drawn with recipe "
					+ lottery.recipe() + " but has no beacon round");
		}
		return lottery.beacon().decided();
	}

	/** The lottery's seed, checked against the commitment published when it opened. */
	private String publishedSeed(Lottery lottery) {
		String seed;
		try {
			seed = this.seeds.find(lottery.id())
				.orElseThrow(() -> new DrawRefusedException("seed-unreadable", "No seed for " + lottery.id()));
		}
		catch (SeedCipher.UnreadableSeedException ex) {
			throw new DrawRefusedException("seed-unreadable", "The seed of " + lottery.id() + " cannot be read: "
					+ ex.getMessage() + " (is LOTTERY_SEED_KEY the key it was sealed with?)");
		}
		if (!isCommitted(seed, lottery.seedCommitment())) {
			throw new DrawRefusedException("seed-commitment",
					"The stored seed of " + lottery.id()
							+ " is not the one committed to: its SHA-256 is not the published commitment "
							+ lottery.seedCommitment());
		}
		return seed;
	}

	private static boolean isCommitted(String seed, String commitment) {
		try {
			return Fairness.commitment(seed).equals(commitment);
		}
		catch (IllegalArgumentException ex) {
			// not even hex
			return false;
		}
	}

	/** DRAWN → SETTLED with the results. */
	public Optional<Lottery> recordSettlement(String lotteryId, LotterySummary summary) {
		return this.repository.advance(lotteryId, LotteryStatus.DRAWN,
				new Update().set("status", LotteryStatus.SETTLED)
					.set("summary", summary)
					.set("settledAt", this.clock.instant()));
	}

	/** SETTLED → NOTIFIED. */
	public Optional<Lottery> recordNotified(String lotteryId) {
		return this.repository.advance(lotteryId, LotteryStatus.SETTLED,
				new Update().set("status", LotteryStatus.NOTIFIED).set("notifiedAt", this.clock.instant()));
	}

	/** The same game's lottery of the draw date before this one's, if it exists. */
	public Optional<Lottery> previous(Lottery lottery, Game game) {
		LocalDate date = lottery.drawDate().minusDays(1);
		for (int i = 0; i < 366 && !game.schedule().drawsOn(date); i++) {
			date = date.minusDays(1);
		}
		return this.repository.findById(game.lotteryId(date));
	}

	/**
	 * Rolls an unwon jackpot over to the game's next lottery (created if needed). Keyed
	 * by the lottery it comes from, so doing it twice adds it once.
	 */
	public void rollOver(Lottery from, Game game, long amount) {
		LocalDate next = game.schedule().drawDates(from.drawDate().plusDays(1), 366).get(0);
		String nextId = game.lotteryId(next);
		if (this.repository.findById(nextId).isEmpty()) {
			this.calendar.create(game, next);
		}
		this.repository.update(Query.query(Criteria.where("_id").is(nextId)),
				new Update().set("carryIn." + from.id(), amount));
	}

}
