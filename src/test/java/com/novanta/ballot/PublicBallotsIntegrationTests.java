package com.novanta.ballot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.draw.TestPipelines;
import com.novanta.fairness.BallotTree;
import com.novanta.fairness.Fairness;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseReads;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.TestSaltConfiguration;
import org.bson.BsonDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A lottery's ballots become public in two steps, never with who played them: its leaf
 * hashes once its digest is published, every ballot once it is drawn.
 */
@IntegrationTest
class PublicBallotsIntegrationTests {

	private static final Pattern BALLOT = Pattern
		.compile("\\{\"slip\":(\\d+),\"line\":(\\d+),\"numbers\":\\[([\\d,]+)\\](?:,\"salt\":\"([0-9a-f]{32})\")?\\}");

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	LotterySteps steps;

	@Autowired
	BallotLedger ledger;

	@Autowired
	MutableClock clock;

	@LocalServerPort
	int port;

	TestLotteries testLotteries;

	Lottery lottery;

	CurrentAccount ada;

	CurrentAccount grace;

	@BeforeEach
	void setUp() {
		this.testLotteries = new TestLotteries(this.context);
		this.lottery = this.testLotteries.open("daily");
		TestParticipants participants = new TestParticipants(this.context);
		this.ada = participants.verified("Ada Lovelace");
		this.grace = participants.verified("Grace Hopper");
	}

	@Test
	void nothingOfTheBallotsIsPublicBeforeTheLotteryCloses() throws Exception {
		play();
		for (String path : List.of("leaves.txt", "ballots.jsonl", "ballots")) {
			String body = this.mvc.perform(get("/lotteries/" + this.lottery.id() + "/" + path))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).doesNotContain("Exception").doesNotContain("at com.novanta").doesNotContain("salt");
		}
		this.mvc.perform(get("/lotteries/daily-1999-01-01/ballots.jsonl")).andExpect(status().isNotFound());
		String data = this.mvc.perform(get("/lotteries/" + this.lottery.id() + "/draw.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(data).contains("\"seed\":null", "\"ballotDigest\":null", "\"leaves\":null", "\"ballots\":null");
	}

	@Test
	void theLeavesArePublicOnceTheDigestIsAndLeadToIt() throws Exception {
		List<BallotSlip> slips = play();
		Lottery closed = closeAndDigest();

		List<String> leaves = lines(this.mvc.perform(get("/lotteries/" + closed.id() + "/leaves.txt"))
			.andExpect(status().isOk())
			.andReturn());
		List<String> expected = new ArrayList<>();
		for (BallotSlip slip : slips) {
			for (int line = 0; line < slip.lines().size(); line++) {
				expected.add(slip.leafHash(line));
			}
		}
		assertThat(leaves).containsExactlyElementsOf(expected);
		assertThat(HexFormat.of().formatHex(BallotTree.root(leaves.stream().map(HexFormat.of()::parseHex).toList())))
			.isEqualTo(closed.ballotDigest());
		// the numbers stay unknown until the draw
		this.mvc.perform(get("/lotteries/" + closed.id() + "/ballots.jsonl")).andExpect(status().isNotFound());
		this.mvc.perform(get("/lotteries/" + closed.id() + "/ballots")).andExpect(status().isNotFound());
	}

	@Test
	void afterTheDrawEveryBallotIsPublicWithItsSaltAndWithoutItsParticipant() throws Exception {
		play();
		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.NOTIFIED);
		Lottery drawn = this.testLotteries.reload(this.lottery);

		MvcResult download = this.mvc.perform(get("/lotteries/" + drawn.id() + "/ballots.jsonl"))
			.andExpect(status().isOk())
			.andReturn();
		assertThat(download.getResponse().getContentType()).startsWith("application/jsonl");
		List<String> ballots = lines(download);
		assertThat(ballots).hasSize(3);
		List<byte[]> leaves = new ArrayList<>();
		for (String ballot : ballots) {
			Matcher matcher = BALLOT.matcher(ballot);
			assertThat(matcher.matches()).as(ballot).isTrue();
			assertThat(matcher.group(4)).as("the salt of " + ballot).isNotNull();
			leaves.add(BallotTree.ballotLeaf(drawn.id(), Long.parseLong(matcher.group(1)),
					Integer.parseInt(matcher.group(2)), numbers(matcher.group(3)),
					HexFormat.of().parseHex(matcher.group(4))));
		}
		assertThat(HexFormat.of().formatHex(BallotTree.root(leaves))).isEqualTo(drawn.ballotDigest());

