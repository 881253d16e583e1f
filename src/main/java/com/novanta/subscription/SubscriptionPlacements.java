package com.novanta.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.novanta.account.Accounts;
import com.novanta.account.Participant;
import com.novanta.ballot.BallotSubmission;
import com.novanta.ballot.SubmissionResult;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.responsibleplay.PlayRestrictions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Places subscriptions' slips. For each game, its next lottery to close that is open now;
 * for each active subscription of the game not recorded for that lottery yet, one slip
 * submitted through {@link BallotSubmission} (the participant's limits, self-exclusion,
 * verification and the close all apply) under an idempotency key derived from the
 * subscription and the lottery, then the placement recorded with one conditional update.
 * If the process dies between the two, the next run submits the same key, gets the same
 * slip back and records it: one slip. Two instances running at once do the same: the
 * submission stores one slip for the key, and one record wins.
 *
 * <p>
 * It runs every five minutes, so a lottery that becomes the next one at a close gets its
 * slips within minutes, and a subscription started during the day or an outage gets its
 * slip well before the close; a lottery that closed is never played (the submission
 * refuses it).
 */
@Component
class SubscriptionPlacements {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionPlacements.class);

	private final Subscriptions subscriptions;

	private final PlacementLog log;

	private final BallotSubmission submission;

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final Accounts accounts;

	private final PlayRestrictions restrictions;

	private final SubscriptionMail mail;

	private final Clock clock;

	@Autowired
	SubscriptionPlacements(Subscriptions subscriptions, BallotSubmission submission, Lotteries lotteries,
			GameCatalog games, Accounts accounts, PlayRestrictions restrictions, SubscriptionMail mail, Clock clock) {
		this(subscriptions, subscriptions, submission, lotteries, games, accounts, restrictions, mail, clock);
	}

	SubscriptionPlacements(Subscriptions subscriptions, PlacementLog log, BallotSubmission submission,
			Lotteries lotteries, GameCatalog games, Accounts accounts, PlayRestrictions restrictions,
			SubscriptionMail mail, Clock clock) {
		this.subscriptions = subscriptions;
		this.log = log;
		this.submission = submission;
		this.lotteries = lotteries;
		this.games = games;
		this.accounts = accounts;
		this.restrictions = restrictions;
		this.mail = mail;
		this.clock = clock;
	}

	@Scheduled(cron = "${lottery.subscriptions.cron:15 */5 * * * *}")
	void regularly() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			logger.warn("Cannot place the subscriptions now (is the database reachable?): {}", ex.getMessage());
		}
	}

	/**
	 * Places every active subscription in its game's next lottery.
	 * @return how many slips were placed
	 */
	int run() {
		int placed = 0;
		for (Lottery lottery : nextLotteries().values()) {
			placed += run(lottery);
		}
		return placed;
	}

	/** Places every active subscription of the lottery's game in it. */
	int run(Lottery lottery) {
		int placed = 0;
		for (Subscription subscription : this.subscriptions.due(lottery.gameId(), lottery.id())) {
			try {
				if (place(subscription, lottery) == Result.PLACED) {
					placed++;
				}
			}
			catch (RuntimeException ex) {
				// the next run tries again with the same key
				logger.warn("Cannot place subscription {} in {} now: {}", subscription.id(), lottery.id(),
						ex.getMessage());
			}
		}
		return placed;
	}

	/** Each game's lottery that closes first among those open now. */
	Map<String, Lottery> nextLotteries() {
		Map<String, Lottery> next = new LinkedHashMap<>();
		this.lotteries.open()
			.stream()
			.sorted(Comparator.comparing(Lottery::closesAt))
			.forEach((lottery) -> next.putIfAbsent(lottery.gameId(), lottery));
		return next;
	}

	/**
	 * The lottery a subscription plays next: the first open one of its game it is not
	 * recorded for.
	 */
	static Optional<Lottery> nextFor(Subscription subscription, List<Lottery> open) {
		return open.stream()
			.filter((lottery) -> lottery.gameId().equals(subscription.gameId()) && !subscription.handled(lottery.id()))
			.min(Comparator.comparing(Lottery::closesAt));
	}

	/**
	 * Starts a subscription and places it at once in its game's next lottery (its first
	 * draw), then writes the email that sums it up.
	 */
	Started start(Participant participant, SubscriptionTerms terms) {
		Subscription subscription = this.subscriptions.start(participant.id(), terms);
		Game game = terms.game();
		Lottery first = nextLotteries().get(game.id());
		LocalDate firstDate = (first != null) ? first.drawDate()
				: game.schedule().currentDrawDate(this.clock.instant());
		this.mail.started(subscription, game, participant, firstDate, subscription.lastDrawDate(game, firstDate));
		Result result = (first != null) ? place(subscription, first) : Result.WAITING;
		return new Started(this.subscriptions.find(subscription.id()).orElse(subscription), result, firstDate);
	}

	/**
	 * Places one subscription in one lottery, or records why not; nothing when it is not
	 * due there, or its participant cannot play now (excluded, not verified, disabled: it
	 * waits, and no email says so each time).
	 */
	Result place(Subscription subscription, Lottery lottery) {
		Instant now = this.clock.instant();
		if (subscription.status() != SubscriptionStatus.ACTIVE || subscription.handled(lottery.id())
				|| !lottery.gameId().equals(subscription.gameId()) || !lottery.isOpenAt(now)) {
			return Result.NOT_DUE;
		}
		if (subscription.isDone()) {
			this.subscriptions.finish(subscription);
			return Result.NOT_DUE;
		}
		Optional<Game> game = this.games.find(subscription.gameId());
		Optional<Participant> participant = this.accounts.find(subscription.accountId());
		if (game.isEmpty() || participant.isEmpty() || !participant.get().active()) {
			return Result.WAITING;
		}
		if (this.restrictions.status(subscription.accountId(), now).excluded()) {
			return Result.SUSPENDED;
		}
		if (subscription.minJackpot() != null) {
			Optional<Long> jackpot = this.lotteries.jackpotNow(lottery, game.get());
			if (jackpot.isEmpty()) {
				// known once the game's earlier lotteries are settled: the next run looks
				// again
				return Result.WAITING;
			}
			if (!subscription.wantsJackpot(jackpot.get())) {
				this.log.record(subscription.id(),
						Placement.skipped(lottery.id(), lottery.drawDate(), "subscriptions.skipped.jackpot", now));
				return Result.SKIPPED;
			}
		}
		SubmissionResult result = this.submission.submit(
				new BallotSubmission.Player(subscription.accountId(),
						this.accounts.isVerified(subscription.accountId())),
				lottery.id(), subscription.lines(), List.of(), key(subscription.id(), lottery.id()));
		if (result instanceof SubmissionResult.Accepted accepted) {
			this.log.record(subscription.id(), Placement.placed(lottery.id(), lottery.drawDate(), accepted.slip().id(),
					accepted.slip().receipt(), now));
			announceTheEnd(subscription.id(), game.get(), participant.get(), lottery);
			return Result.PLACED;
		}
		SubmissionResult.Rejected rejected = (SubmissionResult.Rejected) result;
		String reason = switch (rejected.reason()) {
			case EXCLUDED -> null;
			// not for this lottery or not now: nothing to record, the next run looks
			// again
			case NOT_VERIFIED, CLOSED, UNKNOWN_LOTTERY, MISSING_KEY -> "";
			case DAILY_LIMIT_REACHED -> "subscriptions.failed.daily";
			case MONTHLY_LIMIT_REACHED -> "subscriptions.failed.monthly";
			case LIMIT_REACHED -> "subscriptions.failed.lottery";
			default -> "subscriptions.failed.other";
		};
		if (reason == null) {
			return Result.SUSPENDED;
		}
		if (reason.isEmpty()) {
			return Result.WAITING;
		}
		// the email first, under its own key: a crash before the record sends it once
		this.mail.failed(subscription, game.get(), participant.get(), lottery.drawDate(), reason);
		this.log.record(subscription.id(), Placement.failed(lottery.id(), lottery.drawDate(), reason, now));
		return Result.FAILED;
	}

	/**
	 * After a placement, a fixed-length subscription whose last draw is now within a week
	 * says so, once.
	 */
	private void announceTheEnd(String id, Game game, Participant participant, Lottery placed) {
		Optional<Subscription> now = this.subscriptions.find(id);
		if (now.isEmpty()) {
			return;
		}
		LocalDate next = placed.drawDate().plusDays(1);
		while (!game.schedule().drawsOn(next)) {
			next = next.plusDays(1);
		}
		if (now.get().endingSoon(game, next, this.clock.instant())) {
			this.mail.ending(now.get(), game, participant, now.get().lastDrawDate(game, next));
		}
	}

	/**
	 * The submission's idempotency key: the same for a subscription and a lottery however
	 * often it is submitted, on whichever instance (a hash, to stay within the key's 64
	 * characters).
	 */
	static String key(String subscriptionId, String lotteryId) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest((subscriptionId + "|" + lotteryId).getBytes(StandardCharsets.UTF_8));
			return "sub:" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a placement did. */
	enum Result {

		/** A slip was placed. */
		PLACED,

		/** The submission was refused (a limit): recorded, the participant told. */
		FAILED,

		/** The jackpot was below the minimum: recorded, not counted. */
		SKIPPED,

		/** The participant excluded themselves: nothing placed or recorded. */
		SUSPENDED,

		/**
		 * Not possible now (the jackpot not known yet, the lottery closing): a later run.
		 */
		WAITING,

		/** Nothing to do for this lottery. */
		NOT_DUE

	}

	/**
	 * A subscription just started.
	 *
	 * @param subscription as it is after its first placement
	 * @param result what its first placement did
	 * @param firstDraw the draw date of its first lottery
	 */
	record Started(Subscription subscription, Result result, LocalDate firstDraw) {
	}

}
