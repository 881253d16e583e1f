package com.novanta.testing;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.event.CommandFailedEvent;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import com.mongodb.event.CommandSucceededEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.bson.Document;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Counts the commands that may write each collection, as the MongoDB clients of the test
 * applications send them, so that {@link DatabaseSnapshot} hashes again only the
 * collections that may have changed since it last hashed them: reading every document of
 * a suite's database twice for each of the ~900 hostile cases would take minutes.
 *
 * <p>
 * It errs on the side of hashing again: every command that is not known to only read
 * counts as a write, of its collection, or of every collection where that is not plain
 * (an aggregation with {@code $out}, a rename); and a write is counted when it is sent
 * and again when it is answered, so that a snapshot that hashed a collection while a
 * write to it was in flight hashes it again next time. Only writes from outside the test
 * applications (another process, a client a test makes itself) go uncounted:
 * {@link #watches} tells whether a {@link MongoOperations} goes through a counted client
 * at all.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseWrites {

	/** Commands that never write. */
	private static final Set<String> READS = Set.of("find", "getMore", "count", "distinct", "listCollections",
			"listIndexes", "listDatabases", "killCursors", "endSessions", "ping", "hello", "isMaster", "ismaster",
			"buildInfo", "buildinfo", "dbStats", "collStats", "serverStatus", "connectionStatus", "explain",
			"getLastError", "getlasterror", "saslStart", "saslContinue", "whatsmyuri", "getParameter", "hostInfo");

	/** Commands whose first value names a collection, but that may write others. */
	private static final Set<String> ANYWHERE = Set.of("renameCollection", "mapReduce", "mapreduce", "applyOps",
			"dropDatabase", "bulkWrite");

	private static final String PROBE = "novantaSnapshotProbe";

	private static final String EVERY_COLLECTION = "";

	static final DatabaseWrites COUNTER = new DatabaseWrites();

	/** Writes per {@code <database>.<collection>}, or to any collection (key ""). */
	private final Map<String, AtomicLong> writes = new ConcurrentHashMap<>();

	/** The collection each write in flight was counted for, by request id. */
	private final Map<Integer, String> inFlight = new ConcurrentHashMap<>();

	/** Probes seen, until {@link #watches} takes them. */
	private final Set<String> probes = ConcurrentHashMap.newKeySet();

	private final CommandListener listener = new CommandListener() {

		@Override
		public void commandStarted(CommandStartedEvent event) {
			started(event);
		}

		@Override
		public void commandSucceeded(CommandSucceededEvent event) {
			finished(event.getRequestId());
		}

		@Override
		public void commandFailed(CommandFailedEvent event) {
			finished(event.getRequestId());
		}

	};

	/** Every test application's client counts its writes here. */
	@Bean
	MongoClientSettingsBuilderCustomizer countDatabaseWrites() {
		return (settings) -> settings.addCommandListener(COUNTER.listener);
	}

	/**
	 * How many writes may have reached a collection so far: if it is the same later, no
	 * counted client wrote the collection in between.
	 */
	long version(String database, String collection) {
		return count(database + "." + collection) + count(EVERY_COLLECTION);
	}

	/** Whether the commands of {@code mongo} are counted. */
	boolean watches(MongoOperations mongo) {
		String probe = UUID.randomUUID().toString();
		mongo.executeCommand(new Document("ping", 1).append(PROBE, probe));
		return this.probes.remove(probe);
	}

	private void started(CommandStartedEvent event) {
		String name = event.getCommandName();
		BsonDocument command = event.getCommand();
		if (name.equals("ping") && command.isString(PROBE)) {
			this.probes.add(command.getString(PROBE).getValue());
			return;
		}
		if (READS.contains(name) || (name.equals("aggregate") && !writesOut(command))) {
			return;
		}
		String key = EVERY_COLLECTION;
		BsonValue first = command.isEmpty() ? null : command.get(command.getFirstKey());
		if (!ANYWHERE.contains(name) && !name.equals("aggregate") && first != null && first.isString()) {
			key = event.getDatabaseName() + "." + first.asString().getValue();
		}
		this.inFlight.put(event.getRequestId(), key);
		count(key, 1);
	}

	private void finished(int requestId) {
		String key = this.inFlight.remove(requestId);
		if (key != null) {
			count(key, 1);
		}
	}

	private static boolean writesOut(BsonDocument command) {
		return !command.isArray("pipeline") || command.getArray("pipeline")
			.stream()
			.anyMatch((stage) -> !stage.isDocument() || stage.asDocument().containsKey("$out")
					|| stage.asDocument().containsKey("$merge"));
	}

	private long count(String key) {
		AtomicLong count = this.writes.get(key);
		return (count != null) ? count.get() : 0;
	}

	private void count(String key, long delta) {
		this.writes.computeIfAbsent(key, (k) -> new AtomicLong()).addAndGet(delta);
	}

}
