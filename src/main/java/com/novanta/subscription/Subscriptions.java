package com.novanta.subscription;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import com.novanta.account.AccountDeleted;
import com.novanta.config.DatabaseIndexes;
import org.bson.Document;

import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Participants' subscriptions. Every read and write a participant makes takes their
 * account: another participant's subscription is not found, as if it did not exist. Each
 * change is one conditional update of one document (a status change only from the
 * statuses it makes sense from; a placement only if none is recorded for that lottery),
 * so two requests or two instances never undo each other's work.
 */
@Service
public class Subscriptions implements PlacementLog {

	private final MongoOperations mongo;

	private final Clock clock;

	Subscriptions(MongoOperations mongo, Clock clock, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		indexes.ensure(Subscription.class, new Index().on("accountId", Sort.Direction.ASC));
		indexes.ensure(Subscription.class,
				new Index().on("status", Sort.Direction.ASC).on("gameId", Sort.Direction.ASC));
	}

	/** The number of active subscriptions by game, for the admin dashboard. */
	public Map<String, Long> activeByGame() {
		Map<String, Long> counts = new TreeMap<>();
		Query query = Query.query(Criteria.where("status").is(SubscriptionStatus.ACTIVE.name()));
		query.fields().include("gameId");
		for (Document subscription : this.mongo.find(query, Document.class, Subscription.COLLECTION)) {
			counts.merge(subscription.getString("gameId"), 1L, Long::sum);
		}
		return counts;
	}

	/** Starts a subscription on valid terms. */
	Subscription start(String accountId, SubscriptionTerms terms) {
		Subscription subscription = new Subscription(UUID.randomUUID().toString(), accountId, terms.game().id(),
				terms.lines(), terms.draws(), terms.minJackpot(), SubscriptionStatus.ACTIVE, 0, List.of(), List.of(),
				this.clock.instant());
		return this.mongo.insert(subscription);
	}

	/** The participant's subscriptions, newest first. */
	List<Subscription> of(String accountId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId)), Subscription.class)
			.stream()
			.sorted(Comparator.comparing(Subscription::createdAt).reversed().thenComparing(Subscription::id))
			.toList();
	}

	/** One of the participant's subscriptions; empty when not theirs or not there. */
	Optional<Subscription> find(String accountId, String id) {
		if (accountId == null || id == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findOne(own(accountId, id), Subscription.class));
	}

	/** One subscription, whoever's (for the placement step). */
	Optional<Subscription> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Subscription.class));
	}

	/**
	 * The active subscriptions of a game not recorded for the lottery yet: what the
	 * placement step has to do.
	 */
	List<Subscription> due(String gameId, String lotteryId) {
		return this.mongo.find(Query.query(Criteria.where("status")
			.is(SubscriptionStatus.ACTIVE)
			.and("gameId")
			.is(gameId)
			.and("lotteries")
			.ne(lotteryId)), Subscription.class);
	}

	/**
	 * Pauses an active subscription of the participant.
	 * @return the subscription as it is now; empty when not theirs or not there
	 */
	Optional<Subscription> pause(String accountId, String id) {
		return change(accountId, id, List.of(SubscriptionStatus.ACTIVE), SubscriptionStatus.PAUSED);
	}

	/** Resumes a paused subscription of the participant. */
	Optional<Subscription> resume(String accountId, String id) {
		return change(accountId, id, List.of(SubscriptionStatus.PAUSED), SubscriptionStatus.ACTIVE);
	}

	/** Cancels an active or paused subscription of the participant, for good. */
	Optional<Subscription> cancel(String accountId, String id) {
		return change(accountId, id, List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED),
				SubscriptionStatus.CANCELLED);
	}

	private Optional<Subscription> change(String accountId, String id, List<SubscriptionStatus> from,
			SubscriptionStatus to) {
		if (accountId == null || id == null) {
			return Optional.empty();
		}
		Subscription changed = this.mongo.findAndModify(
				own(accountId, id).addCriteria(Criteria.where("status").in(from)), new Update().set("status", to),
				FindAndModifyOptions.options().returnNew(true), Subscription.class);
		// not in a status it can change from (a double click): as it is
		return (changed != null) ? Optional.of(changed) : find(accountId, id);
	}

	/**
	 * Records what became of a subscription in a lottery, unless something is recorded
	 * for that lottery already: the push, the lottery and the count are one conditional
	 * update, so two instances recording the same lottery record it once.
	 * @return whether it was recorded now
	 */
	@Override
	public boolean record(String subscriptionId, Placement placement) {
		Update update = new Update().push("placements", placement).addToSet("lotteries", placement.lotteryId());
		if (placement.isPlaced()) {
			update.inc("placed", 1);
		}
		boolean recorded = this.mongo
			.updateFirst(
					Query.query(Criteria.where("_id").is(subscriptionId).and("lotteries").ne(placement.lotteryId())),
					update, Subscription.class)
			.getModifiedCount() > 0;
		find(subscriptionId).filter(Subscription::isDone).ifPresent(this::finish);
		return recorded;
	}

	/**
	 * A fixed-length subscription whose draws are all placed is finished (unless it was
	 * cancelled meanwhile); also run for one found so after a crash between the two
	 * updates.
	 */
	void finish(Subscription subscription) {
		if (subscription.draws() == null) {
			return;
		}
		this.mongo.updateFirst(
				Query.query(Criteria.where("_id")
					.is(subscription.id())
					.and("status")
					.in(SubscriptionStatus.ACTIVE, SubscriptionStatus.PAUSED)
					.and("placed")
					.gte(subscription.draws())),
				new Update().set("status", SubscriptionStatus.FINISHED), Subscription.class);
	}

	/** A deleted account's subscriptions go with it. */
	@EventListener
	void accountDeleted(AccountDeleted deleted) {
		this.mongo.remove(Query.query(Criteria.where("accountId").is(deleted.accountId())), Subscription.class);
	}

	private static Query own(String accountId, String id) {
		return Query.query(Criteria.where("_id").is(id).and("accountId").is(accountId));
	}

}