		String table = this.mvc.perform(get("/lotteries/" + drawn.id() + "/ballots"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(table).contains("Every ballot of this draw", "3 ballots", "1 2 3 4 5 6",
				HexFormat.of().formatHex(TestSaltConfiguration.salt(drawn.id(), 1, 1)));
		String leafList = this.mvc.perform(get("/lotteries/" + drawn.id() + "/leaves.txt"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String data = this.mvc.perform(get("/lotteries/" + drawn.id() + "/draw.json"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(data).contains("\"seed\":\"" + drawn.seed() + "\"", "\"recipe\":3",
				"\"ballots\":\"/lotteries/" + drawn.id() + "/ballots.jsonl\"");
		String page = this.mvc.perform(get("/lotteries/" + drawn.id())).andReturn().getResponse().getContentAsString();
		assertThat(page).contains("/lotteries/" + drawn.id() + "/ballots.jsonl",
				"/lotteries/" + drawn.id() + "/leaves.txt", "Drawn with recipe 3");
		for (String published : List.of(String.join("\n", ballots), table, leafList, data)) {
			for (CurrentAccount player : List.of(this.ada, this.grace)) {
				assertThat(published).doesNotContain(player.id())
					.doesNotContain(player.email())
					.doesNotContain(player.name());
			}
		}
	}

	@Test
	void aLotteryOfRecipeOnePublishesItsBallotsWithoutSaltsAndHasNoLeaves() throws Exception {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())), new Update().unset("recipe"),
				"lotteries");
		play();
		TestPipelines.drawAtClose(this.context, this.lottery);
		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.recipe()).isEqualTo(1);

		this.mvc.perform(get("/lotteries/" + drawn.id() + "/leaves.txt")).andExpect(status().isNotFound());
		Fairness.BallotDigest digest = new Fairness.BallotDigest(drawn.id());
		for (String ballot : lines(this.mvc.perform(get("/lotteries/" + drawn.id() + "/ballots.jsonl"))
			.andExpect(status().isOk())
			.andReturn())) {
			Matcher matcher = BALLOT.matcher(ballot);
			assertThat(matcher.matches()).as(ballot).isTrue();
			assertThat(matcher.group(4)).as("a salt in " + ballot).isNull();
			digest.add(Long.parseLong(matcher.group(1)), Integer.parseInt(matcher.group(2)), numbers(matcher.group(3)));
		}
		assertThat(digest.finish()).isEqualTo(drawn.ballotDigest());
		assertThat(this.mvc.perform(get("/lotteries/" + drawn.id())).andReturn().getResponse().getContentAsString())
			.contains("Drawn with recipe 1")
			.doesNotContain("/leaves.txt");
	}

	/**
	 * Ten thousand slips are written as they are read, a batch of slips at a time: never
	 * one query for the whole lottery.
	 */
	@Test
	void aLargeLotteryIsStreamedInBatchesOfSlips() throws Exception {
		int slips = 10_000;
		Random random = new Random(16);
		List<BallotSlip> batch = new ArrayList<>();
		Instant at = this.lottery.closesAt().minusSeconds(60);
		for (int slip = 1; slip <= slips; slip++) {
			byte[] salt = new byte[BallotTree.SALT_BYTES];
			random.nextBytes(salt);
			batch.add(new BallotSlip(BallotSlip.id(this.lottery.id(), slip), this.lottery.id(), "daily",
					this.lottery.drawDate(), slip, "account-" + (slip % 200), at,
					List.of(Arrays.stream(QuickPick.pick(6, 90, random)).boxed().toList()), List.of(true), "D-" + slip,
					"large:" + this.lottery.id() + ":" + slip, null, 100L, List.of(HexFormat.of().formatHex(salt)),
					null));
			if (batch.size() == 1000) {
				this.mongo.insertAll(batch);
				batch.clear();
			}
		}
		this.testLotteries.placed(this.lottery, slips, slips);
		TestPipelines.drawAtClose(this.context, this.lottery);
		Lottery drawn = this.testLotteries.reload(this.lottery);

		HttpResponse<InputStream> response;
		long lines = 0;
		List<byte[]> leaves = new ArrayList<>();
		try (DatabaseReads.Recording finds = DatabaseReads.finds("ballots")) {
			response = HttpClient.newHttpClient()
				.send(HttpRequest
					.newBuilder(
							URI.create("http://localhost:" + this.port + "/lotteries/" + drawn.id() + "/ballots.jsonl"))
					.build(), HttpResponse.BodyHandlers.ofInputStream());
			try (BufferedReader in = new BufferedReader(
					new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
				for (String line = in.readLine(); line != null; line = in.readLine()) {
					Matcher matcher = BALLOT.matcher(line);
					assertThat(matcher.matches()).as(line).isTrue();
					leaves.add(BallotTree.ballotLeaf(drawn.id(), Long.parseLong(matcher.group(1)),
							Integer.parseInt(matcher.group(2)), numbers(matcher.group(3)),
							HexFormat.of().parseHex(matcher.group(4))));
					lines++;
				}
			}
			List<BsonDocument> ofLottery = finds.filters()
				.stream()
				.filter((filter) -> filter.isString("lotteryId")
						&& filter.getString("lotteryId").getValue().equals(drawn.id()))
				.toList();
			assertThat(ofLottery).hasSizeGreaterThanOrEqualTo(slips / BallotLedger.BATCH);
			assertThat(ofLottery).allSatisfy((filter) -> {
				BsonDocument range = filter.getDocument("slip");
				long from = range.getNumber("$gte").longValue();
				long to = range.getNumber("$lte").longValue();
				assertThat(to - from + 1).isLessThanOrEqualTo(BallotLedger.BATCH);
			});
		}
		assertThat(response.statusCode()).isEqualTo(200);
		// written as it is read: no length known in advance
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
		assertThat(lines).isEqualTo(slips);
		assertThat(HexFormat.of().formatHex(BallotTree.root(leaves))).isEqualTo(drawn.ballotDigest());
	}

	/** Three ballots: Ada's slip of two lines, then Grace's of one. */
	private List<BallotSlip> play() {
		TestSlips slips = new TestSlips(this.context);
		return List.of(slips.play(this.ada, this.lottery,
				List.of(List.of(1, 2, 3, 4, 5, 6), List.of(7, 8, 9, 10, 11, 12)), false),
				slips.play(this.grace, this.lottery, 13, 24, 35, 46, 57, 68));
	}

	/** What the draw's first steps do: close, seal, publish the digest. */
	private Lottery closeAndDigest() {
		// closed at its close instant, then back to the test's instant, so that the draw
		// worker leaves it closed
		Instant now = this.clock.instant();
		this.clock.freezeAt(this.lottery.closesAt());
		try {
			this.steps.close(this.lottery.id()).orElseThrow();
		}
		finally {
			this.clock.freezeAt(now);
		}
		Lottery closed = this.testLotteries.reload(this.lottery);
		Fairness.Digester digester = Fairness.digester(closed.recipe(), closed.id());
		this.ledger.forEach(closed.id(), closed.slots(), true,
				(slipId, slip, line, numbers, salt, accountId) -> digester.add(slip, line, numbers, salt));
		return this.steps.recordDigest(closed.id(), digester.finish(), digester.count()).orElseThrow();
	}

	private static List<String> lines(MvcResult result) throws IOException {
		String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
		return body.isEmpty() ? List.of() : List.of(body.split("\n"));
	}

	private static int[] numbers(String list) {
		return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
	}

}
