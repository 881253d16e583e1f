package com.novanta.embedded;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.Stream;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.CountOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database with secondary indexes and {@code _id}-pinned queries answers
 * every query exactly as a scan would, on both backends, through the real driver.
 */
class IndexedBackendsTests {

	@TempDir
	static Path dataDir;

	static Stream<Arguments> servers() {
		return Stream.of(Arguments.of("memory"), Arguments.of("h2"));
	}

	@ParameterizedTest
	@MethodSource("servers")
	void answersEqualityAndRangeQueriesThroughTheIndexLikeAScan(String backend) {
		EmbeddedMongoServer server = start(backend);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<org.bson.Document> items = client.getDatabase("t").getCollection("items_" + backend);
			items.createIndex(Indexes.compoundIndex(Indexes.ascending("owner"), Indexes.ascending("at")));
			items.createIndex(Indexes.ascending("tags"));
			for (int i = 0; i < 200; i++) {
				items.insertOne(new org.bson.Document("_id", "i" + i).append("owner", "o" + (i % 7))
					.append("at", i)
					.append("status", (i % 3 == 0) ? "DONE" : "OPEN")
					.append("tags", List.of("t" + (i % 5), "all")));
			}
			items.updateOne(Filters.eq("_id", "i10"), Updates.set("owner", "o-moved"));
			items.deleteOne(Filters.eq("_id", "i17"));

			assertThat(ids(items.find(Filters.eq("owner", "o3")).sort(Sorts.ascending("at"))))
				.containsExactlyElementsOf(expected(200, (i) -> i % 7 == 3 && i != 10 && i != 17));
			assertThat(
					ids(items.find(Filters.and(Filters.eq("owner", "o3"), Filters.gte("at", 50), Filters.lt("at", 120)))
						.sort(Sorts.ascending("at"))))
				.containsExactlyElementsOf(expected(200, (i) -> i % 7 == 3 && i >= 50 && i < 120 && i != 17));
			assertThat(ids(items.find(Filters.and(Filters.eq("owner", "o3"), Filters.eq("status", "DONE")))
				.sort(Sorts.ascending("at"))))
				.containsExactlyElementsOf(expected(200, (i) -> i % 7 == 3 && i % 3 == 0 && i != 10 && i != 17));
			assertThat(ids(items.find(Filters.eq("owner", "o-moved")))).containsExactly("i10");
			assertThat(ids(items.find(Filters.eq("tags", "t4")).sort(Sorts.ascending("at"))))
				.containsExactlyElementsOf(expected(200, (i) -> i % 5 == 4 && i != 17));
			assertThat(items.countDocuments(Filters.eq("tags", "all"))).isEqualTo(199);
			// $in: a range for each value (repeated and missing ones too), the rest of
			// the query applied after
			assertThat(ids(
					items.find(Filters.in("owner", "o5", "o3", "o3", "o-moved", "nobody")).sort(Sorts.ascending("at"))))
				.containsExactlyElementsOf(expected(200, (i) -> (i % 7 == 3 || i % 7 == 5 || i == 10) && i != 17));
			assertThat(ids(items
				.find(Filters.and(Filters.in("owner", "o1", "o2"), Filters.gte("at", 100),
						Filters.eq("status", "OPEN")))
				.sort(Sorts.ascending("at")))).containsExactlyElementsOf(
						expected(200, (i) -> (i % 7 == 1 || i % 7 == 2) && i >= 100 && i % 3 != 0 && i != 10));
			assertThat(items.countDocuments(Filters.in("tags", "t1", "t2"))).isEqualTo(79);
			// a document with two of the values listed (an array) is found once
			assertThat(items.countDocuments(Filters.in("tags", "t1", "all"))).isEqualTo(199);
			assertThat(ids(items.find(Filters.in("tags", "t3", "all")))).hasSize(199).doesNotHaveDuplicates();
		}
		finally {
			server.stop();
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void readsThroughTheIndexWithTheFewestEntriesNotTheFirstMade(String backend) {
		EmbeddedMongoServer server = start(backend);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<org.bson.Document> wins = client.getDatabase("t").getCollection("wins_" + backend);
			wins.createIndex(Indexes.compoundIndex(Indexes.ascending("lotteryId"), Indexes.descending("tier")));
			wins.createIndex(Indexes.compoundIndex(Indexes.ascending("accountId"), Indexes.ascending("drawDate")));
			List<org.bson.Document> all = new ArrayList<>();
			for (int i = 0; i < 1000; i++) {
				all.add(new org.bson.Document("_id", i).append("lotteryId", "L")
					.append("tier", 9 - i / 100)
					.append("accountId", "a" + (i % 100))
					.append("drawDate", i));
			}
			wins.insertMany(all);
			// unsorted, a query comes back in the order of the index it read: by the
			// participant's, earliest draw first; by the lottery's (whose entries this
			// index keeps in ascending order), 907 (tier 0) first
			assertThat(ids(wins.find(Filters.and(Filters.eq("lotteryId", "L"), Filters.eq("accountId", "a7")))))
				.containsExactly("7", "107", "207", "307", "407", "507", "607", "707", "807", "907");
			assertThat(ids(wins.find(Filters.and(Filters.eq("lotteryId", "L"), Filters.eq("tier", 3))))).hasSize(100);
		}
		finally {
			server.stop();
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void claimsByIdWithAPreconditionAtomically(String backend) {
		EmbeddedMongoServer server = start(backend);
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			MongoCollection<org.bson.Document> jobs = client.getDatabase("t").getCollection("jobs_" + backend);
			jobs.insertOne(new org.bson.Document("_id", "j1").append("status", "OPEN"));
			org.bson.Document first = jobs.findOneAndUpdate(
					Filters.and(Filters.eq("_id", "j1"), Filters.eq("status", "OPEN")),
					Updates.set("status", "CLAIMED"));
			org.bson.Document second = jobs.findOneAndUpdate(
					Filters.and(Filters.eq("_id", "j1"), Filters.eq("status", "OPEN")),
					Updates.set("status", "CLAIMED"));
			assertThat(first).isNotNull();
			assertThat(second).isNull();
			assertThat(jobs
				.countDocuments(Filters.and(Filters.in("_id", List.of("j1", "j2")), Filters.eq("status", "CLAIMED"))))
				.isEqualTo(1);
		}
		finally {
			server.stop();
		}
	}

	@ParameterizedTest
	@MethodSource("servers")
	void rebuildsSecondaryIndexesWhenTheFileIsReopened(String backend) {
		if (!backend.equals("h2")) {
			return;
		}
		Path dir = dataDir.resolve("reopen");
		EmbeddedMongoServer first = EmbeddedMongoServer.startFileBacked(dir);
		try (MongoClient client = MongoClients.create(first.connectionString())) {
			MongoCollection<org.bson.Document> items = client.getDatabase("t").getCollection("kept");
			items.createIndex(Indexes.ascending("owner"), new IndexOptions());
			items.insertOne(new org.bson.Document("_id", 1).append("owner", "ada"));
			items.insertOne(new org.bson.Document("_id", 2).append("owner", "bob"));
		}
		finally {
			first.stop();
		}
		EmbeddedMongoServer second = EmbeddedMongoServer.startFileBacked(dir);
		try (MongoClient client = MongoClients.create(second.connectionString())) {
			MongoCollection<org.bson.Document> items = client.getDatabase("t").getCollection("kept");
			assertThat(ids(items.find(Filters.eq("owner", "bob")))).containsExactly("2");
		}
		finally {
			second.stop();
		}
	}

	@Test
	void servesOnlyQueriesThatPinALeadingKey() {
		SecondaryIndex<Integer> index = new SecondaryIndex<>("owner_at",
				List.of(new IndexKey("owner", true), new IndexKey("at", true)), false);
		assertThat(index.canHandle(new Document("owner", "ada"))).isTrue();
		assertThat(index.canHandle(new Document("owner", "ada").append("at", new Document("$gte", 3)))).isTrue();
		assertThat(index.canHandle(new Document("owner", "ada").append("other", 1))).isTrue();
		assertThat(index.canHandle(new Document("at", 3))).isFalse();
		assertThat(index.canHandle(new Document("owner", new Document("$regex", "a.*")))).isFalse();
		assertThat(index.canHandle(new Document("owner", null))).isFalse();
		assertThat(index.canHandle(new Document("owner", new Document("$in", List.of("ada", "bob"))))).isTrue();
		assertThat(index
			.canHandle(new Document("owner", new Document("$in", List.of("ada", new Document("$regex", "b"))))))
			.isFalse();
		assertThat(index.canHandle(new Document("owner", new Document("$in", List.of())))).isFalse();
		assertThat(index.canHandle(new Document("owner", new Document("$in", List.of("ada")).append("$ne", "bob"))))
			.isFalse();
		List<String> many = new ArrayList<>();
		for (int i = 0; i <= SecondaryIndex.MAX_IN; i++) {
			many.add("o" + i);
		}
		assertThat(index.canHandle(new Document("owner", new Document("$in", many)))).isFalse();
	}

	@Test
	void aQueryReadsTheIndexWithTheFewestEntriesInItsRangeNotTheFirstMade() {
		SecondaryIndex<Integer> byLottery = new SecondaryIndex<>("lottery_tier",
				List.of(new IndexKey("lotteryId", true), new IndexKey("tier", false)), false);
		SecondaryIndex<Integer> byAccount = new SecondaryIndex<>("account_date",
				List.of(new IndexKey("accountId", true), new IndexKey("drawDate", false)), false);
		for (int i = 0; i < 1000; i++) {
			Document winner = new Document("_id", i).append("lotteryId", "L")
				.append("tier", i % 4)
				.append("accountId", "a" + (i % 100))
				.append("drawDate", i);
			byLottery.add(winner, i, null);
			byAccount.add(winner, i, null);
		}
		List<Index<Integer>> made = List.of(byLottery, byAccount);
		// a participant's wins in a lottery: 10 entries one way, all 1,000 the other
		assertThat(IndexChoice.of(made, new Document("lotteryId", "L").append("accountId", "a7"))).isSameAs(byAccount);
		assertThat(IndexChoice.of(made,
				new Document("lotteryId", "L").append("accountId", new Document("$in", List.of("a1", "a2")))))
			.isSameAs(byAccount);
		// a lottery's top tier: the lottery's index, the only one that can
		assertThat(IndexChoice.of(made, new Document("lotteryId", "L").append("tier", 3))).isSameAs(byLottery);
		assertThat(IndexChoice.of(made, new Document("status", "x"))).isNull();
		assertThat(byAccount.estimate(new Document("accountId", "a7"), IndexChoice.CAP)).isEqualTo(10);
		assertThat(byLottery.estimate(new Document("lotteryId", "L"), IndexChoice.CAP)).isEqualTo(IndexChoice.CAP);
	}

	@Test
	void servesAnInAsTheRangesOfItsValuesInKeyOrder() {
		SecondaryIndex<Integer> index = new SecondaryIndex<>("owner_at",
				List.of(new IndexKey("owner", true), new IndexKey("at", true)), false);
		String[] owners = { "cy", "ada", "bob", "ada", "cy", "bob", "ada" };
		for (int i = 0; i < owners.length; i++) {
			index.add(new Document("_id", i).append("owner", owners[i]).append("at", 100 - i), i, null);
		}
		List<Integer> positions = new ArrayList<>();
		index.getPositions(new Document("owner", new Document("$in", List.of("cy", "ada", "cy", "zed"))))
			.forEach(positions::add);
		// ada's (at 94, 97, 100), then cy's (96, 100): each value once, in key order
		assertThat(positions).containsExactly(6, 3, 1, 4, 0);
	}

	@ParameterizedTest
	@MethodSource("servers")
	void countsWithAFilterThroughTheQueryAndSayTheSameAsAScan(String backend) {
		EmbeddedMongoServer server = start(backend);
		List<org.bson.Document> aggregations = new ArrayList<>();
		CommandListener listener = new CommandListener() {
			@Override
			public void commandStarted(CommandStartedEvent event) {
				if (event.getCommandName().equals("aggregate")) {
					aggregations.add(org.bson.Document.parse(event.getCommand().toJson()));
				}
			}
		};
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString(server.connectionString()))
			.addCommandListener(listener)
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			MongoCollection<org.bson.Document> wins = client.getDatabase("t").getCollection("wins_" + backend);
			wins.createIndex(Indexes.compoundIndex(Indexes.ascending("sharedIn"), Indexes.descending("tier")),
					new IndexOptions().sparse(true));
			for (int i = 0; i < 300; i++) {
				org.bson.Document win = new org.bson.Document("_id", "i" + i).append("tier", i % 4)
					.append("shareCity", i % 2 == 0)
					.append("sharePrize", i % 3 == 0);
				if (i % 5 == 0) {
					win.append("sharedIn", "lottery-" + (i % 10));
				}
				wins.insertOne(win);
			}

			assertThat(wins.countDocuments(Filters.and(Filters.eq("sharedIn", "lottery-0"),
					Filters.or(Filters.eq("shareCity", true), Filters.eq("sharePrize", true)))))
				.isEqualTo(expected(300, (i) -> i % 10 == 0 && (i % 2 == 0 || i % 3 == 0)).size());
			assertThat(wins.countDocuments(Filters.eq("tier", 3))).isEqualTo(75);
			assertThat(wins.countDocuments(Filters.eq("sharedIn", "lottery-5"), new CountOptions().skip(10).limit(5)))
				.isEqualTo(5);
			assertThat(wins.countDocuments(Filters.eq("sharedIn", "lottery-5"), new CountOptions().skip(25)))
				.isEqualTo(5);
			assertThat(wins.countDocuments(Filters.eq("sharedIn", "nowhere"))).isZero();
			assertThat(client.getDatabase("t").getCollection("missing_" + backend).countDocuments(Filters.eq("a", 1)))
				.isZero();
			assertThat(wins.countDocuments()).isEqualTo(300);

			// each of them was the driver's count, and the server answered it as one
			assertThat(aggregations).hasSize(7)
				.allSatisfy(
						(command) -> assertThat(IndexedCounts.recognise("aggregate", serverSide(command))).isNotNull());
			// an aggregation that is not a count is left to the server
			assertThat(wins
				.aggregate(List.of(Aggregates.match(Filters.eq("tier", 1)),
						Aggregates.group("$sharePrize", Accumulators.sum("n", 1))))
				.into(new ArrayList<>())).hasSize(2);
			assertThat(IndexedCounts.recognise("aggregate", serverSide(aggregations.get(7)))).isNull();
		}
		finally {
			server.stop();
		}
	}

	/** A command as the embedded server receives it. */
	private static Document serverSide(org.bson.Document command) {
		Document converted = new Document();
		command.forEach((key, value) -> converted.put(key, serverSideValue(value)));
		return converted;
	}

	private static Object serverSideValue(Object value) {
		if (value instanceof org.bson.Document document) {
			return serverSide(document);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(IndexedBackendsTests::serverSideValue).toList();
		}
		return value;
	}

	private static EmbeddedMongoServer start(String backend) {
		return backend.equals("h2") ? EmbeddedMongoServer.startFileBacked(dataDir.resolve(backend + System.nanoTime()))
				: EmbeddedMongoServer.startInMemory();
	}

	private static List<String> ids(Iterable<org.bson.Document> documents) {
		List<String> ids = new ArrayList<>();
		documents.forEach((d) -> ids.add(String.valueOf(d.get("_id")).replace("i", "i")));
		return ids;
	}

	private static List<String> expected(int count, IntPredicate include) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			if (include.test(i)) {
				ids.add("i" + i);
			}
		}
		return ids;
	}

}
