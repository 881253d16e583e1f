package com.novanta.embedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.novanta.testing.AllAtOnce;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The embedded file compacted while it is read and written: what a day does to it
 * (documents that stay, and documents that change on every request) leaves most chunks
 * nearly dead, and {@link FileCompaction} brings them back to its fill rate, loses
 * nothing, and keeps the file from growing with the changes.
 */
class FileCompactionTests {

	private static final String PAYLOAD = "x".repeat(400);

	@TempDir
	Path dataDir;

	/**
	 * What a night does: slips that stay, each with ten changes to a few sessions and
	 * counters, committed as H2's writer does, compacted between batches. The file grows
	 * by about 5 KB a slip without the compaction, by about 1.2 KB with it. Then every
	 * slip and counter is there after a restart.
	 */
	@Test
	void compactionKeepsTheFileFromGrowingWithChanges() throws Exception {
		Path dir = this.dataDir.resolve("churn");
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dir, false, 0);
		MVStore store = store(server, true);
		FileCompaction compaction = new FileCompaction(store, EmbeddedMongoServer.DEFAULT_FILL_RATE, 256 * 1024);
		int slips = 0;
		long warm = 0;
		int slipsWarm = 0;
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> slip = client.getDatabase("t").getCollection("slips");
			MongoCollection<Document> sessions = client.getDatabase("t").getCollection("sessions");
			for (int batch = 0; batch < 6; batch++) {
				for (int i = 0; i < 50; i++, slips++) {
					slip.insertOne(new Document("_id", slips).append("payload", PAYLOAD));
					for (int change = 0; change < 10; change++) {
						sessions.updateOne(Filters.eq("_id", change % 5),
								Updates.combine(Updates.set("payload", PAYLOAD), Updates.inc("requests", 1)),
								new UpdateOptions().upsert(true));
						if (change % 2 == 0) {
							store.commit();
						}
					}
				}
				// the first round may find the batch's writes a burst, and wait; then
				// until it finds nothing more, or ten rounds
				for (int round = 0; round < 10; round++) {
					if (compaction.round() == 0 && round > 0) {
						break;
					}
				}
				if (batch == 1) {
					warm = store.getFileStore().size();
					slipsWarm = slips;
				}
			}
			assertThat(compaction.steps()).isPositive();
			long growth = store.getFileStore().size() - warm;
			// 5.2 KB without the compaction, 1.2 KB with it
			assertThat(growth / (slips - slipsWarm)).as("bytes the file grew by a slip").isLessThan(2048);
			// with nobody writing, it comes to rest
			long before = compaction.steps();
			for (int round = 0; round < 200; round++) {
				compaction.round();
			}
			assertThat(compaction.steps() - before).as("steps in 200 rounds with nobody writing").isLessThan(100);
		}
		finally {
			server.stop();
		}
		EmbeddedMongoServer reopened = EmbeddedMongoServer.startFileBacked(dir, false, 0);
		try (MongoClient client = MongoClients.create(reopened.connectionString())) {
			List<Document> kept = client.getDatabase("t").getCollection("slips").find().into(new ArrayList<>());
			assertThat(kept).hasSize(slips).allSatisfy((d) -> assertThat(d).containsEntry("payload", PAYLOAD));
			long requests = 0;
			for (Document session : client.getDatabase("t").getCollection("sessions").find()) {
				requests += session.getInteger("requests");
			}
			assertThat(requests).isEqualTo(slips * 10L);
		}
		finally {
			reopened.stop();
		}
	}

	/**
	 * Compaction writes no more than the application does: with nothing written since it
	 * started (and no head start) it does nothing however empty the chunks; once the
	 * application has written, it may write as much, but not while the application writes
	 * hard.
	 */
	@Test
	void compactionWritesNoMoreThanTheApplication() throws Exception {
		Path dir = this.dataDir.resolve("budget");
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dir, false, 0);
		MVStore store = store(server, true);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> slip = client.getDatabase("t").getCollection("slips");
			MongoCollection<Document> sessions = client.getDatabase("t").getCollection("sessions");
			play(slip, sessions, store, 0, 100);
			FileCompaction compaction = new FileCompaction(store, EmbeddedMongoServer.DEFAULT_FILL_RATE, 64 * 1024,
					4 * 1024 * 1024, 32 * 1024);
			// no head start: the whole budget spent on nothing
			compaction.spend(4 * 1024 * 1024);
			assertThat(compaction.round()).isZero();
			assertThat(store.getFileStore().getChunksFillRate()).isLessThan(EmbeddedMongoServer.DEFAULT_FILL_RATE);
			play(slip, sessions, store, 100, 200);
			// the application wrote more than 32 KB since the round before: busy
			assertThat(compaction.round()).isZero();
			// and nothing since: its turn, with what the application wrote to spend
			assertThat(compaction.round()).isPositive();
		}
		finally {
			server.stop();
		}
	}

	@Test
	void aFillRateOutOfRangeIsRefusedWithTheSettingsName() {
		assertThatIllegalArgumentException().isThrownBy(() -> new FileCompaction(null, 100, 1024))
			.withMessage("lottery.database.compaction-fill-rate must be 0 (off) or 1 to 99, not 100");
	}

	/**
	 * Writers, readers and compaction all at once: no reader fails or sees a document
	 * half-changed, and after a restart every document is as its writer last left it.
	 */
	@Test
	void nothingIsLostWhileCompactionRunsUnderLoad() throws Exception {
		Path dir = this.dataDir.resolve("load");
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dir, false, 0);
		MVStore store = store(server, false);
		FileCompaction compaction = new FileCompaction(store, EmbeddedMongoServer.DEFAULT_FILL_RATE, 64 * 1024);
		Map<Integer, Integer> expected = new ConcurrentHashMap<>();
		int writers = 4;
		CountDownLatch writing = new CountDownLatch(writers);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> documents = client.getDatabase("t").getCollection("documents");
			List<List<String>> failures = AllAtOnce.run(writers + 2, (thread) -> () -> {
				List<String> seen = new ArrayList<>();
				if (thread < writers) {
					// each writer owns its documents: inserts, then changes them again
					try {
						for (int round = 0; round < 60; round++) {
							for (int i = 0; i < 10; i++) {
								int id = thread * 1000 + i;
								documents.updateOne(
										Filters.eq("_id", id), Updates.combine(Updates.set("round", round),
												Updates.set("check", round), Updates.set("payload", PAYLOAD)),
										new UpdateOptions().upsert(true));
								expected.put(id, round);
							}
							documents.insertOne(new Document("_id", thread * 1000 + 100 + round).append("round", -1)
								.append("check", -1)
								.append("payload", PAYLOAD));
							expected.put(thread * 1000 + 100 + round, -1);
							store.commit();
						}
					}
					finally {
						// the reader and the compaction stop with the writers, whatever
						// happened to them
						writing.countDown();
					}
				}
				else if (thread == writers) {
					// a reader: whole scans, each document whole
					while (writing.getCount() > 0) {
						for (Document read : documents.find().batchSize(25)) {
							if (!read.get("round").equals(read.get("check"))) {
								seen.add("half-changed " + read.toJson());
							}
						}
					}
				}
				else {
					// the compaction, as its thread runs it, for as long as the writers
					// write
					while (writing.getCount() > 0) {
						compaction.round();
					}
				}
				return seen;
			});
			assertThat(failures).allSatisfy((seen) -> assertThat(seen).isEmpty());
			assertThat(compaction.steps()).as("compaction steps while the writers wrote").isPositive();
		}
		finally {
			server.stop();
		}
		EmbeddedMongoServer reopened = EmbeddedMongoServer.startFileBacked(dir, false, 0);
		try (MongoClient client = MongoClients.create(reopened.connectionString())) {
			Map<Integer, Integer> stored = new ConcurrentHashMap<>();
			for (Document document : client.getDatabase("t").getCollection("documents").find()) {
				stored.put(document.getInteger("_id"), document.getInteger("round"));
			}
			assertThat(stored).isEqualTo(expected);
		}
		finally {
			reopened.stop();
		}
	}

	/** Slips {@code from} to {@code to}, each changing a session, each committed. */
	private static void play(MongoCollection<Document> slip, MongoCollection<Document> sessions, MVStore store,
			int from, int to) {
		for (int i = from; i < to; i++) {
			slip.insertOne(new Document("_id", i).append("payload", PAYLOAD));
			sessions.updateOne(Filters.eq("_id", 1), Updates.set("payload", PAYLOAD + i),
					new UpdateOptions().upsert(true));
			store.commit();
		}
	}

	/**
	 * The server's store, whose chunks compaction may re-write at once (H2 re-writes only
	 * chunks older than its retention time, {@link FileSync#RETENTION}); with
	 * {@code testCommits}, only the test commits, not H2's writer at moments of its own.
	 */
	private static MVStore store(EmbeddedMongoServer server, boolean testCommits) {
		MVStore store = ((H2Backend) server.backend()).getMvStore();
		store.setRetentionTime(0);
		if (testCommits) {
			store.setAutoCommitDelay(0);
		}
		return store;
	}

}
