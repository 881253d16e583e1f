package com.novanta.lottery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.novanta.game.Game;

import org.springframework.stereotype.Service;

/** Reading lotteries, and giving ballot slips their place in an open one. */
@Service
public class Lotteries {

	/** More closed lotteries than this at once would be an outage of its own. */
	private static final int MAX_CLOSED = 200;

	private final LotteryRepository repository;

	private final Clock clock;

	/** How long a lottery seen open is used again by {@link #findToPlay}. */
	static final Duration OPEN_RECENT = Duration.ofSeconds(1);

	private final Map<String, SeenOpen> seenOpen = new ConcurrentHashMap<>();

	Lotteries(LotteryRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public Optional<Lottery> find(String id) {
		return this.repository.findById(id);
	}

	/** The lotteries of these ids that exist, by id, in one read. */
	public Map<String, Lottery> findAll(Collection<String> ids) {
		Map<String, Lottery> found = new HashMap<>();
		if (!ids.isEmpty()) {
			this.repository.findAllById(ids).forEach((lottery) -> found.put(lottery.id(), lottery));
		}
		return found;
	}

	/**
	 * A lottery to play in: one read less per slip. A lottery seen open is used again for
	 * up to {@link #OPEN_RECENT} by the application's clock, for what never changes while
	 * it is open (its game, draw date, close instant, seed commitment); whether it still
	 * takes a slip is decided when the slip gets its place ({@link #allocateSlot}), which
	 * checks its status and close instant in the database. Any other lottery is read
	 * anew.
	 */
	public Optional<Lottery> findToPlay(String id) {
		Instant now = this.clock.instant();
		SeenOpen seen = this.seenOpen.get(id);
		if (seen != null && !now.isBefore(seen.at()) && now.isBefore(seen.at().plus(OPEN_RECENT))
				&& seen.lottery().isOpenAt(now)) {
			return Optional.of(seen.lottery());
		}
		Optional<Lottery> found = this.repository.findById(id);
		if (found.isPresent() && found.get().isOpenAt(now)) {
			if (this.seenOpen.size() >= 1000) {
				this.seenOpen.clear();
			}
			this.seenOpen.put(id, new SeenOpen(found.get(), now));
		}
		else {
			this.seenOpen.remove(id);
		}
		return found;
	}

	private record SeenOpen(Lottery lottery, Instant at) {
	}

	/** The lotteries accepting ballots now, soonest to close first. */
	public List<Lottery> open() {
		return this.repository.findOpen(this.clock.instant());
	}

	/**
	 * The jackpot of an open lottery as it stands now; known once every earlier lottery
	 * of its game is settled, since what rolls over into it is known then. Empty before
	 * that, once it is closed, or for a game without a jackpot.
	 */
	public Optional<Long> jackpotNow(Lottery lottery, Game game) {
		if (lottery.status() != LotteryStatus.OPEN || game.jackpotTier().isEmpty()
				|| this.repository.anyUnsettledBefore(lottery.gameId(), lottery.drawDate())) {
			return Optional.empty();
		}
		return Optional.of(lottery.jackpotSoFar(game));
	}

	/** Lotteries, newest draw date first, optionally of one game or one date. */
	public List<Lottery> page(String gameId, LocalDate date, int offset, int limit) {
		return this.repository.page(gameId, date, null, offset, limit);
	}

	public long count(String gameId, LocalDate date) {
		return this.repository.count(gameId, date, null);
	}

	/** The latest lotteries with results, newest first. */
	public List<Lottery> latestResults(int limit) {
		return this.repository.page(null, null,
				List.of(LotteryStatus.DRAWN, LotteryStatus.SETTLED, LotteryStatus.NOTIFIED), 0, limit);
	}

	/**
	 * The lotteries whose draw waits for their public beacon round
	 * ({@link Lottery#isWaitingForBeacon()}), newest draw date first: for the admin
	 * pages. Only closed lotteries can wait, and they are few (those between their close
	 * and their draw), so they are read and filtered here rather than by a query of its
	 * own.
	 */
	public List<Lottery> waitingForBeacon() {
		return this.repository.page(null, null, List.of(LotteryStatus.CLOSED), 0, MAX_CLOSED)
			.stream()
			.filter(Lottery::isWaitingForBeacon)
			.toList();
	}

	/**
	 * Gives {@code slips} slips of {@code ballots} ballots in all their places in the
	 * lottery, together, if it is open now. The check of the clock and the places are one
	 * atomic write, so no slip gets a place at or after the close instant.
	 * @return the last of the slips' numbers (the first is {@code slips - 1} less), or
	 * empty if the lottery is closed (or unknown)
	 */
	public Optional<Long> allocateSlots(String lotteryId, int slips, long ballots) {
		Instant now = this.clock.instant();
		return this.repository.allocateSlots(lotteryId, slips, ballots, now);
	}

}
