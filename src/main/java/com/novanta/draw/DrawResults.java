package com.novanta.draw;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.novanta.account.Participant;
import com.novanta.account.Accounts;
import com.novanta.account.EmailPreferences;
import com.novanta.ballot.BallotLedger;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotterySteps;
import com.novanta.notification.Email;
import com.novanta.notification.Outbox;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * SETTLED → NOTIFIED: writes one result email per participant of the lottery (not one per
 * ballot) and one alert per admin when someone won. Each email's key is the lottery and
 * the recipient, so running the step again writes nothing twice. Participants are
 * streamed in batches, never all in memory. "No win" emails are promotional: none goes to
 * a participant who turned them off or excluded themselves from play; win emails always
 * go.
 */
@Component
class DrawResults implements DrawPipeline.ResultsStep {

	static final int BATCH = 200;

	private static final Logger log = LoggerFactory.getLogger(DrawResults.class);

	private final BallotLedger ledger;

	private final Winners winners;

	private final Accounts accounts;

	private final EmailPreferences preferences;

	private final Outbox outbox;

	private final LotterySteps steps;

	private final Clock clock;

	DrawResults(BallotLedger ledger, Winners winners, Accounts accounts, EmailPreferences preferences, Outbox outbox,
			LotterySteps steps, Clock clock) {
		this.clock = clock;
		this.ledger = ledger;
		this.winners = winners;
		this.accounts = accounts;
		this.preferences = preferences;
		this.outbox = outbox;
		this.steps = steps;
	}

	@Override
	public Lottery apply(Lottery lottery, Runnable keepAlive) {
		Map<String, Long> prizes = new HashMap<>();
		for (Winner winner : this.winners.ofLottery(lottery.id())) {
			prizes.merge(winner.accountId(), (winner.prize() != null) ? winner.prize() : 0L, Long::sum);
		}
		long written = 0;
		try (Stream<String> participants = this.ledger.participants(lottery.id())) {
			Iterator<String> iterator = participants.iterator();
			List<String> batch = new ArrayList<>(BATCH);
			while (iterator.hasNext()) {
				batch.add(iterator.next());
				if (batch.size() == BATCH || !iterator.hasNext()) {
					written += this.outbox.enqueueAll(emails(lottery, batch, prizes));
					batch.clear();
					keepAlive.run();
				}
			}
		}
		if (!prizes.isEmpty()) {
			List<Email> alerts = new ArrayList<>();
			for (Participant admin : this.accounts.admins()) {
				alerts.add(Email.builder("alert:" + lottery.id() + ":" + admin.id(), admin.email(), "draw/admin-alert")
					.locale(admin.language())
					.timeZone(admin.timeZone())
					.category("admin-alert")
					.with("lotteryId", lottery.id())
					.with("name", admin.name())
					.build());
			}
			written += this.outbox.enqueueAll(alerts);
		}
		log.info("Results of {}: {} emails written", lottery.id(), written);
		return this.steps.recordNotified(lottery.id()).orElseGet(() -> this.steps.find(lottery.id()).orElseThrow());
	}

	private List<Email> emails(Lottery lottery, List<String> accountIds, Map<String, Long> prizes) {
		List<Email> emails = new ArrayList<>(accountIds.size());
		Instant now = this.clock.instant();
		for (Participant account : this.accounts.findAll(accountIds)) {
			if (!account.active()) {
				continue;
			}
			boolean won = prizes.containsKey(account.id());
			if (!won && (!account.noWinEmails() || account.isExcludedAt(now))) {
				// they asked not to hear when they did not win, or not to be drawn to
				// play
				continue;
			}
			Email.Builder email = Email
				.builder("draw:" + lottery.id() + ":" + account.id(), account.email(), "draw/result")
				.locale(account.language())
				.timeZone(account.timeZone())
				.category(won ? "draw-win" : "draw-no-win")
				.with("lotteryId", lottery.id())
				.with("accountId", account.id())
				.with("name", account.name())
				.with("won", won)
				.with("prize", prizes.getOrDefault(account.id(), 0L));
			if (!won) {
				String unsubscribe = this.preferences.noWinUnsubscribePath(account.id());
				email.with("unsubscribePath", unsubscribe)
					.header("List-Unsubscribe", "<{baseUrl}" + unsubscribe + ">")
					.header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			}
			emails.add(email.build());
		}
		return emails;
	}

}
