package com.novanta.embedded;

import java.nio.file.Path;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractMongoBackend;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property that keeps readers and writers of the embedded server apart
 * ({@link CopyingCollections}; {@code ConcurrentReadWriteTests} shows it under load),
 * checked without timing: what a query or findAndModify hands out, which the server
 * encodes after the collection's lock is released, is never changed by a later update,
 * and every update is stored all the same.
 */
class StoredDocumentsTests {

	@TempDir
	static Path dataDir;

	static Stream<Arguments> servers() {
		return Stream.of(Arguments.of("memory"), Arguments.of("h2"), Arguments.of("h2 reopened"));
	}

	@ParameterizedTest
	@MethodSource("servers")
	void whatTheServerHandsOutIsNeverChangedByALaterUpdate(String backend) {
		Path dir = dataDir.resolve("h2" + System.nanoTime());
		EmbeddedMongoServer server = backend.equals("memory") ? EmbeddedMongoServer.startInMemory()
				: EmbeddedMongoServer.startFileBacked(dir);
		try {
			MongoDatabase database = ((AbstractMongoBackend) server.backend()).resolveDatabase("t");
			database.createCollectionOrThrowIfExists("outbox")
				.addDocument(new Document("_id", 1).append("status", "PENDING").append("version", 0));
			if (backend.equals("h2 reopened")) {
				// the collections of a file that is opened again are opened by the
				// server's constructor
				server.stop();
				server = EmbeddedMongoServer.startFileBacked(dir);
				database = ((AbstractMongoBackend) server.backend()).resolveDatabase("t");
			}
			MongoCollection<?> outbox = database.resolveCollection("outbox", true);
			Document byId = new Document("_id", 1);

			Document queried = outbox.handleQuery(byId).iterator().next();
			Document asQueried = queried.cloneDeeply();
			Document found = (Document) outbox
				.findAndModify(
						new Document("query", byId).append("new", true).append("update", update("$inc", "version", 1)))
				.get("value");
			Document asFound = found.cloneDeeply();
			// a field added and one removed: both change the top level's structure
			outbox.updateDocuments(byId, update("$set", "claimed", "worker 1"), ArrayFilters.empty(), false, false,
					NoopOplog.get());
			outbox.updateDocuments(byId, update("$unset", "status", ""), ArrayFilters.empty(), false, false,
					NoopOplog.get());

			assertThat(queried).as("what a query handed out").isEqualTo(asQueried);
			assertThat(found).as("what findAndModify handed out").isEqualTo(asFound).containsEntry("version", 1);
			assertThat(outbox.handleQuery(byId)).singleElement()
				.isEqualTo(new Document("_id", 1).append("version", 1).append("claimed", "worker 1"));
		}
		finally {
			server.stop();
		}
	}

	private static Document update(String operator, String field, Object value) {
		return new Document(operator, new Document(field, value));
	}

}
