package com.novanta.testing;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.RawBsonDocument;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the database holds at one moment: the number of documents of every collection, a
 * hash of the content of every document of every collection but the {@link #BOOKKEEPING}
 * ones, and chosen documents in full (for a readable difference). Take one just before a
 * request that must change nothing and compare just after it: tests share one application
 * (and database), so a snapshot taken any earlier would see their writes too.
 *
 * <p>
 * The content hash of a collection is read in one pass: the SHA-256 of each document's
 * BSON, as the database returns it, added up word by word, so that the order in which the
 * documents come back does not matter. A change of one field of one document anywhere
 * changes it, which counts and a few watched documents would miss. Reading every document
 * twice for each hostile case would cost minutes once the suite's tests have filled the
 * database, so a collection is read again only when {@link DatabaseWrites} counted a
 * write that may have reached it since it was last hashed, or its count changed; through
 * a client whose writes are not counted (not an {@link IntegrationTest}'s), every
 * collection is read every time.
 */
public final class DatabaseSnapshot {

	/**
	 * Collections that a refused request may change on purpose. Refusing is itself
	 * recorded: a failed sign-in goes to the audit log ({@code audit_events}) and counts
	 * towards the address's lock-out ({@code sign_in_throttle}); sign-ups, reset requests
	 * and verification emails count against their client's or address's hourly limit even
	 * when nothing else happens ({@code rate_limits}), so that probing costs the prober;
	 * the site's ballots-per-day statistics ({@code ballots_per_day}) are bookkeeping (a
	 * participant's own limit counters, {@code playCounts}, are not: they are hashed);
	 * and the application makes each of its signing keys ({@code secrets}) once, the
	 * first time it checks a signed link, whatever the link. What a refused request must
	 * never change (accounts, tokens, ballots, participations, lotteries, winners,
	 * outbox...) is checked everywhere, by content, and {@link #assertNothingChanged()}
	 * checks the counts of these too where the request never reaches the application (a
	 * missing CSRF token).
	 */
	public static final Set<String> BOOKKEEPING = Set.of("audit_events", "rate_limits", "sign_in_throttle",
			"ballots_per_day", "secrets");

	/**
	 * The collections hashed last, by database client: tests share one application, and
	 * most collections are not written between two snapshots.
	 */
	private static final Map<MongoOperations, Map<String, Hashed>> hashes = Collections
		.synchronizedMap(new WeakHashMap<>());

	private final MongoOperations mongo;

	private final List<Watched> watched;

	private final Map<String, Long> counts;

	private final Map<String, String> contents;

	private final Map<String, List<Document>> documents;

	private DatabaseSnapshot(MongoOperations mongo, List<Watched> watched) {
		this.mongo = mongo;
		this.watched = watched;
		this.counts = new TreeMap<>();
		this.contents = new TreeMap<>();
		read(mongo, this.counts, this.contents);
		this.documents = documents(mongo, watched);
	}

	/** The counts and contents of every collection. */
	public static DatabaseSnapshot take(MongoOperations mongo) {
		return new DatabaseSnapshot(mongo, List.of());
	}

	/** The counts and contents of every collection, and these documents in full. */
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
	 * Nothing changed but the {@link #BOOKKEEPING} collections: same counts and the same
	 * content everywhere else, and the watched documents unchanged.
	 */
	public void assertUnchanged() {
		compare(BOOKKEEPING);
	}

	/**
	 * Nothing changed at all: the bookkeeping collections keep their counts too (their
	 * content is not compared: it is not hashed, to keep snapshots fast).
	 */
	public void assertNothingChanged() {
		compare(Set.of());
	}

	private void compare(Set<String> mayChange) {
		Map<String, Long> counts = new TreeMap<>();
		Map<String, String> contents = new TreeMap<>();
		read(this.mongo, counts, contents);
		Map<String, Long> expected = new TreeMap<>(this.counts);
		expected.keySet().removeAll(mayChange);
		counts.keySet().removeAll(mayChange);
		// A collection that did not exist before and is still empty is no change.
		counts.entrySet().removeIf((entry) -> entry.getValue() == 0 && !expected.containsKey(entry.getKey()));
		contents.keySet().retainAll(counts.keySet());
		assertThat(counts).as("documents per collection").isEqualTo(expected);
		assertThat(contents).as("content hash per collection (every document but the bookkeeping)")
			.isEqualTo(this.contents);
		assertThat(documents(this.mongo, this.watched)).as("watched documents").isEqualTo(this.documents);
	}

	/**
	 * Counts the documents of every collection, and hashes the content of those that are
	 * not bookkeeping, each in one pass: again only if a write may have reached it since
	 * it was last hashed through the same {@code mongo} ({@link DatabaseWrites}).
	 */
	private static void read(MongoOperations mongo, Map<String, Long> counts, Map<String, String> contents) {
		boolean watched = DatabaseWrites.COUNTER.watches(mongo);
		String database = mongo.execute(MongoDatabase::getName);
		Map<String, Hashed> hashed = watched ? hashes.computeIfAbsent(mongo, (key) -> new ConcurrentHashMap<>())
				: new HashMap<>();
		MessageDigest sha256 = sha256();
		for (String name : mongo.getCollectionNames()) {
			if (BOOKKEEPING.contains(name)) {
				counts.put(name, mongo.getCollection(name).countDocuments());
				continue;
			}
			// read before hashing: a write from now on makes the next snapshot hash again
			long version = DatabaseWrites.COUNTER.version(database, name);
			Hashed known = hashed.get(name);
			if (known == null || known.version() != version
					|| known.count() != mongo.getCollection(name).countDocuments()) {
				known = hash(mongo, name, version, sha256);
				hashed.put(name, known);
			}
			counts.put(name, known.count());
			if (known.count() > 0) {
				contents.put(name, known.hash());
			}
		}
	}

	/**
	 * The SHA-256 of each document of the collection, added up word by word (so that the
	 * order the documents come in does not matter).
	 */
	private static Hashed hash(MongoOperations mongo, String collection, long version, MessageDigest sha256) {
		long count = 0;
		long[] sum = new long[4];
		for (RawBsonDocument document : mongo.getCollection(collection)
			.withDocumentClass(RawBsonDocument.class)
			.find()
			.batchSize(10_000)) {
			sha256.update(document.getByteBuffer().asNIO());
			ByteBuffer hash = ByteBuffer.wrap(sha256.digest());
			for (int i = 0; i < sum.length; i++) {
				sum[i] += hash.getLong();
			}
			count++;
		}
		ByteBuffer combined = ByteBuffer.allocate(8 * sum.length);
		for (long word : sum) {
			combined.putLong(word);
		}
		return new Hashed(version, count, HexFormat.of().formatHex(combined.array()));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
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

	/**
	 * A collection as it was hashed.
	 *
	 * @param version the count of writes that may have reached it, before it was read
	 * @param count how many documents it held
	 * @param hash the sum of their hashes, in hex
	 */
	private record Hashed(long version, long count, String hash) {
	}

}
