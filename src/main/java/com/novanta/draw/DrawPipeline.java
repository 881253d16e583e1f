package com.novanta.draw;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Predicate;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.ballot.BallotLedger;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.fairness.Fairness;
import com.novanta.lottery.DrawRefusedException;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.LotterySummary;
import com.novanta.winner.Winners;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Takes a lottery whose close instant has passed through OPEN → CLOSED → DRAWN → SETTLED
 * → NOTIFIED, one idempotent step at a time, under a lease so that one worker of one
 * instance does it. A crash anywhere leaves the lottery in a state the next run continues
 * from, to the same result.
 */
@Service
public class DrawPipeline {

	private static final Logger log = LoggerFactory.getLogger(DrawPipeline.class);

	private final LotterySteps steps;

	private final BallotLedger ledger;

	private final Winners winners;

	private final GameCatalog games;

	private final AuditLog audit;

	private final DrawProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final String instance = "draw-" + UUID.randomUUID();

	/** The refusals this instance has reported ({@code <lottery> <reason>}). */
	private final Set<String> refused = ConcurrentHashMap.newKeySet();

	/** The ballots the digest step read, until their lottery is settled. */
	private final DigestedBallots digested = new DigestedBallots();

	/** The steps in the order a lottery goes through them. */
	private final List<Step> pipeline;

	DrawPipeline(LotterySteps steps, BallotLedger ledger, Winners winners, GameCatalog games, AuditLog audit,
			DrawProperties properties, Clock clock, List<ResultsStep> resultsSteps, BeaconStep beacon,
			MeterRegistry meters) {
		this.meters = meters;
		this.steps = steps;
		this.ledger = ledger;
		this.winners = winners;
		this.games = games;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		List<Step> pipeline = new ArrayList<>();
		pipeline.add(new Step("close", this::isPastClose, this::close));
		pipeline.add(new Step("digest", this::isUndigested, this::digest));
		pipeline.add(new Step("beacon", Lottery::isWaitingForBeacon, (run, lottery) -> beacon.fetch(lottery)));
		pipeline.add(
				new Step("draw", in(LotteryStatus.CLOSED).and((lottery) -> !lottery.isWaitingForBeacon()), this::draw));
		pipeline.add(new Step("settle", in(LotteryStatus.DRAWN), this::settle));
		for (ResultsStep results : resultsSteps) {
			pipeline.add(new Step("notify", in(LotteryStatus.SETTLED), notifying(results)));
		}
		this.pipeline = List.copyOf(pipeline);
	}

	/** Advances every lottery past its close instant, oldest first. */
	public void advanceDue() {
		for (Lottery lottery : this.steps.due()) {
			try {
				advance(lottery.id());
			}
			catch (RuntimeException ex) {
				log.error("Draw of {} failed; it will be retried", lottery.id(), ex);
			}
		}
	}

	/**
	 * Advances one lottery as far as it can go now.
	 * @return its status afterwards
	 */
	public LotteryStatus advance(String lotteryId) {
		return advance(lotteryId, () -> {
		});
	}

	/**
	 * Walks the steps under one lease: each step that is due for the lottery as the
	 * previous one left it runs, so one run can take a lottery from OPEN to NOTIFIED, and
	 * a run after a crash starts at the step the crash interrupted.
	 * @param afterSettlementBatch called after each batch of winners is saved (tests
	 * crash there)
	 */
	LotteryStatus advance(String lotteryId, Runnable afterSettlementBatch) {
		// each run holds its own lease, even two runs in one instance
		Run run = new Run(lotteryId, this.instance + ":" + UUID.randomUUID(), afterSettlementBatch);
		Optional<Lottery> claimed = this.steps.claim(lotteryId, run.owner, this.properties.lease());
		if (claimed.isEmpty()) {
			return this.steps.find(lotteryId).map(Lottery::status).orElse(null);
		}
		try {
			Lottery lottery = claimed.get();
			for (Step step : this.pipeline) {
				if (step.isDue().test(lottery)) {
					lottery = take(step, run, lottery);
				}
			}
			return lottery.status();
		}
		finally {
			this.steps.release(lotteryId, run.owner);
		}
	}

	/** Runs one step, timed by its name. */
	private Lottery take(Step step, Run run, Lottery lottery) {
		return Timer.builder("novanta.draw.step")
			.tag("step", step.name())
			.register(this.meters)
			.record(() -> step.action().apply(run, lottery));
	}

	private static Predicate<Lottery> in(LotteryStatus status) {
		return (lottery) -> lottery.status() == status;
	}

