package com.novanta.embedded;

import java.nio.file.Path;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Durable writes on the embedded H2 database. */
class DurableWritesTests {

	@TempDir
	static Path dataDir;

	/**
	 * With {@code lottery.database.durable-writes}, what a write command changed is in
	 * the file (written and synced) when it is answered, and not only within 100 ms.
	 */
	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void withDurableWritesEveryChangeIsOnTheDiskWhenItIsAnswered(boolean reopened) {
		Path dir = dataDir.resolve("durable" + System.nanoTime());
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dir, true);
		if (reopened) {
			// the database a reopened file holds is opened with the backend, before the
			// backend knows it writes durably
			try (MongoClient client = MongoClients.create(server.connectionString())) {
				client.getDatabase("t").getCollection("slips").insertOne(new Document("_id", "earlier"));
			}
			server.stop();
			server = EmbeddedMongoServer.startFileBacked(dir, true);
		}
		MVStore store = ((H2Backend) server.backend()).getMvStore();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> slips = client.getDatabase("t").getCollection("slips");
			for (int i = 0; i < 20; i++) {
				slips.insertOne(new Document("_id", i).append("n", 0));
				assertThat(store.hasUnsavedChanges()).as("after insert %d", i).isFalse();
				slips.updateOne(Filters.eq("_id", i), Updates.inc("n", 1));
				assertThat(store.hasUnsavedChanges()).as("after update %d", i).isFalse();
				slips.findOneAndUpdate(Filters.eq("_id", i), Updates.inc("n", 1));
				assertThat(store.hasUnsavedChanges()).as("after findAndModify %d", i).isFalse();
			}
			slips.deleteOne(Filters.eq("_id", 0));
			assertThat(store.hasUnsavedChanges()).as("after delete").isFalse();
		}
		finally {
			server.stop();
		}
	}

}
