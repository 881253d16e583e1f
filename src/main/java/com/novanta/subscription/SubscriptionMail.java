package com.novanta.subscription;

import java.time.LocalDate;
import java.util.List;

import com.novanta.account.Participant;
import com.novanta.game.Game;
import com.novanta.notification.Email;
import com.novanta.notification.Outbox;

import org.springframework.stereotype.Component;

/**
 * The emails of a subscription, written to the outbox under keys that make each one once:
 * when it starts, when a placement fails (once per lottery), and a week before a
 * fixed-length one ends.
 */
@Component
class SubscriptionMail {

	private final Outbox outbox;

	SubscriptionMail(Outbox outbox) {
		this.outbox = outbox;
	}

	/** What was started, its first draw and (fixed length) its last. */
	void started(Subscription subscription, Game game, Participant to, LocalDate first, LocalDate last) {
		this.outbox
			.enqueue(email("subscription-started:" + subscription.id(), "subscription/started", subscription, game, to)
				.with("firstDrawDate", text(first))
				.with("lastDrawDate", text(last))
				.with("subjectArgs", List.of(game.name()))
				.build());
	}

	/** A placement refused, once per subscription and lottery. */
	void failed(Subscription subscription, Game game, Participant to, LocalDate drawDate, String reason) {
		this.outbox.enqueue(email("subscription-failed:" + subscription.id() + ":" + game.lotteryId(drawDate),
				"subscription/failed", subscription, game, to)
			.with("drawDate", text(drawDate))
			.with("reason", reason)
			.with("subjectArgs", List.of(game.name()))
			.build());
	}

	/** A fixed-length subscription's last draw is within a week, once. */
	void ending(Subscription subscription, Game game, Participant to, LocalDate last) {
		this.outbox
			.enqueue(email("subscription-ending:" + subscription.id(), "subscription/ending", subscription, game, to)
				.with("lastDrawDate", text(last))
				.with("drawsLeft", subscription.drawsLeft())
				.with("subjectArgs", List.of(game.name()))
				.build());
	}

	private static Email.Builder email(String key, String template, Subscription subscription, Game game,
			Participant to) {
		return Email.builder(key, to.email(), template)
			.locale(to.language())
			.timeZone(to.timeZone())
			.category("subscription")
			.with("name", to.name())
			.with("gameId", game.id())
			.with("gameName", game.name())
			.with("lines", subscription.lines())
			.with("draws", subscription.draws())
			.with("minJackpot", subscription.minJackpot())
			.with("pricePerDraw", subscription.pricePerDraw(game))
			.with("total",
					(subscription.draws() != null) ? subscription.pricePerDraw(game) * subscription.draws() : null);
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : null;
	}

}
