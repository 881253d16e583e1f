package com.novanta.lottery;

import java.time.Duration;
import java.time.Instant;

import com.novanta.beacon.TestBeacon;
import com.novanta.draw.TestPipelines;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A recipe-3 lottery's beacon round in public, on its page's "Verify this draw" and in
 * its {@code draw.json}, in each state the real draw pipeline takes it through: fixed at
 * creation, fetched, waited for, and drawn without by the operator (publicly, with the
 * reason as they wrote it, never who they are); a recipe-2 lottery shows no beacon.
 */
@IntegrationTest
class BeaconPublicityIntegrationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	LotterySteps steps;

	@Autowired
	MongoOperations mongo;

	TestLotteries testLotteries;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.testLotteries = new TestLotteries(this.context);
		this.lottery = this.testLotteries.open("daily");
	}

	@Test
	void theRoundIsPublicFromCreation() throws Exception {
		long round = this.lottery.beacon().round();
		assertThat(round).isEqualTo(TestBeacon.roundAt(this.lottery.closesAt()));

		Document page = page();
		assertThat(page.selectFirst("#verify-recipe").text()).startsWith("Drawn with recipe 3");
		assertThat(page.selectFirst("#verify-beacon-status").text())
			.startsWith("Its numbers will also depend on drand chain " + TestBeacon.CHAIN + " round " + round
					+ ", published at ")
			.endsWith("after the close: nobody can know them before then.");
		assertThat(page.selectFirst("#verify-beacon-round").text()).isEqualTo(Long.toString(round));
		assertThat(page.selectFirst("#verify-beacon-key").text()).isEqualTo(TestBeacon.PUBLIC_KEY);
		assertThat(page.selectFirst("#verify-beacon-value").text()).isEqualTo("Published once the round is fetched");
		assertThat(page.select("#verify-beacon-relay, #verify-beacon-overridden, #verify-beacon-dev")).isEmpty();
		assertThat(page.select("ol.recipe li")).hasSize(7);

		JsonNode beacon = data().get("beacon");
		assertThat(beacon.get("chain").asString()).isEqualTo(TestBeacon.CHAIN);
		assertThat(beacon.get("scheme").asString()).isEqualTo("bls-unchained-g1-rfc9380");
		assertThat(beacon.get("publicKey").asString()).isEqualTo(TestBeacon.PUBLIC_KEY);
		assertThat(beacon.get("round").asLong()).isEqualTo(round);
		assertThat(Instant.parse(beacon.get("due").asString())).isEqualTo(this.lottery.beacon().due());
		assertThat(beacon.get("state").asString()).isEqualTo("FIXED");
		assertThat(beacon.get("signature").isNull()).isTrue();
		assertThat(beacon.get("value").isNull()).isTrue();
		assertThat(beacon.get("overridden").isNull()).isTrue();
		assertThat(data().get("digestedAt").isNull()).isTrue();
	}

	@Test
	void afterTheDrawTheFetchedRoundIsPublicWithALinkToAPublicRelay() throws Exception {
		TestPipelines.drawAtClose(this.context, this.lottery);
		Lottery drawn = this.testLotteries.reload(this.lottery);
		long round = drawn.beacon().round();

		Document page = page();
		assertThat(page.selectFirst("#verify-beacon-status").text())
			.startsWith("Its numbers also depend on drand chain " + TestBeacon.CHAIN + " round " + round);
		assertThat(page.selectFirst("#verify-beacon-value").text()).isEqualTo(TestBeacon.value(round));
		assertThat(page.selectFirst("#verify-beacon-signature").text()).isEqualTo(TestBeacon.signature(round));
		assertThat(page.selectFirst("#verify-beacon-relay").attr("href"))
			.isEqualTo("https://api.drand.sh/" + TestBeacon.CHAIN + "/public/" + round);
		// the page's Python draws with the beacon value too
		assertThat(page.selectFirst("pre.code").text()).contains("beacon = bytes.fromhex('" + TestBeacon.value(round),
				"digest + beacon + struct.pack");

		JsonNode data = data();
		JsonNode beacon = data.get("beacon");
		assertThat(beacon.get("state").asString()).isEqualTo("FETCHED");
		assertThat(beacon.get("signature").asString()).isEqualTo(TestBeacon.signature(round));
		assertThat(beacon.get("value").asString()).isEqualTo(TestBeacon.value(round));
		assertThat(beacon.get("source").asString()).endsWith("/public/" + round);
		assertThat(beacon.get("dev").asBoolean()).isFalse();
		assertThat(Instant.parse(data.get("digestedAt").asString())).isEqualTo(drawn.digestedAt())
			.isBeforeOrEqualTo(drawn.beacon().due());
	}

	@Test
	void whileTheBeaconIsDownThePageSaysTheDrawWaitsWithoutTheErrorItself() throws Exception {
		waitForADownBeacon();

		Document page = page();
		String status = page.selectFirst("#verify-beacon-status").text();
		assertThat(status).startsWith("The draw waits for the beacon since ");
		assertThat(page.selectFirst("#verify").text()).doesNotContain("503", "HTTP", "127.0.0.1", "unavailable");
		JsonNode beacon = data().get("beacon");
		assertThat(beacon.get("state").asString()).isEqualTo("WAITING");
		assertThat(Instant.parse(beacon.get("waitingSince").asString())).isEqualTo(this.lottery.closesAt());
		assertThat(beacon.toString()).doesNotContain("503", "reason");
	}

	@Test
	void anOverrideIsANoticeWithTheOperatorsReasonEscapedAndNotWhoTookIt() throws Exception {
		String reason = "drand down <script>alert('x')</script> & <b>no round</b>";
		waitForADownBeacon();
		Instant now = this.clock.instant();
		this.clock.freezeAt(this.lottery.beacon().due().plus(Duration.ofHours(2)));
		try {
			assertThat(this.steps.overrideBeacon(this.lottery.id(), reason, "admin-account-7")).isPresent();
			TestPipelines.drawAtClose(this.context, this.lottery);
		}
		finally {
			this.clock.freezeAt(now);
		}
		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.isDrawn()).isTrue();

		String html = this.mvc.perform(get("/lotteries/{id}", this.lottery.id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).doesNotContain("<script>alert", "<b>no round</b>", "admin-account-7")
			.contains("drand down &lt;script&gt;alert(", "&lt;/script&gt; &amp; &lt;b&gt;no round&lt;/b&gt;");
		Document page = Html.parse(html);
		Element notice = page.selectFirst("#verify-beacon-overridden");
		assertThat(notice.attr("role")).isEqualTo("status");
		assertThat(notice.text()).startsWith("Drawn without the public beacon")
			.contains("the operator drew this lottery without drand chain " + TestBeacon.CHAIN + " round "
					+ drawn.beacon().round())
			.contains("Its numbers come from the seed and the ballot digest alone");
		assertThat(page.selectFirst("#verify-beacon-reason").text()).isEqualTo(reason);
		assertThat(page.select("#verify-beacon-status")).isEmpty();
		assertThat(page.selectFirst("pre.code").text()).contains("beacon = b''");

		JsonNode beacon = data().get("beacon");
		assertThat(beacon.get("state").asString()).isEqualTo("OVERRIDDEN");
		assertThat(beacon.get("overridden").get("reason").asString()).isEqualTo(reason);
		assertThat(Instant.parse(beacon.get("overridden").get("at").asString()))
			.isEqualTo(drawn.beacon().overridden().at());
		assertThat(beacon.get("value").isNull()).isTrue();
		assertThat(beacon.toString()).doesNotContain("admin-account-7", "accountId");
	}

	@Test
	void quicknetIsCalledByItsNameAndTheDevBeaconIsNoPublicRandomness() throws Exception {
		TestPipelines.drawAtClose(this.context, this.lottery);
		long round = this.lottery.beacon().round();
		set("beacon.chain", PublicBeacon.QUICKNET);

		Document quicknet = page();
		assertThat(quicknet.selectFirst("#verify-beacon-status").text())
			.startsWith("Its numbers also depend on drand quicknet round " + round);
		assertThat(quicknet.selectFirst("#verify-beacon-chain").text()).startsWith("drand quicknet");
		assertThat(quicknet.selectFirst("#verify-beacon-relay").attr("href"))
			.isEqualTo("https://api.drand.sh/" + PublicBeacon.QUICKNET + "/public/" + round);
		assertThat(quicknet.select("#verify-beacon-dev")).isEmpty();

		set("beacon.chain", "DEV-BEACON-not-drand");
		Document dev = page();
		assertThat(dev.selectFirst("#verify-beacon-status").text()).startsWith(
				"Its numbers also depend on the DEV beacon (a key made on this server, not drand: no public randomness) round "
						+ round);
		assertThat(dev.selectFirst("#verify-beacon-dev").text()).contains("no public randomness");
		assertThat(dev.select("#verify-beacon-relay")).isEmpty();
		assertThat(data().get("beacon").get("dev").asBoolean()).isTrue();
	}

	@Test
	void aLotteryOfRecipeTwoKeepsItsWordingAndShowsNoBeacon() throws Exception {
		set("recipe", 2);
		TestPipelines.drawAtClose(this.context, this.lottery);

		Document page = page();
		assertThat(page.selectFirst("#verify-recipe").text()).startsWith("Drawn with recipe 2");
		assertThat(page.select("[id^=verify-beacon]")).isEmpty();
		assertThat(page.select("ol.recipe li")).hasSize(6);
		assertThat(page.selectFirst("pre.code").text()).doesNotContain("beacon")
			.contains("hmac.new(seed, digest + struct.pack");
		assertThat(data().get("beacon").isNull()).isTrue();
	}

	private void set(String field, Object value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())), new Update().set(field, value),
				"lotteries");
	}

	/** The real pipeline at the close, the relay answering 503: the draw waits. */
	private void waitForADownBeacon() {
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		try {
			assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.CLOSED);
		}
		finally {
			TestBeacon.relay().reset();
		}
		assertThat(this.testLotteries.reload(this.lottery).isWaitingForBeacon()).isTrue();
	}

	private Document page() throws Exception {
		return Html.parse(this.mvc.perform(get("/lotteries/{id}", this.lottery.id())).andExpect(status().isOk()));
	}

	private JsonNode data() throws Exception {
		return json.readTree(this.mvc.perform(get("/lotteries/{id}/draw.json", this.lottery.id()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
	}

}
