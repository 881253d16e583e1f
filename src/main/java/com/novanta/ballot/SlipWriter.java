package com.novanta.ballot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongFunction;

import com.novanta.lottery.Lotteries;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Gives slips their places and stores them, the slips of concurrent submissions together
 * (group commit): one write gives every slip of a lottery waiting at that moment its
 * place, one write stores them all, one counts them in the day's statistics. Each
 * submission is answered only once its own slip is stored (or refused).
 * <p>
 * No thread of its own and no waiting for a batch to fill: a submission puts its slip in
 * the queue and, if no write is under way, writes everything queued itself (it takes the
 * writer's lock). A slip that arrives alone is written at once by its own request; those
 * that arrive while a write is under way wait, each on its own slip, and the first of
 * them writes them all together once the lock is let go. So batches are as large as the
 * load makes them, one connection pays nothing for them, and the requests of a batch are
 * woken together when it is written rather than one after another through the lock.
 * <p>
 * The lottery's close instant is still checked at the moment the slips get their places,
 * in the same atomic write; a slip whose place the draw sealed meanwhile, or whose form
 * was stored by another request, meets a duplicate key and is reported so, alone.
 */
@Component
class SlipWriter {

	private static final Logger log = LoggerFactory.getLogger(SlipWriter.class);

	/** The most slips written together. */
	static final int MAX_BATCH = 256;

	private final Lotteries lotteries;

	private final SlipRepository slips;

	private final BallotStatistics statistics;

	private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();

	private final ReentrantLock lock = new ReentrantLock();

	/** How many slips each write stored together: how much the grouping saves. */
	private final DistributionSummary batches;

	SlipWriter(Lotteries lotteries, SlipRepository slips, BallotStatistics statistics, MeterRegistry meters) {
		this.lotteries = lotteries;
		this.slips = slips;
		this.statistics = statistics;
		this.batches = DistributionSummary.builder("novanta.slips.batch")
			.description("Slips of one lottery given their places and stored in one write")
			.register(meters);
	}

	/**
	 * Gives a slip its place in the lottery and stores it, with whatever other slips are
	 * waiting.
	 * @param lotteryId the lottery
	 * @param ballots the slip's ballots
	 * @param slipAt the slip, given the number of its place (signed)
	 * @return what became of it, and the slip if it got a place
	 * @throws RuntimeException what the database threw, if it failed for this slip
	 */
	Written write(String lotteryId, int ballots, LongFunction<BallotSlip> slipAt) {
		Pending pending = new Pending(lotteryId, ballots, slipAt);
		this.queue.add(pending);
		while (!pending.done()) {
			if (this.lock.tryLock()) {
				try {
					while (!pending.done()) {
						writeQueued();
					}
				}
				finally {
					letGo();
				}
			}
			else {
				pending.await();
			}
		}
		if (pending.failure != null) {
			throw pending.failure;
		}
		return new Written(pending.outcome, pending.slip);
	}

	/**
	 * Lets go of the lock. Whoever queued a slip while it was held is waiting: the first
	 * of them writes next.
	 */
	private void letGo() {
		this.lock.unlock();
		Pending next = this.queue.peek();
		if (next != null) {
			next.wake();
		}
	}

	/** Writes what is queued, up to a batch, oldest first; the caller holds the lock. */
	private void writeQueued() {
		Map<String, List<Pending>> byLottery = new LinkedHashMap<>();
		for (int taken = 0; taken < MAX_BATCH; taken++) {
			Pending next = this.queue.poll();
			if (next == null) {
				break;
			}
			byLottery.computeIfAbsent(next.lotteryId, (id) -> new ArrayList<>()).add(next);
		}
		long ballots = 0;
		long stored = 0;
		try {
			for (List<Pending> batch : byLottery.values()) {
				try {
					for (Pending pending : write(batch)) {
						ballots += pending.ballots;
						stored++;
					}
				}
				catch (RuntimeException ex) {
					batch.stream()
						.filter((pending) -> pending.outcome == null)
						.forEach((pending) -> pending.failure = ex);
				}
			}
		}
		finally {
			// answered now, whatever happened: none waits for ever
			for (List<Pending> batch : byLottery.values()) {
				for (Pending pending : batch) {
					if (pending.outcome == null && pending.failure == null) {
						pending.failure = new IllegalStateException("The slip could not be written");
					}
					pending.finished();
				}
			}
		}
		if (stored > 0) {
			try {
				this.statistics.accepted(ballots, stored);
			}
			catch (RuntimeException ex) {
				// the slips are stored and answered as such; only the dashboard's count
				// misses them, as it did when a submission failed right after its insert
				log.warn("event=statistics-not-counted slips={} ballots={}", stored, ballots, ex);
			}
		}
	}

	/**
	 * Places and stores the slips of one lottery.
	 * @return those stored
	 */
	private List<Pending> write(List<Pending> batch) {
		long ballots = batch.stream().mapToLong((pending) -> pending.ballots).sum();
		Optional<Long> last = this.lotteries.allocateSlots(batch.get(0).lotteryId, batch.size(), ballots);
		if (last.isEmpty()) {
			batch.forEach((pending) -> pending.outcome = Outcome.CLOSED);
			return List.of();
		}
		this.batches.record(batch.size());
		long first = last.get() - batch.size() + 1;
		List<BallotSlip> slips = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			pending.slip = pending.slipAt.apply(first + i);
			slips.add(pending.slip);
		}
		List<Boolean> inserted = this.slips.insertAll(slips);
		List<Pending> stored = new ArrayList<>(batch.size());
		for (int i = 0; i < batch.size(); i++) {
			Pending pending = batch.get(i);
			if (inserted.get(i)) {
				pending.outcome = Outcome.STORED;
				stored.add(pending);
			}
			else {
				pending.outcome = Outcome.DUPLICATE;
			}
		}
		return stored;
	}

	/**
	 * What became of a slip.
	 *
	 * @param outcome stored or why not
	 * @param slip the slip in its place, {@code null} if it got none
	 */
	record Written(Outcome outcome, BallotSlip slip) {
	}

	/**
	 * Runs {@code meanwhile} holding the writer's lock, as a write does: a test lets
	 * slips queue up behind it.
	 */
	void holding(Runnable meanwhile) {
		this.lock.lock();
		try {
			meanwhile.run();
		}
		finally {
			letGo();
		}
	}

	/** How many slips are waiting. */
	int waiting() {
		return this.queue.size();
	}

	/** What became of a slip. */
	enum Outcome {

		/** Stored in its place. */
		STORED,

		/** The lottery was closed when the slip was to get its place: not stored. */
		CLOSED,

		/**
		 * Not stored: its form was stored already (by another request), or its place was
		 * sealed by the draw.
		 */
		DUPLICATE

	}

	/**
	 * A slip waiting for its place. Its outcome is written under the writer's lock, then
	 * published to its waiting request by {@link #finished()}.
	 */
	private static final class Pending {

		private final String lotteryId;

		private final int ballots;

		private final LongFunction<BallotSlip> slipAt;

		private BallotSlip slip;

		private Outcome outcome;

		private RuntimeException failure;

		private boolean done;

		/** Told to try the lock: the write it waited for is over. */
		private boolean woken;

		Pending(String lotteryId, int ballots, LongFunction<BallotSlip> slipAt) {
			this.lotteryId = lotteryId;
			this.ballots = ballots;
			this.slipAt = slipAt;
		}

		synchronized boolean done() {
			return this.done;
		}

		synchronized void finished() {
			this.done = true;
			notifyAll();
		}

		synchronized void wake() {
			this.woken = true;
			notifyAll();
		}

		/** Waits until written, or told to try the lock. */
		synchronized void await() {
			boolean interrupted = false;
			while (!this.done && !this.woken) {
				try {
					wait();
				}
				catch (InterruptedException ex) {
					// a request is not abandoned half-way: its slip may be being written
					interrupted = true;
				}
			}
			this.woken = false;
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
