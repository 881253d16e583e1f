package com.novanta.draw;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.ballot.BallotLedger;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.fairness.Fairness;
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
 * Takes a lottery whose close instant has passed through OPEN → CLOSED → DRAWN → SETTLED,
 * one idempotent step at a time, under a lease so that one worker of one instance does
 * it. A crash anywhere leaves the lottery in a state the next run continues from, to the
 * same result.
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

	private final List<ResultsStep> resultsSteps;

	private final MeterRegistry meters;

	private final String instance = "draw-" + UUID.randomUUID();

	DrawPipeline(LotterySteps steps, BallotLedger ledger, Winners winners, GameCatalog games, AuditLog audit,
			DrawProperties properties, Clock clock, List<ResultsStep> resultsSteps, MeterRegistry meters) {
		this.meters = meters;
		this.steps = steps;
		this.ledger = ledger;
		this.winners = winners;
		this.games = games;
		this.audit = audit;
		this.properties = properties;
		this.clock = clock;
		this.resultsSteps = resultsSteps;
	}

	/** Times one step of the pipeline, by its name. */
	private Lottery timed(String step, Supplier<Lottery> work) {
		return Timer.builder("novanta.draw.step").tag("step", step).register(this.meters).record(work);
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

	LotteryStatus advance(String lotteryId, Runnable afterSettlementBatch) {
		// each run holds its own lease, even two runs in one instance
		String owner = this.instance + ":" + UUID.randomUUID();
		Optional<Lottery> claimed = this.steps.claim(lotteryId, owner, this.properties.lease());
		if (claimed.isEmpty()) {
			return this.steps.find(lotteryId).map(Lottery::status).orElse(null);
		}
		try {
			Lottery lottery = claimed.get();
			if (!lottery.closesAt().isAfter(this.clock.instant()) && lottery.status() == LotteryStatus.OPEN) {
				Lottery open = lottery;
				lottery = timed("close", () -> this.steps.close(lotteryId).orElse(open));
				log.info("Closed {} with {} slips", lotteryId, lottery.slots());
			}
			Runnable keepAlive = () -> renew(lotteryId, owner);
			CompactBallots read = null;
			if (lottery.status() == LotteryStatus.CLOSED && lottery.ballotDigest() == null) {
				read = new CompactBallots(lotteryId);
				Lottery closed = lottery;
				CompactBallots reading = read;
				lottery = timed("digest", () -> digest(closed, reading, keepAlive));
			}
			if (lottery.status() == LotteryStatus.CLOSED) {
				Lottery digested = lottery;
				lottery = timed("draw", () -> draw(digested));
			}
			if (lottery.status() == LotteryStatus.DRAWN) {
				Lottery drawn = lottery;
				CompactBallots ballots = read;
				lottery = timed("settle", () -> settle(drawn, ballots, () -> {
					keepAlive.run();
					afterSettlementBatch.run();
				}));
			}
			for (ResultsStep step : this.resultsSteps) {
				if (lottery.status() == LotteryStatus.SETTLED) {
					keepAlive.run();
					Lottery settled = lottery;
					lottery = timed("notify", () -> step.apply(settled, keepAlive));
				}
			}
			return lottery.status();
		}
		finally {
			this.steps.release(lotteryId, owner);
		}
	}

	/** Seals the ballot set and publishes its digest. */
	private Lottery digest(Lottery lottery, CompactBallots read, Runnable keepAlive) {
		Fairness.BallotDigest digest = new Fairness.BallotDigest(lottery.id());
		long[] visited = { 0 };
		long sealed = this.ledger.forEach(lottery.id(), lottery.slots(), true,
				(slipId, slip, line, numbers, account) -> {
					digest.add(slip, line, numbers);
					read.visit(slipId, slip, line, numbers, account);
					if (++visited[0] % 100_000 == 0) {
						keepAlive.run();
					}
				});
		String hex = digest.finish();
		log.info("Ballots of {}: {} (digest {}, {} empty places sealed)", lottery.id(), digest.count(), hex, sealed);
		return this.steps.recordDigest(lottery.id(), hex, digest.count()).orElseThrow();
	}

	/**
	 * Draws the winning numbers from the seed and the digest, saves them and reveals the
	 * seed.
	 */
	private Lottery draw(Lottery lottery) {
		Game game = this.games.get(lottery.gameId());
		String seed = this.steps.seed(lottery.id());
		int[] order = Fairness.draw(seed, lottery.ballotDigest(), game.picks(), game.maxNumber());
		List<Integer> drawOrder = Arrays.stream(order).boxed().toList();
		List<Integer> winning = Arrays.stream(Fairness.winningNumbers(order)).boxed().toList();
		Optional<Lottery> drawn = this.steps.recordDraw(lottery.id(), seed, drawOrder, winning);
		drawn.ifPresent((l) -> {
			log.info("Drew {}: {}", l.id(), winning);
			this.audit.record(Actor.system(), AuditAction.LOTTERY_DRAWN, "lottery", l.id(), null,
					Map.of("winningNumbers", winning, "ballotDigest", l.ballotDigest(), "ballots", l.ballotCount()));
		});
		return drawn.orElseGet(() -> this.steps.find(lottery.id()).orElseThrow());
	}

	/**
	 * Settles every ballot; waits until the game's previous lottery is settled (its
	 * jackpot may roll in).
	 */
	private Lottery settle(Lottery lottery, CompactBallots read, Runnable afterBatch) {
		Game game = this.games.get(lottery.gameId());
		Optional<Lottery> previous = this.steps.previous(lottery, game);
		if (previous.isPresent() && !previous.get().status().isAtLeast(LotteryStatus.SETTLED)) {
			log.info("Settlement of {} waits for {}", lottery.id(), previous.get().id());
			return lottery;
		}
		long started = System.nanoTime();
		// the ballots read for the digest in this run, or else read again (after a
		// restart)
		CompactBallots ballots = read;
		if (ballots == null || ballots.size() != lottery.ballotCount()) {
			ballots = new CompactBallots(lottery.id());
			this.ledger.forEach(lottery.id(), lottery.slots(), false, ballots);
		}
		LotterySummary summary = new Settlement(this.winners, this.clock, this.properties.winnerBatch()).settle(lottery,
				game, ballots, afterBatch);
		if (summary.rolledOver() > 0) {
			this.steps.rollOver(lottery, game, summary.rolledOver());
		}
		Optional<Lottery> settled = this.steps.recordSettlement(lottery.id(), summary);
		settled.ifPresent((l) -> {
			log.info("Settled {}: {} ballots, {} winners, {} ms", l.id(), summary.ballots(), summary.winners(),
					(System.nanoTime() - started) / 1_000_000);
			this.audit.record(Actor.system(), AuditAction.LOTTERY_SETTLED, "lottery", l.id(), null, Map.of("ballots",
					summary.ballots(), "winners", summary.winners(), "totalPrizes", summary.totalPrizes()));
		});
		return settled.orElseGet(() -> this.steps.find(lottery.id()).orElseThrow());
	}

	private void renew(String lotteryId, String owner) {
		this.steps.claim(lotteryId, owner, this.properties.lease());
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

}
