package com.novanta.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reopened file's secondary indexes are built while the application starts
 * ({@link IndexBuilds}): the server answers at once, and what is asked of a collection
 * meanwhile is answered exactly as it would be after the build.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class IndexBuildsTests {

	private static final int ITEMS = 3_000;

	private static final int OWNERS = 10;

	@TempDir
	Path dir;

	@Test
	void theServerAnswersBeforeTheBuildsAndWhatItAnswersMeanwhileIsRight() throws Exception {
		fill();
		CountDownLatch release = new CountDownLatch(1);
		// the builds' thread holds every collection it builds, and waits here
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(this.dir, false, 0, () -> await(release));
		ExecutorService clients = Executors.newFixedThreadPool(3);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> items = client.getDatabase("t").getCollection("items");
			// declaring an index it has does not wait for the build
			items.createIndex(Indexes.ascending("owner"));
			// another collection, with no index to build, answers too
			client.getDatabase("t").getCollection("small").insertOne(new Document("_id", "s"));

			Future<List<Object>> owner3 = clients.submit(() -> ids(items.find(Filters.eq("owner", "o3"))));
			Future<?> insert = clients
				.submit(() -> items.insertOne(new Document("_id", "new").append("owner", "o3").append("copy", "o3")));
			Future<?> delete = clients.submit(() -> items.deleteOne(Filters.eq("_id", "i13")));
			assertThat(server.indexesBuilt()).isFalse();

			release.countDown();
			assertThat(server.awaitIndexes()).isPositive();
			insert.get();
			delete.get();
			// whether it ran before or after the insert and the delete, it found every
			// item of the owner's but those two, and nothing else
			List<Object> others = expectedOwner3();
			others.remove("i13");
			assertThat(owner3.get()).containsAll(others);
			assertThat(others).hasSize(ITEMS / OWNERS - 1);
			assertThat(owner3.get()).hasSizeBetween(others.size(), others.size() + 2)
				.allMatch((id) -> others.contains(id) || id.equals("new") || id.equals("i13"));
			assertThat(new TreeSet<>(ids(items.find(Filters.eq("owner", "o3")))))
				.isEqualTo(new TreeSet<>(ids(items.find(Filters.eq("copy", "o3")))))
				.contains("new")
				.doesNotContain("i13");
		}
		finally {
			clients.shutdownNow();
			server.stop();
		}
	}

	@Test
	void writesWhileTheIndexesAreBuiltLeaveThemExactlyAsAScan() throws Exception {
		fill();
		CountDownLatch release = new CountDownLatch(1);
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(this.dir, false, 0, () -> await(release));
		int writers = 4;
		CyclicBarrier start = new CyclicBarrier(writers + 1);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<Document> items = client.getDatabase("t").getCollection("items");
			List<Future<?>> done = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				done.add(pool.submit(() -> {
					start.await();
					for (int i = writer; i < ITEMS; i += writers * 10) {
						String owner = "moved" + (i % 3);
						items.updateOne(Filters.eq("_id", "i" + i),
								Updates.combine(Updates.set("owner", owner), Updates.set("copy", owner)));
						items.deleteOne(Filters.eq("_id", "i" + (i + 1)));
						items.insertOne(new Document("_id", "w" + i).append("owner", "o1").append("copy", "o1"));
					}
					return null;
				}));
			}
			// the writers start with the build
			start.await();
			release.countDown();
			for (Future<?> writer : done) {
				writer.get();
			}
			server.awaitIndexes();
			for (String owner : List.of("o0", "o1", "o2", "moved0", "moved1", "moved2")) {
				Set<Object> byIndex = new TreeSet<>(ids(items.find(Filters.eq("owner", owner))));
				Set<Object> byScan = new TreeSet<>(ids(items.find(Filters.eq("copy", owner))));
				assertThat(byIndex).as(owner).isNotEmpty().isEqualTo(byScan);
			}
		}
		finally {
			pool.shutdownNow();
			server.stop();
		}
	}

	/**
	 * A file whose {@code items} have an index on {@code owner}, and the same value in
	 * {@code copy}, which has none (a query on it scans).
	 */
	private void fill() {
		EmbeddedMongoServer first = EmbeddedMongoServer.startFileBacked(this.dir, false, 0);
		try (MongoClient client = MongoClients.create(first.connectionString())) {
			MongoCollection<Document> items = client.getDatabase("t").getCollection("items");
			items.createIndex(Indexes.ascending("owner"));
			List<Document> batch = new ArrayList<>();
			for (int i = 0; i < ITEMS; i++) {
				String owner = "o" + (i % OWNERS);
				batch.add(new Document("_id", "i" + i).append("owner", owner).append("copy", owner));
			}
			items.insertMany(batch);
			// a collection without a secondary index: nothing to build
			client.getDatabase("t").getCollection("small").insertOne(new Document("_id", "first"));
		}
		finally {
			first.stop();
		}
	}

	private static List<Object> expectedOwner3() {
		List<Object> ids = new ArrayList<>();
		for (int i = 3; i < ITEMS; i += OWNERS) {
			ids.add("i" + i);
		}
		return ids;
	}

	private static List<Object> ids(Iterable<Document> documents) {
		List<Object> ids = new ArrayList<>();
		documents.forEach((document) -> ids.add(document.get("_id")));
		return ids;
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
