package com.novanta.subscription;

import java.time.LocalDate;
import java.util.List;

import com.novanta.game.Game;

/**
 * A subscription as its page shows it.
 *
 * @param subscription the subscription
 * @param game its game
 * @param status how it is shown: {@code active}, {@code paused}, {@code cancelled},
 * {@code finished} or {@code suspended} (active while its participant is excluded)
 * @param nextDraw the draw date it plays next, or {@code null} when it plays no more
 * @param lastDraw the draw date of its last draw if it runs as planned, or {@code null}
 */
record SubscriptionView(Subscription subscription, Game game, String status, LocalDate nextDraw, LocalDate lastDraw) {

	public String id() {
		return this.subscription.id();
	}

	public long pricePerDraw() {
		return this.subscription.pricePerDraw(this.game);
	}

	public List<Placement> history() {
		return this.subscription.history();
	}

}
