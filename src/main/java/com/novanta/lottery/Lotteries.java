package com.novanta.lottery;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.novanta.game.Game;

import org.springframework.stereotype.Service;

/** Reading lotteries, and giving ballot slips their place in an open one. */
@Service
public class Lotteries {

	/** More closed lotteries than this at once would be an outage of its own. */
	private static final int MAX_CLOSED = 200;

	private final LotteryRepository repository;

	private final Clock clock;

	Lotteries(LotteryRepository repository, Clock clock) {
		this.repository = repository;
		this.clock = clock;
	}

	public Optional<Lottery> find(String id) {
		return this.repository.findById(id);
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
	 * Gives a slip of {@code ballots} ballots its place in the lottery, if it is open
	 * now. The check of the clock and the place are one atomic write, so no slip gets a
	 * place at or after the close instant.
	 * @return the slip number, or empty if the lottery is closed (or unknown)
	 */
	public Optional<Long> allocateSlot(String lotteryId, int ballots) {
		Instant now = this.clock.instant();
		return this.repository.allocateSlot(lotteryId, ballots, now);
	}

}
