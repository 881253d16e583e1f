package com.novanta.subscription;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.responsibleplay.PlayRestrictions;

import org.springframework.stereotype.Component;

/**
 * A participant's subscriptions as their page shows them: how each stands (suspended
 * while they are excluded from play), the draw it plays next and, for a fixed length, its
 * last.
 */
@Component
class MySubscriptions {

	private final Subscriptions subscriptions;

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final PlayRestrictions restrictions;

	MySubscriptions(Subscriptions subscriptions, Lotteries lotteries, GameCatalog games,
			PlayRestrictions restrictions) {
		this.subscriptions = subscriptions;
		this.lotteries = lotteries;
		this.games = games;
		this.restrictions = restrictions;
	}

	List<SubscriptionView> of(String accountId) {
		List<Subscription> mine = this.subscriptions.of(accountId);
		if (mine.isEmpty()) {
			return List.of();
		}
		boolean excluded = this.restrictions.status(accountId).excluded();
		List<Lottery> open = this.lotteries.open();
		return mine.stream()
			.filter((subscription) -> this.games.find(subscription.gameId()).isPresent())
			.map((subscription) -> view(subscription, excluded, open))
			.toList();
	}

	Optional<SubscriptionView> view(Optional<Subscription> subscription, String accountId) {
		if (subscription.isEmpty() || this.games.find(subscription.get().gameId()).isEmpty()) {
			return Optional.empty();
		}
		return Optional
			.of(view(subscription.get(), this.restrictions.status(accountId).excluded(), this.lotteries.open()));
	}

	private SubscriptionView view(Subscription subscription, boolean excluded, List<Lottery> open) {
		Game game = this.games.get(subscription.gameId());
		LocalDate next = null;
		// a paused subscription plays no draw until it is resumed: no next or last draw
		if (subscription.isLive() && subscription.status() == SubscriptionStatus.ACTIVE) {
			next = SubscriptionPlacements.nextFor(subscription, open).map(Lottery::drawDate).orElse(null);
		}
		return new SubscriptionView(subscription, game, subscription.shownStatus(excluded), next,
				subscription.lastDrawDate(game, next));
	}

}
