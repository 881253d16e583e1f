package com.novanta.draw;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.novanta.beacon.BeaconInvalid;
import com.novanta.beacon.BeaconRound;
import com.novanta.beacon.BeaconUnavailable;
import com.novanta.beacon.RandomnessBeacon;
import com.novanta.lottery.BeaconDraw;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotterySteps;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The draw step that fetches a lottery's public beacon round (recipe 3) once its digest
 * is published and the round is due, verifies it and keeps it on the lottery before
 * anything is drawn with it. While the round cannot be had the draw waits, and says so:
 * on the lottery (since when, how often, why: the admin pages show it), in the log, and
 * in metrics ({@code novanta.draw.beacon.failures} by reason, the gauge
 * {@code novanta.draw.beacon.overdue} of lotteries waiting for a round past due). It
 * never goes on without the round; only an operator can, publicly
 * ({@link LotterySteps#overrideBeacon}).
 */
@Component
class BeaconStep {

	private static final Logger log = LoggerFactory.getLogger(BeaconStep.class);

	/** The longest pause between two attempts at an overdue round. */
	static final Duration MAX_PAUSE = Duration.ofMinutes(1);

	private final RandomnessBeacon beacon;

	private final LotterySteps steps;

	private final Clock clock;

	private final MeterRegistry meters;

	BeaconStep(RandomnessBeacon beacon, LotterySteps steps, Clock clock, MeterRegistry meters) {
		this.beacon = beacon;
		this.steps = steps;
		this.clock = clock;
		this.meters = meters;
		Gauge.builder("novanta.draw.beacon.overdue", steps, LotterySteps::countOverdueBeacons)
			.description("Lotteries whose draw waits for a beacon round past due")
			.register(meters);
	}

	/**
	 * Fetches the lottery's round if it is due and keeps it.
	 * @return the lottery afterwards: with its round, or still waiting for it
	 */
	Lottery fetch(Lottery lottery) {
		BeaconDraw wanted = lottery.beacon();
		Instant now = this.clock.instant();
		if (now.isBefore(wanted.due())) {
			// not published yet: the normal wait after the close, no outage
			log.debug("Draw of {} waits for beacon round {}, due at {}", lottery.id(), wanted.round(), wanted.due());
			return lottery;
		}
		if (isPausing(wanted.waiting(), now)) {
			return lottery;
		}
		if (!wanted.chain().equals(this.beacon.chain())) {
			return waiting(lottery, "the configured beacon chain " + this.beacon.chain()
					+ " is not the chain this lottery was created with, " + wanted.chain(), true, "chain");
		}
		BeaconRound round;
		try {
			round = this.beacon.fetch(wanted.round());
		}
		catch (BeaconUnavailable ex) {
			return waiting(lottery, ex.getMessage(), false, "unavailable");
		}
		catch (BeaconInvalid ex) {
			return waiting(lottery, ex.getMessage(), true, "invalid");
		}
		Optional<Lottery> kept = this.steps.recordBeacon(lottery.id(), round);
		kept.ifPresent((l) -> {
			Duration late = Duration.between(wanted.due(), now);
			this.meters.timer("novanta.draw.beacon.delay").record(late);
			log.info("Beacon round {} of chain {} for {}: value {} ({} after it was due{})", round.round(),
					round.chainHash(), l.id(), round.value(), late, round.dev() ? "; DEV beacon" : "");
			if (l.digestedAt() != null && l.digestedAt().isAfter(wanted.due())) {
				// public on the lottery's page and in its draw.json: auditors see it too
				log.warn(
						"event=digest-after-beacon lottery={}: its ballot digest was published at {}, after its "
								+ "beacon round was due at {} (the application was down at the close, or "
								+ "lottery.fairness.beacon.margin is shorter than the digest takes)",
						l.id(), l.digestedAt(), wanted.due());
			}
		});
		return kept.orElseGet(() -> this.steps.find(lottery.id()).orElseThrow());
	}

	/**
	 * Whether to leave an overdue round alone for now: after n failed attempts, wait n
	 * times 2 seconds (at most {@link #MAX_PAUSE}) since the latest, so that a beacon
	 * that is down does not hold the draw worker at every poll.
	 */
	static boolean isPausing(BeaconDraw.Waiting waiting, Instant now) {
		if (waiting == null) {
			return false;
		}
		Duration pause = Duration.ofSeconds(2).multipliedBy(Math.min(waiting.attempts(), 30));
		if (pause.compareTo(MAX_PAUSE) > 0) {
			pause = MAX_PAUSE;
		}
		return now.isBefore(waiting.lastAttempt().plus(pause));
	}

	private Lottery waiting(Lottery lottery, String reason, boolean invalid, String tag) {
		this.meters.counter("novanta.draw.beacon.failures", "reason", tag).increment();
		Lottery noted = this.steps.recordBeaconWait(lottery.id(), reason, invalid).orElse(lottery);
		long attempts = (noted.beacon().waiting() != null) ? noted.beacon().waiting().attempts() : 1;
		if (attempts == 1 || attempts % 60 == 0) {
			String what = invalid ? "answered what does not verify" : "is unavailable";
			log.error("event=beacon-waiting lottery={} round={} attempts={}: the beacon {}: {}. The draw waits.",
					lottery.id(), lottery.beacon().round(), attempts, what, reason);
		}
		return noted;
	}

}
