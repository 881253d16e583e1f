package com.novanta.subscription;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lottery;

import org.springframework.context.ApplicationContext;

/**
 * Starts subscriptions for a test, as the form would, without placing any slip; and runs
 * the placement step.
 */
public final class TestSubscriptions {

	private final Subscriptions subscriptions;

	private final GameCatalog games;

	private final SubscriptionPlacements placements;

	public TestSubscriptions(ApplicationContext context) {
		this.subscriptions = context.getBean(Subscriptions.class);
		this.games = context.getBean(GameCatalog.class);
		this.placements = context.getBean(SubscriptionPlacements.class);
	}

	/**
	 * Runs the placement step for one lottery, as the scheduler runs it for the next one.
	 * @return how many slips it placed
	 */
	public int placeIn(Lottery lottery) {
		return this.placements.run(lottery);
	}

	/**
	 * Starts a subscription of one line of the daily game for {@code draws} draws;
	 * returns its id.
	 */
	public String start(CurrentAccount who, int draws, String line) {
		SubscriptionTerms terms = SubscriptionTerms.of("daily", List.of(line), "fixed", String.valueOf(draws), "",
				this.games.all());
		if (!terms.isValid()) {
			throw new IllegalArgumentException("Not valid terms: " + terms.errors());
		}
		return this.subscriptions.start(who.id(), terms).id();
	}

}