	private boolean isPastClose(Lottery lottery) {
		return lottery.status() == LotteryStatus.OPEN && !lottery.closesAt().isAfter(this.clock.instant());
	}

	/** Closed, its digest not published yet (a crash may have come between the two). */
	private boolean isUndigested(Lottery lottery) {
		return lottery.status() == LotteryStatus.CLOSED && lottery.ballotDigest() == null;
	}

	/** Stops the sale: the slip count is final from here. */
	private Lottery close(Run run, Lottery lottery) {
		Lottery closed = this.steps.close(lottery.id()).orElse(lottery);
		log.info("Closed {} with {} slips", lottery.id(), closed.slots());
		return closed;
	}

	/** Seals the ballot set and publishes its digest. */
	private Lottery digest(Run run, Lottery lottery) {
		ReadBallots read = readBallots(run, lottery, true);
		log.info("Ballots of {}: {} (digest {}, {} empty places sealed)", lottery.id(), read.ballots().size(),
				read.digest(), read.sealed());
		Lottery digested = this.steps.recordDigest(lottery.id(), read.digest(), read.ballots().size()).orElseThrow();
		// kept for settlement, in this run or a later one (after the beacon's margin),
		// which then need not read the ballots again
		this.digested.keep(lottery.id(), read.digest(), read.ballots());
		return digested;
	}

	/**
	 * Reads every ballot of the lottery and computes the digest of them: the one way both
	 * the digest step (which publishes it) and settlement (which re-checks it whenever it
	 * reads the ballots again) get "the digest of these ballots", so the two cannot drift
	 * apart.
	 * @param seal whether to seal the places whose slip never arrived (the digest step)
	 */
	private ReadBallots readBallots(Run run, Lottery lottery, boolean seal) {
		Fairness.Digester digest = Fairness.digester(lottery.recipe(), lottery.id());
		CompactBallots read = new CompactBallots(lottery.id());
		long[] visited = { 0 };
		long sealed = this.ledger.forEach(lottery.id(), lottery.slots(), seal,
				(slipId, slip, line, numbers, salt, account) -> {
					digest.add(slip, line, numbers, salt);
					read.visit(slipId, slip, line, numbers, salt, account);
					if (++visited[0] % 100_000 == 0) {
						run.keepAlive();
					}
				});
		return new ReadBallots(read, digest.finish(), sealed);
	}

	/**
	 * Draws the winning numbers from the seed, the digest and (recipe 3) the beacon round
	 * kept, saves them and reveals the seed: one step of the lottery module, which keeps
	 * the seed.
	 */
	private Lottery draw(Run run, Lottery lottery) {
		Optional<Lottery> drawn;
		try {
			drawn = this.steps.draw(lottery.id(), this.games.get(lottery.gameId()));
		}
		catch (DrawRefusedException ex) {
			refuse(lottery, ex.reason(), ex.getMessage());
			return this.steps.find(lottery.id()).orElseThrow();
		}
		drawn.ifPresent((l) -> {
			log.info("Drew {}: {}", l.id(), l.winningNumbers());
			Map<String, Object> details = new LinkedHashMap<>(Map.of("winningNumbers", l.winningNumbers(),
					"ballotDigest", l.ballotDigest(), "ballots", l.ballotCount()));
			if (l.recipe() >= Fairness.BEACON_RECIPE) {
				details.put("beaconRound", l.beacon().round());
				// an override has its own entry (LOTTERY_BEACON_OVERRIDDEN): no value
				// here
				if (l.beacon().value() != null) {
					details.put("beaconValue", l.beacon().value());
				}
			}
			this.audit.record(Actor.system(), AuditAction.LOTTERY_DRAWN, "lottery", l.id(), null, details);
		});
		return drawn.orElseGet(() -> this.steps.find(lottery.id()).orElseThrow());
	}

