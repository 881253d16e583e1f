package com.novanta.reminder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import com.novanta.account.EmailPreferences;
import com.novanta.account.Participant;
import com.novanta.account.Accounts;
import com.novanta.ballot.BallotLedger;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.notification.Email;
import com.novanta.notification.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Service;

/**
 * Writes the reminders that are due to the outbox; run every few minutes by
 * {@link ReminderWorker}, and directly by tests.
 * <ul>
 * <li>For each open lottery closing within the window, one closing reminder to each
 * participant who asked for them for its game, unless they already have a ballot in it. A
 * lottery's reminders are written once: when a pass over its participants is complete, a
 * document in {@code reminder_passes} says so, and later runs skip it.</li>
 * <li>For the next lottery of each game whose jackpot is known, one jackpot alert to each
 * participant whose threshold it reached; checked on every run, since the jackpot grows
 * with every ballot.</li>
 * </ul>
 * Neither goes to an account that is disabled, deleted or not verified, nor to a
 * participant excluded from play. Each email's key is its kind, the lottery and the
 * participant: a pass cut short by a crash is done again whole, two instances may run it
 * at the same moment, and each participant still gets one email per lottery and kind.
 */
@Service
public class ReminderRun {

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(ReminderRun.class);

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final Accounts accounts;

	private final BallotLedger ledger;

	private final EmailPreferences preferences;

	private final Outbox outbox;

	private final MongoOperations mongo;

	private final ReminderProperties properties;

	private final Clock clock;

	ReminderRun(Lotteries lotteries, GameCatalog games, Accounts accounts, BallotLedger ledger,
			EmailPreferences preferences, Outbox outbox, MongoOperations mongo, ReminderProperties properties,
			Clock clock) {
		this.lotteries = lotteries;
		this.games = games;
		this.accounts = accounts;
		this.ledger = ledger;
		this.preferences = preferences;
		this.outbox = outbox;
		this.mongo = mongo;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Writes what is due now.
	 * @return how many emails were new in the outbox
	 */
	public Written run() {
		Instant now = this.clock.instant();
		int closing = 0;
		int jackpot = 0;
		Set<String> nextOfGame = new HashSet<>();
		for (Lottery lottery : this.lotteries.open()) {
			Optional<Game> game = this.games.find(lottery.gameId());
			if (game.isEmpty()) {
				continue;
			}
			if (ReminderRules.closesWithin(lottery.closesAt(), now, this.properties.closingWindow())) {
				closing += remindClosing(lottery, game.get(), now);
			}
			// open lotteries come soonest first: the first of a game is its next draw
			if (nextOfGame.add(lottery.gameId())) {
				jackpot += alertJackpot(lottery, game.get(), now);
			}
		}
		if (closing + jackpot > 0) {
			log.info("Reminders: {} closing reminders and {} jackpot alerts written", closing, jackpot);
		}
		return new Written(closing, jackpot);
	}

	private int remindClosing(Lottery lottery, Game game, Instant now) {
		String pass = ReminderKind.CLOSING.key(lottery.id(), "done");
		if (this.mongo.findById(pass, ReminderPass.class) != null) {
			return 0;
		}
		Long jackpot = this.lotteries.jackpotNow(lottery, game).orElse(null);
		int written;
		try (Stream<Participant> wanting = this.accounts.wantingClosingReminders(game.id())) {
			written = write(wanting, now, (batch) -> {
				Set<String> played = this.ledger.playedAmong(lottery.id(),
						batch.stream().map(Participant::id).toList());
				return (participant) -> !played.contains(participant.id());
			}, (participant) -> email(ReminderKind.CLOSING, lottery, game, participant).with("jackpot", jackpot));
		}
		try {
			this.mongo.insert(new ReminderPass(pass, now));
		}
		catch (DuplicateKeyException ex) {
			// another instance finished the same pass: the outbox kept one of each
		}
		return written;
	}

	private int alertJackpot(Lottery lottery, Game game, Instant now) {
		Optional<Long> jackpot = this.lotteries.jackpotNow(lottery, game);
		if (jackpot.isEmpty()) {
			return 0;
		}
		long cents = jackpot.get();
		try (Stream<Participant> wanting = this.accounts.wantingJackpotAlerts(game.id(), cents / 100)) {
			return write(wanting, now, (batch) -> (participant) -> true,
					(participant) -> email(ReminderKind.JACKPOT, lottery, game, participant).with("jackpot", cents)
						.with("threshold", participant.jackpotThreshold(game.id()) * 100));
		}
	}

	/** Writes the emails of the participants streamed, in batches. */
	private int write(Stream<Participant> wanting, Instant now,
			Function<List<Participant>, Predicate<Participant>> batchFilter,
			Function<Participant, Email.Builder> email) {
		int written = 0;
		Iterator<Participant> iterator = wanting.iterator();
		List<Participant> batch = new ArrayList<>(BATCH);
		while (iterator.hasNext()) {
			Participant participant = iterator.next();
			// they asked not to be drawn to play
			if (participant.active() && !participant.isExcludedAt(now)) {
				batch.add(participant);
			}
			if (batch.size() == BATCH || (!iterator.hasNext() && !batch.isEmpty())) {
				Predicate<Participant> keep = batchFilter.apply(batch);
				written += this.outbox
					.enqueueAll(batch.stream().filter(keep).map((p) -> email.apply(p).build()).toList());
				batch.clear();
			}
		}
		return written;
	}

	private Email.Builder email(ReminderKind kind, Lottery lottery, Game game, Participant participant) {
		String unsubscribe = this.preferences.unsubscribePath(kind.unsubscribe(), participant.id());
		return Email.builder(kind.key(lottery.id(), participant.id()), participant.email(), kind.template())
			.locale(participant.language())
			.timeZone(participant.timeZone())
			.category(kind.category())
			.with("name", participant.name())
			.with("gameId", game.id())
			.with("gameName", game.name())
			.with("lotteryId", lottery.id())
			.with("closesAt", lottery.closesAt())
			.with("playPath", "/play/" + lottery.id())
			.with("unsubscribePath", unsubscribe)
			.header("List-Unsubscribe", "<{baseUrl}" + unsubscribe + ">")
			.header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
	}

	/**
	 * How many emails a run wrote.
	 *
	 * @param closing closing reminders
	 * @param jackpot jackpot alerts
	 */
	public record Written(int closing, int jackpot) {
	}

	/** A lottery whose closing reminders are all written. */
	@Document("reminder_passes")
	record ReminderPass(@Id String id, Instant at) {
	}

}
