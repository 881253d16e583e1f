package com.novanta.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import com.novanta.testing.AllAtOnce;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers and writers on the same documents at once, through the real driver: a reader
 * never gets a document that is changed while the server sends it (the embedded server
 * updates its stored documents in place, and sent them out as they were stored: a
 * notification benchmark once failed with a ConcurrentModificationException while a batch
 * of the outbox was encoded), and every reader sees each document whole, before or after
 * a change.
 */
class ConcurrentReadWriteTests {

	private static final int DOCUMENTS = 200;

	private static final int ROUNDS = 150;

	/** Fields besides those that change, so that encoding a document takes a while. */
	private static final int FIELDS = 40;

	@TempDir
	static Path dataDir;

	static Stream<Arguments> servers() {
		return Stream.of(Arguments.of("memory"), Arguments.of("h2"));
	}

	/**
	 * The copying collections open the maps the server's own H2 collections use: a file
	 * written before them is read, and changed, as it was.
	 */
	@Test
	void readsAndChangesAFileWrittenByTheServersOwnCollections() {
		Path dir = dataDir.resolve("older" + System.nanoTime());
		Path file = dir.resolve(EmbeddedMongoServer.FILE_NAME);
		MVStore older = new MVStore.Builder()
			.fileName(createdDirectory(dir).resolve(EmbeddedMongoServer.FILE_NAME).toString())
			.open();
		MongoServer plain = new MongoServer(new H2Backend(older));
		plain.bind("127.0.0.1", 0);
		try (MongoClient client = MongoClients
			.create("mongodb://127.0.0.1:" + plain.getLocalAddress().getPort() + "/t")) {
			client.getDatabase("t").getCollection("kept").insertOne(new Document("_id", "a").append("n", 1));
		}
		plain.shutdown();
		older.close();
		assertThat(file).exists();

		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dir);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> kept = client.getDatabase("t").getCollection("kept");
			assertThat(kept.find(Filters.eq("_id", "a")).first()).containsEntry("n", 1);
			kept.updateOne(Filters.eq("_id", "a"), Updates.inc("n", 1));
			assertThat(kept.find().into(new ArrayList<>())).singleElement()
				.satisfies((d) -> assertThat(d).containsEntry("n", 2));
		}
		finally {
			server.stop();
		}
	}

	private static Path createdDirectory(Path dir) {
		try {
			return Files.createDirectories(dir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void readersNeverSeeADocumentChangingUnderThem(String backend) throws Exception {
		EmbeddedMongoServer server = backend.equals("h2")
				? EmbeddedMongoServer.startFileBacked(dataDir.resolve(backend + System.nanoTime()))
				: EmbeddedMongoServer.startInMemory();
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> outbox = client.getDatabase("t").getCollection("outbox");
			List<Document> documents = new ArrayList<>();
			for (int i = 0; i < DOCUMENTS; i++) {
				documents.add(new Document("_id", i).append("status", "PENDING")
					.append("attempts", 0)
					.append("version", 0)
					.append("copy", 0)
					.append("log", new ArrayList<>(List.of("created"))));
				for (int field = 0; field < FIELDS; field++) {
					documents.get(i).append("field" + field, "x".repeat(40));
				}
			}
			outbox.insertMany(documents);

			List<String> failures = AllAtOnce.run(8, (thread) -> () -> {
				List<String> seen = new ArrayList<>();
				try {
					for (int round = 0; round < ROUNDS; round++) {
						if (thread % 2 == 0) {
							// a writer: every change keeps version and copy equal, and
							// grows
							// the document
							int id = (thread * 31 + round * 7) % DOCUMENTS;
							// a field comes and goes: every change adds or removes one
							// at the top level, as well as changing others
							outbox.updateOne(Filters.eq("_id", id), Updates.combine(Updates.inc("version", 1),
									Updates.inc("copy", 1), Updates.push("log", "round " + round), (round % 2 == 0)
											? Updates.set("claimed", "worker " + thread) : Updates.unset("claimed")));
							outbox.findOneAndUpdate(Filters.eq("_id", (id + 1) % DOCUMENTS),
									Updates.combine(Updates.inc("version", 1), Updates.inc("copy", 1)),
									new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
						}
						else {
							// a reader, in small batches so that later ones come from the
							// cursor
							for (Document read : outbox.find().batchSize(17)) {
								if (!read.get("version").equals(read.get("copy"))) {
									seen.add("torn document " + read.toJson());
								}
							}
						}
					}
				}
				catch (RuntimeException ex) {
					seen.add(ex.toString());
				}
				return String.join("\n", seen);
			});

			assertThat(String.join("", failures)).as("what the readers and writers ran into").isEmpty();
			long changes = 0;
			for (Document read : outbox.find()) {
				changes += read.getInteger("version");
			}
			assertThat(changes).as("every change counted once").isEqualTo(4L * ROUNDS * 2);
		}
		finally {
			server.stop();
		}
	}

}