	/**
	 * Settles every ballot; waits until the game's previous lottery is settled (its
	 * jackpot may roll in).
	 */
	private Lottery settle(Run run, Lottery lottery) {
		Game game = this.games.get(lottery.gameId());
		Optional<Lottery> previous = this.steps.previous(lottery, game);
		if (previous.isPresent() && !previous.get().status().isAtLeast(LotteryStatus.SETTLED)) {
			log.info("Settlement of {} waits for {}", lottery.id(), previous.get().id());
			return lottery;
		}
		long started = System.nanoTime();
		// the ballots the digest step of this instance read, or else read again (after a
		// restart, or when another instance digested them)
		CompactBallots ballots = this.digested.find(lottery.id(), lottery.ballotDigest(), lottery.ballotCount());
		if (ballots == null) {
			// read again: they must still be the ballots whose digest was published
			ReadBallots read = readBallots(run, lottery, false);
			if (!read.digest().equals(lottery.ballotDigest())) {
				refuse(lottery, "ballot-digest",
						"The ballots of " + lottery.id() + " read for settlement are not those whose digest was "
								+ "published: their digest is " + read.digest() + " (" + read.ballots().size()
								+ " ballots), the published one " + lottery.ballotDigest() + " ("
								+ lottery.ballotCount() + " ballots)");
				return lottery;
			}
			ballots = read.ballots();
		}
		LotterySummary summary = new Settlement(this.winners, this.clock, this.properties.winnerBatch()).settle(lottery,
				game, ballots, () -> {
					run.keepAlive();
					run.afterSettlementBatch.run();
				});
		if (summary.rolledOver() > 0) {
			this.steps.rollOver(lottery, game, summary.rolledOver());
		}
		Optional<Lottery> settled = this.steps.recordSettlement(lottery.id(), summary);
		this.digested.forget(lottery.id());
		settled.ifPresent((l) -> {
			log.info("Settled {}: {} ballots, {} winners, {} ms", l.id(), summary.ballots(), summary.winners(),
					(System.nanoTime() - started) / 1_000_000);
			this.audit.record(Actor.system(), AuditAction.LOTTERY_SETTLED, "lottery", l.id(), null, Map.of("ballots",
					summary.ballots(), "winners", summary.winners(), "totalPrizes", summary.totalPrizes()));
		});
		return settled.orElseGet(() -> this.steps.find(lottery.id()).orElseThrow());
	}

	/**
	 * A step that must not go on (a seed other than the committed one, ballots other than
	 * the digested ones): the lottery stays where it is, and says why in the
	 * {@code novanta.draw.refused} counter each time, and in the error log and the audit
	 * log the first time this instance meets it (the worker tries again every few
	 * seconds, until someone puts things right).
	 */
	private void refuse(Lottery lottery, String reason, String why) {
		this.meters.counter("novanta.draw.refused", "reason", reason).increment();
		if (this.refused.add(lottery.id() + " " + reason)) {
			log.error("event=draw-refused lottery={} status={} reason={}: {}. It stays {} until this is put right.",
					lottery.id(), lottery.status(), reason, why, lottery.status());
			this.audit.record(Actor.system(), AuditAction.LOTTERY_DRAW_REFUSED, "lottery", lottery.id(), null,
					Map.of("reason", reason, "status", lottery.status().name()));
		}
		else {
			log.debug("Draw of {} still refused: {}", lottery.id(), reason);
		}
	}

	/** Runs a results step with a fresh lease: settling may have taken most of it. */
	private static BiFunction<Run, Lottery, Lottery> notifying(ResultsStep results) {
		return (run, lottery) -> {
			run.keepAlive();
			return results.apply(lottery, run::keepAlive);
		};
	}

	/**
	 * A step after settlement (the notifications), run under the same lease.
	 */
	public interface ResultsStep {

		/**
		 * Runs the step for a settled lottery.
		 * @param lottery the settled lottery
		 * @param keepAlive call now and then during long work, to keep the lease
		 * @return the lottery afterwards
		 */
		Lottery apply(Lottery lottery, Runnable keepAlive);

	}

	/**
	 * A lottery's ballots as read, and their digest.
	 *
	 * @param ballots the ballots
	 * @param digest the digest of them, as published by the digest step
	 * @param sealed how many empty places were sealed by this read
	 */
	private record ReadBallots(CompactBallots ballots, String digest, long sealed) {

	}

	/**
	 * One step of the pipeline.
	 *
	 * @param name its name, the {@code step} tag of the {@code novanta.draw.step} timer
	 * @param isDue whether the step applies to the lottery as it is now
	 * @param action the step, returning the lottery as it left it
	 */
	private record Step(String name, Predicate<Lottery> isDue, BiFunction<Run, Lottery, Lottery> action) {

	}

	/** What the steps of one run of the pipeline share. */
	private final class Run {

		private final String lotteryId;

		/** This run's lease owner. */
		private final String owner;

		private final Runnable afterSettlementBatch;

		Run(String lotteryId, String owner, Runnable afterSettlementBatch) {
			this.lotteryId = lotteryId;
			this.owner = owner;
			this.afterSettlementBatch = afterSettlementBatch;
		}

		/** Renews the lease; call it now and then during long work. */
		void keepAlive() {
			DrawPipeline.this.steps.claim(this.lotteryId, this.owner, DrawPipeline.this.properties.lease());
		}

	}

}
