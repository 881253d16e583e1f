package com.novanta.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditEvent;
import com.novanta.audit.TestAudit;
import com.novanta.ballot.TestSlips;
import com.novanta.beacon.BeaconTerms;
import com.novanta.beacon.TestBeacon;
import com.novanta.draw.DrawPipeline;
import com.novanta.fairness.Fairness;
import com.novanta.lottery.BeaconDraw;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.web.VisitorFormats;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The admin lottery page while a draw waits for its public beacon round (the tests' relay
 * down or lying), and the operator override: allowed only once the round is overdue for
 * {@code override-after}, with a public reason, audited, and then drawn with the seed and
 * the digest alone.
 */
@IntegrationTest
class AdminBeaconOverrideIntegrationTests {

	static final String REASON = "The public beacon has not answered for hours: we draw with the seed and the ballots alone.";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	MutableClock clock;

	@Autowired
	BeaconTerms terms;

	@Autowired
	VisitorFormats fmt;

	@Autowired
	MongoOperations mongo;

	TestLotteries testLotteries;

	CurrentAccount admin;

	CurrentAccount participant;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		TestParticipants participants = new TestParticipants(this.context);
		this.admin = participants.admin("Beacon Admin");
		this.participant = participants.verified("Beacon Player");
		this.testLotteries = new TestLotteries(this.context);
		this.lottery = this.testLotteries.open("daily");
		TestSlips slips = new TestSlips(this.context);
		slips.play(this.participant, this.lottery, 1, 2, 3, 4, 5, 6);
		slips.play(this.participant, this.lottery, 11, 22, 33, 44, 55, 66);
	}

	@AfterEach
	void relayServesRoundsAgain() {
		TestBeacon.relay().reset();
	}

	@Test
	void showsTheDrawWaitingForTheBeaconSinceWhenHowOftenAndWhy() throws Exception {
		Lottery waiting = waitingAt(Duration.ofMinutes(5), TestBeacon.Answer.DOWN);
		BeaconDraw.Waiting wait = waiting.beacon().waiting();
		assertThat(wait.attempts()).isEqualTo(1);
		assertThat(wait.invalid()).isFalse();

		String page = page();
		assertThat(page).contains("The draw WAITS for its beacon round")
			.contains("The round has not been had since " + this.fmt.dateTime(wait.since()))
			.contains(TestBeacon.CHAIN)
			.contains(">" + waiting.beacon().round() + "<")
			.contains(this.fmt.dateTime(waiting.beacon().due()))
			.contains("Failed attempts</dt><dd>1</dd>")
			.contains(HtmlUtils.htmlEscape(wait.reason()))
			.contains("nothing usable: unavailable")
			.doesNotContain("tampering")
			// not yet allowed: says from when, no form
			.contains("you may draw without it from "
					+ this.fmt.dateTime(waiting.beacon().due().plus(this.terms.overrideAfter())))
			.doesNotContain("id=\"override-form\"");

		String list = this.mvc.perform(get("/admin/lotteries").with(signedIn(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(list).contains("waiting for the beacon since " + this.fmt.dateTime(wait.since()));
		String dashboard = this.mvc.perform(get("/admin").with(signedIn(this.admin)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(dashboard).contains("Draws waiting for the public beacon")
			.contains("/admin/lotteries/" + this.lottery.id())
			.contains("waiting for the beacon since " + this.fmt.dateTime(wait.since()));
	}

	@Test
	void saysSoWhenTheBeaconAnswersWhatDoesNotVerify() throws Exception {
		Lottery waiting = waitingAt(Duration.ofMinutes(5), TestBeacon.Answer.FORGED);
		assertThat(waiting.beacon().waiting().invalid()).isTrue();

		assertThat(page()).contains("id=\"beacon-tampering\"")
			.contains("That is tampering")
			.contains("something invalid: tampering");
	}

	@Test
	void showsTheRoundAsFetchedAndNoOverride() throws Exception {
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		BeaconDraw.Fetched fetched = this.testLotteries.reload(this.lottery).beacon().fetched();

		assertThat(page()).contains(TestBeacon.value(this.lottery.beacon().round()))
			.contains(HtmlUtils.htmlEscape(fetched.source()))
			.doesNotContain("WAITS")
			.doesNotContain("DEV beacon")
			.doesNotContain("id=\"override-form\"");
	}

	@Test
	void warnsWhenTheRoundCameFromTheDevBeacon() throws Exception {
		this.clock.freezeAt(this.lottery.closesAt());
		this.pipeline.advance(this.lottery.id());
		// as dev mode's beacon would have it: signed by a key made at start-up
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.lottery.id())),
				new Update().set("beacon.fetched.dev", true), "lotteries");

		assertThat(page()).contains("id=\"beacon-dev\"").contains("DEV beacon").contains("this draw proves nothing");
	}

	@Test
	void refusesTooEarlyAndChangesNothing() throws Exception {
		waitingAt(Duration.ofMinutes(5), TestBeacon.Answer.DOWN);
		this.clock.freezeAt(overrideFrom().minusSeconds(1));

		MvcResult result = this.mvc.perform(override(REASON))
			.andExpect(redirectedUrl("/admin/lotteries/" + this.lottery.id() + "#beacon"))
			.andExpect(flash().attribute("overrideProblem", "admin.beacon.override.tooEarly"))
			.andReturn();

		assertThat(pageAfter(result))
			.contains("Too early: you may draw without the beacon round from " + this.fmt.dateTime(overrideFrom()));
		assertNothingChanged();
	}

	@Test
	void refusesALotteryThatDoesNotWaitAndChangesNothing() throws Exception {
		// open, then drawn with its round: neither waits for the beacon
		MvcResult open = this.mvc.perform(override(REASON))
			.andExpect(flash().attribute("overrideProblem", "admin.beacon.override.notWaiting"))
			.andReturn();
		assertThat(pageAfter(open)).contains("does not wait for its beacon round");
		assertThat(this.testLotteries.reload(this.lottery).beacon().overridden()).isNull();

		this.clock.freezeAt(this.lottery.closesAt());
		this.pipeline.advance(this.lottery.id());
		this.clock.freezeAt(overrideFrom());
		this.mvc.perform(override(REASON))
			.andExpect(flash().attribute("overrideProblem", "admin.beacon.override.notWaiting"));
		assertThat(this.testLotteries.reload(this.lottery).beacon().overridden()).isNull();
		assertThat(new TestAudit(this.context).about(this.lottery.id(), "LOTTERY_BEACON_OVERRIDDEN")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "  too short ", "<b>The beacon is down</b> since this morning",
			"The beacon is down\u0000 since this morning", "long" })
	void refusesABadReasonWithAMessageAndChangesNothing(String reason) throws Exception {
		String sent = "long".equals(reason) ? "x".repeat(BeaconOverride.MAX_REASON + 1) : reason;
		String expected = switch (reason) {
			case "", "   " -> "Write the public reason, 10 to 500 characters.";
			case "  too short " -> "The reason is too short: at least 10 characters.";
			case "long" -> "The reason is too long: at most 500 characters.";
			default -> "The reason is published as plain text";
		};
		waitingAt(Duration.ofMinutes(5), TestBeacon.Answer.DOWN);
		this.clock.freezeAt(overrideFrom());

		MvcResult result = this.mvc.perform(override(sent))
			.andExpect(flash().attribute("reasonProblem", true))
			.andReturn();

		String page = pageAfter(result);
		assertThat(page).contains(expected).contains("aria-invalid=\"true\"").contains("id=\"override-form\"");
		assertThat(page).doesNotContain("<b>The beacon");
		assertNothingChanged();
	}

	@Test
	void drawsWithoutTheRoundOnceOverdueForLongAuditedAndWithTheReasonKept() throws Exception {
		waitingAt(Duration.ofMinutes(5), TestBeacon.Answer.DOWN);
		this.clock.freezeAt(overrideFrom());
		assertThat(page()).contains("id=\"override-form\"").contains("10 to 500 characters");

		MvcResult result = this.mvc.perform(override("  " + REASON + "\n"))
			.andExpect(redirectedUrl("/admin/lotteries/" + this.lottery.id() + "#beacon"))
			.andExpect(flash().attribute("notice", "admin.beacon.override.done"))
			.andReturn();

		Lottery drawn = this.testLotteries.reload(this.lottery);
		assertThat(drawn.status()).isEqualTo(LotteryStatus.NOTIFIED);
		BeaconDraw.Overridden overridden = drawn.beacon().overridden();
		assertThat(overridden.reason()).isEqualTo(REASON);
		assertThat(overridden.accountId()).isEqualTo(this.admin.id());
		assertThat(overridden.at()).isEqualTo(overrideFrom());
		assertThat(drawn.beacon().fetched()).isNull();
		int[] order = Fairness.draw(drawn.seed(), drawn.ballotDigest(), null, 6, 90);
		assertThat(drawn.drawOrder()).containsExactly(Arrays.stream(order).boxed().toArray(Integer[]::new));

		AuditEvent event = new TestAudit(this.context).only(this.lottery.id(), "LOTTERY_BEACON_OVERRIDDEN");
		assertThat(event.actorId()).isEqualTo(this.admin.id());
		assertThat(event.after()).containsEntry("reason", REASON)
			.containsEntry("beaconRound", this.lottery.beacon().round());

		assertThat(pageAfter(result)).contains("drawn without its beacon round")
			.contains("Decided by</dt><dd>Beacon Admin &lt;" + this.admin.email() + "&gt;</dd>")
			.contains(REASON)
			.doesNotContain("id=\"override-form\"");

		// a second override of the drawn lottery changes nothing
		this.mvc.perform(override("Another reason, given later on"))
			.andExpect(flash().attribute("overrideProblem", "admin.beacon.override.notWaiting"));
		assertThat(this.testLotteries.reload(this.lottery).beacon().overridden()).isEqualTo(overridden);
	}

	@Test
	void onlyAnAdminWithTheFormsTokenMayOverride() throws Exception {
		waitingAt(Duration.ofMinutes(5), TestBeacon.Answer.DOWN);
		this.clock.freezeAt(overrideFrom());
		String url = "/admin/lotteries/" + this.lottery.id() + "/beacon-override";

		this.mvc.perform(post(url).param("reason", REASON).with(csrf()).with(signedIn(this.participant)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(url).param("reason", REASON).with(signedIn(this.admin)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(url).param("reason", REASON).with(csrf())).andExpect(redirectedUrl("/signin"));

		assertNothingChanged();
	}

	/**
	 * The lottery closed, its digest published, and the draw waiting for its round, which
	 * the relay does not give: the pipeline run at {@code afterClose}.
	 */
	private Lottery waitingAt(Duration afterClose, TestBeacon.Answer answer) {
		TestBeacon.relay().answer(answer);
		this.clock.freezeAt(this.lottery.closesAt().plus(afterClose));
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		Lottery waiting = this.testLotteries.reload(this.lottery);
		assertThat(waiting.isWaitingForBeacon()).isTrue();
		assertThat(waiting.beacon().waiting()).isNotNull();
		return waiting;
	}

	private Instant overrideFrom() {
		return this.lottery.beacon().due().plus(this.terms.overrideAfter());
	}

	private void assertNothingChanged() {
		Lottery now = this.testLotteries.reload(this.lottery);
		assertThat(now.beacon().overridden()).isNull();
		assertThat(now.status()).isEqualTo(LotteryStatus.CLOSED);
		assertThat(now.winningNumbers()).isNull();
		assertThat(new TestAudit(this.context).about(this.lottery.id(), "LOTTERY_BEACON_OVERRIDDEN")).isEmpty();
	}

	private RequestBuilder override(String reason) {
		return post("/admin/lotteries/" + this.lottery.id() + "/beacon-override").param("reason", reason)
			.with(csrf())
			.with(signedIn(this.admin));
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/admin/lotteries/" + this.lottery.id()).with(signedIn(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	/** The page the redirect leads to, with the flash attributes it carries. */
	private String pageAfter(MvcResult result) throws Exception {
		return this.mvc
			.perform(get("/admin/lotteries/" + this.lottery.id()).with(signedIn(this.admin))
				.flashAttrs(result.getFlashMap()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
