package com.novanta.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database holds at one moment: the number of documents of every collection, and
 * chosen documents in full. Take one just before a request that must change nothing and
 * compare just after it: tests share one application (and database), so a snapshot taken
 * any earlier would see their writes too.
 */
public final class DatabaseSnapshot {

	/**
	 * Collections that a refused request may change on purpose. Refusing is itself
	 * recorded: a failed sign-in goes to the audit log ({@code audit_events}) and counts
	 * towards the address's lock-out ({@code sign_in_throttle}); sign-ups, reset requests
	 * and verification emails count against their client's or address's hourly limit even
	 * when nothing else happens ({@code rate_limits}), so that probing costs the prober;
	 * the ballots-per-day counters ({@code ballots_per_day}) are bookkeeping that
	 * submission limits may reserve and give back; and the application makes each of its
	 * signing keys ({@code secrets}) once, the first time it checks a signed link,
	 * whatever the link. What a refused request must never change (accounts, tokens,
	 * ballots, participations, lotteries, winners, outbox...) is checked everywhere, and
	 * {@link #assertNothingChanged()} checks these too where the request never reaches
	 * the application (a missing CSRF token).
	 */
	public static final Set<String> BOOKKEEPING = Set.of("audit_events", "rate_limits", "sign_in_throttle",
			"ballots_per_day", "secrets");

	private final MongoOperations mongo;

	private final List<Watched> watched;

	private final Map<String, Long> counts;

	private final Map<String, List<Document>> documents;

	private DatabaseSnapshot(MongoOperations mongo, List<Watched> watched) {
		this.mongo = mongo;
		this.watched = watched;
		this.counts = counts(mongo);
		this.documents = documents(mongo, watched);
	}

	/** The counts of every collection. */
	public static DatabaseSnapshot take(MongoOperations mongo) {
		return new DatabaseSnapshot(mongo, List.of());
	}

	/** The counts of every collection, and these documents in full. */
	public static DatabaseSnapshot take(MongoOperations mongo, Watched... documents) {
		return new DatabaseSnapshot(mongo, List.of(documents));
	}

	/** A document to compare in full: the one with this id in this collection. */
	public static Watched document(String collection, Object id) {
		return new Watched(collection, Query.query(Criteria.where("_id").is(id)));
	}

	/** Documents to compare in full: those matching the query. */
	public static Watched documents(String collection, Query query) {
		return new Watched(collection, query);
	}

	/**
	 * Nothing changed but the {@link #BOOKKEEPING} collections: same counts everywhere
	 * else, and the watched documents unchanged.
	 */
	public void assertUnchanged() {
		compare(BOOKKEEPING);
	}

	/** Nothing changed at all, bookkeeping included. */
	public void assertNothingChanged() {
		compare(Set.of());
	}

	private void compare(Set<String> mayChange) {
		Map<String, Long> now = counts(this.mongo);
		Map<String, Long> expected = new TreeMap<>(this.counts);
		expected.keySet().removeAll(mayChange);
		now.keySet().removeAll(mayChange);
		// A collection that did not exist before and is still empty is no change.
		now.entrySet().removeIf((entry) -> entry.getValue() == 0 && !expected.containsKey(entry.getKey()));
		assertThat(now).as("documents per collection").isEqualTo(expected);
		assertThat(documents(this.mongo, this.watched)).as("watched documents").isEqualTo(this.documents);
	}

	private static Map<String, Long> counts(MongoOperations mongo) {
		Map<String, Long> counts = new TreeMap<>();
		for (String name : mongo.getCollectionNames()) {
			counts.put(name, mongo.getCollection(name).countDocuments());
		}
		return counts;
	}

	private static Map<String, List<Document>> documents(MongoOperations mongo, List<Watched> watched) {
		Map<String, List<Document>> documents = new TreeMap<>();
		for (Watched each : watched) {
			documents.computeIfAbsent(each.collection() + " " + each.query().getQueryObject().toJson(),
					(key) -> new ArrayList<>(mongo.find(each.query(), Document.class, each.collection())));
		}
		return documents;
	}

	/**
	 * Documents watched in full.
	 *
	 * @param collection the collection
	 * @param query which documents
	 */
	public record Watched(String collection, Query query) {
	}

}
