package com.novanta.subscription;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.TestSlips;
import com.novanta.game.GameCatalog;
import com.novanta.lines.SavedLine;
import com.novanta.lines.TestSavedLines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My subscriptions" and the way to start one, and their answers to what a participant or
 * a hostile request sends: started from a receipt, a saved line or the play page's lines,
 * reviewed with its price and total, started with its first slip placed; paused, resumed
 * and cancelled with and without htmx; a clear message next to each bad field with a 400
 * and nothing stored; and never another participant's subscription, receipt or line.
 */
@IntegrationTest
class MySubscriptionsControllerTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	GameCatalog games;

	CurrentAccount me;

	CurrentAccount other;

	@BeforeEach
	void setUp() {
		TestParticipants participants = new TestParticipants(this.context);
		this.me = participants.verified("Grace Hopper");
		this.other = participants.verified("Hedy Lamarr");
	}

	@Test
	void visitorsWhoAreNotSignedInAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/my/subscriptions")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void aNewParticipantHasNoSubscriptionsAndMyBallotsAndTheAccountPageLeadHere() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/my/subscriptions").with(signedIn(this.me))).andExpect(status().isOk()));
		assertThat(page.select("h1").text()).isEqualTo("My subscriptions");
		assertThat(page.select(".empty").text()).startsWith("No subscriptions yet.");
		for (String from : List.of("/my/ballots", "/account")) {
			Document linking = Html.parse(this.mvc.perform(get(from).with(signedIn(this.me))));
			assertThat(linking.select("a[href='/my/subscriptions']").text()).as(from).contains("My subscriptions");
		}
	}

	@Test
	void aReceiptLeadsToASubscriptionOfItsLinesReviewedThenStarted() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		BallotSlip slip = new TestSlips(this.context).play(this.me, lottery,
				List.of(List.of(3, 17, 22, 45, 61, 88), List.of(1, 2, 3, 4, 5, 6)), false);
		Document receipt = Html.parse(this.mvc.perform(get("/my/ballots/" + slip.id()).with(signedIn(this.me))));
		assertThat(receipt.select("#subscribe-slip").attr("href")).isEqualTo("/my/subscriptions/new?slip=" + slip.id());

		Document choose = Html
			.parse(this.mvc.perform(get("/my/subscriptions/new").with(signedIn(this.me)).param("slip", slip.id()))
				.andExpect(status().isOk()));
		assertThat(choose.select("input[name=game]").val()).isEqualTo("daily");
		assertThat(choose.select("input[name=lines]").eachAttr("value")).containsExactly("3 17 22 45 61 88",
				"1 2 3 4 5 6");
		assertThat(choose.select(".subscription-price").text()).isEqualTo("2 lines: €2.00 a draw");
		assertThat(choose.select("#kind-fixed").hasAttr("checked")).isTrue();
		assertThat(choose.select("label[for=draws]").text()).isEqualTo("Number of draws (2 to 52)");
		assertThat(choose.select("label[for=min-jackpot]").text()).startsWith("Only when the jackpot is at least");
		assertThat(choose.select("#subscription-form").attr("action")).isEqualTo("/my/subscriptions/review");

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		Document confirm = Html.parse(
				this.mvc
					.perform(post("/my/subscriptions/review").with(signedIn(this.me))
						.with(csrf())
						.param("game", "daily")
						.param("lines", "3,17,22,45,61,88", "1,2,3,4,5,6")
						.param("kind", "fixed")
						.param("draws", "3")
						.param("minJackpot", ""))
					.andExpect(status().isOk()));
		before.assertUnchanged();
		assertThat(confirm.select("h1").text()).isEqualTo("Check your subscription");
		assertThat(confirm.select("#summary-price").text()).isEqualTo("€2.00");
		assertThat(confirm.select("#summary-draws").text()).isEqualTo("3 draws");
		assertThat(confirm.select("#summary-total").text()).isEqualTo("€6.00");
		assertThat(confirm.select("#summary-first").text()).isNotBlank();

		this.mvc
			.perform(post("/my/subscriptions").with(signedIn(this.me))
				.with(csrf())
				.param("game", "daily")
				.param("lines", "3,17,22,45,61,88", "1,2,3,4,5,6")
				.param("kind", "fixed")
				.param("draws", "3")
				.param("minJackpot", ""))
			.andExpect(redirectedUrl("/my/subscriptions"));

		assertThat(this.subscriptions.of(this.me.id())).singleElement().satisfies((subscription) -> {
			assertThat(subscription.lines()).containsExactly(List.of(3, 17, 22, 45, 61, 88), List.of(1, 2, 3, 4, 5, 6));
			assertThat(subscription.draws()).isEqualTo(3);
			assertThat(subscription.placed()).as("its first draw placed at once").isEqualTo(1);
		});
		Document mine = Html.parse(this.mvc.perform(get("/my/subscriptions").with(signedIn(this.me))));
		assertThat(mine.select(".subscription-status").text()).isEqualTo("Active");
		assertThat(mine.select(".subscription-facts").text()).contains("1 played of 3, 2 left").contains("€2.00");
		assertThat(mine.select(".placement a").attr("href")).startsWith("/my/ballots/daily-");
		assertThat(mine.select(".subscription-pause").text()).isEqualTo("Pause");
	}

	@Test
	void aSavedLineLeadsToASubscriptionOfThatLine() throws Exception {
		SavedLine line = new TestSavedLines(this.context).save(this.me, "Saturdays", "saturday", 5, 10, 20, 30, 40);
		Document lines = Html.parse(this.mvc.perform(get("/my/lines").with(signedIn(this.me))));
		assertThat(lines.select("a[href='/my/subscriptions/new?line=" + line.id() + "']").text())
			.isEqualTo("Subscribe");

		Document choose = Html
			.parse(this.mvc.perform(get("/my/subscriptions/new").with(signedIn(this.me)).param("line", line.id()))
				.andExpect(status().isOk()));
		assertThat(choose.select("input[name=game]").val()).isEqualTo("saturday");
		assertThat(choose.select("input[name=lines]").eachAttr("value")).containsExactly("5 10 20 30 40");
	}

	@Test
	void thePlayPageSendsItsCompleteLinesToASubscription() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		Document play = Html.parse(this.mvc.perform(get("/play/" + lottery.id()).with(signedIn(this.me))));
		assertThat(play.select("#subscribe-lines").attr("formaction"))
			.isEqualTo("/my/subscriptions/new?lottery=" + lottery.id());

		Document choose = Html.parse(
				this.mvc
					.perform(post("/my/subscriptions/new").with(signedIn(this.me))
						.with(csrf())
						.param("lottery", lottery.id())
						.param("key", "k1")
						.param("action", "subscribe")
						.param("lines[0].numbers", "61", "3", "17", "22", "45", "88")
						.param("lines[1].numbers", "1", "2")
						.param("lines[2].numbers", "4", "5", "6", "7", "8", "9"))
					.andExpect(status().isOk()));
		assertThat(choose.select("input[name=lines]").eachAttr("value")).as("the complete lines only")
			.containsExactly("3 17 22 45 61 88", "4 5 6 7 8 9");

		Document none = Html.parse(
				this.mvc
					.perform(post("/my/subscriptions/new").with(signedIn(this.me))
						.with(csrf())
						.param("lottery", lottery.id())
						.param("lines[0].numbers", "1", "2"))
					.andExpect(status().isBadRequest()));
		assertThat(none.select("#no-lines").text()).contains("There is no complete line to play");
		assertThat(none.select("#no-lines a").attr("href")).isEqualTo("/play/" + lottery.id());
	}

	@Test
	void anotherParticipantsReceiptLineOrSubscriptionIsNotFoundAndNothingChanges() throws Exception {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		BallotSlip theirSlip = new TestSlips(this.context).play(this.other, lottery, 1, 2, 3, 4, 5, 6);
		SavedLine theirLine = new TestSavedLines(this.context).save(this.other, "Theirs", "daily", 1, 2, 3, 4, 5, 6);
		Subscription theirs = this.subscriptions.start(this.other.id(), terms("open", ""));
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);

		this.mvc.perform(get("/my/subscriptions/new").with(signedIn(this.me)).param("slip", theirSlip.id()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/my/subscriptions/new").with(signedIn(this.me)).param("line", theirLine.id()))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/my/subscriptions/new").with(signedIn(this.me))).andExpect(status().isNotFound());
		for (String action : List.of("pause", "resume", "cancel")) {
			for (boolean htmx : new boolean[] { false, true }) {
				MockHttpServletRequestBuilder change = post("/my/subscriptions/" + theirs.id() + "/" + action)
					.with(signedIn(this.me))
					.with(csrf());
				if (htmx) {
					change.header("HX-Request", "true");
				}
				this.mvc.perform(change).andExpect(status().isNotFound());
			}
		}
		before.assertUnchanged();
		Document mine = Html.parse(this.mvc.perform(get("/my/subscriptions").with(signedIn(this.me))));
		assertThat(mine.select(".subscription")).isEmpty();
	}

	@Test
	void aParticipantWhoHasNotConfirmedTheirAddressCannotStartOne() throws Exception {
		CurrentAccount unverified = new TestParticipants(this.context).unverified("Una Verified");
		SavedLine line = new TestSavedLines(this.context).save(unverified, "Mine", "daily", 1, 2, 3, 4, 5, 6);
		Document choose = Html
			.parse(this.mvc.perform(get("/my/subscriptions/new").with(signedIn(unverified)).param("line", line.id()))
				.andExpect(status().isOk()));
		assertThat(choose.select("#unverified").text()).startsWith("Confirm your email address to play");
		assertThat(choose.select("#subscription-form")).isEmpty();

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		for (String path : List.of("/my/subscriptions/review", "/my/subscriptions")) {
			this.mvc
				.perform(post(path).with(signedIn(unverified))
					.with(csrf())
					.param("game", "daily")
					.param("lines", "1 2 3 4 5 6")
					.param("kind", "fixed")
					.param("draws", "3"))
				.andExpect(status().isBadRequest());
		}
		before.assertUnchanged();
		assertThat(this.subscriptions.of(unverified.id())).isEmpty();
	}

	@Test
	void pauseResumeAndCancelWorkWithoutJavaScript() throws Exception {
		Subscription subscription = this.subscriptions.start(this.me.id(), terms("fixed", "5"));
		String base = "/my/subscriptions/" + subscription.id();

		this.mvc.perform(post(base + "/pause").with(signedIn(this.me)).with(csrf()))
			.andExpect(redirectedUrl("/my/subscriptions"));
		Document paused = Html.parse(this.mvc.perform(get("/my/subscriptions").with(signedIn(this.me))));
		assertThat(paused.select(".subscription-status").text()).isEqualTo("Paused");
		assertThat(paused.select(".subscription-resume").text()).isEqualTo("Resume");
		assertThat(paused.select(".subscription-pause")).isEmpty();
		assertThat(paused.select(".subscription-facts").text()).as("it plays no draw until resumed")
			.doesNotContain("Next draw")
			.doesNotContain("Last draw");

		this.mvc.perform(post(base + "/pause").with(signedIn(this.me)).with(csrf()))
			.andExpect(redirectedUrl("/my/subscriptions"));
		assertThat(this.subscriptions.find(this.me.id(), subscription.id()).orElseThrow().status())
			.as("pausing twice changes nothing")
			.isEqualTo(SubscriptionStatus.PAUSED);

		this.mvc.perform(post(base + "/resume").with(signedIn(this.me)).with(csrf()));
		assertThat(this.subscriptions.find(this.me.id(), subscription.id()).orElseThrow().status())
			.isEqualTo(SubscriptionStatus.ACTIVE);
		this.mvc.perform(post(base + "/cancel").with(signedIn(this.me)).with(csrf()));
		Document cancelled = Html.parse(this.mvc.perform(get("/my/subscriptions").with(signedIn(this.me))));
		assertThat(cancelled.select(".subscription-status").text()).isEqualTo("Cancelled");
		assertThat(cancelled.select(".subscription-actions")).as("nothing more to do").isEmpty();
		this.mvc.perform(post(base + "/resume").with(signedIn(this.me)).with(csrf()));
		assertThat(this.subscriptions.find(this.me.id(), subscription.id()).orElseThrow().status())
			.as("a cancelled subscription stays cancelled")
			.isEqualTo(SubscriptionStatus.CANCELLED);
	}

	@Test
	void withHtmxOnlyTheSubscriptionChangedComesBack() throws Exception {
		Subscription subscription = this.subscriptions.start(this.me.id(), terms("open", ""));

		Document answer = Html.parse(
				this.mvc
					.perform(post("/my/subscriptions/" + subscription.id() + "/pause").with(signedIn(this.me))
						.with(csrf())
						.header("HX-Request", "true"))
					.andExpect(status().isOk()));

		assertThat(answer.select("html > body > li.subscription, li.subscription")).hasSize(1);
		assertThat(answer.select("h1")).isEmpty();
		assertThat(answer.select(".subscription-status").text()).isEqualTo("Paused");
		assertThat(answer.select(".subscription-changed").text())
			.isEqualTo("Paused: nothing is placed until you resume it.");
		assertThat(answer.select("form:has(.subscription-resume)").attr("hx-post"))
			.isEqualTo("/my/subscriptions/" + subscription.id() + "/resume");
	}

	@Test
	void italianParticipantsReadTheirSubscriptionsInItalian() throws Exception {
		this.subscriptions.start(this.me.id(), terms("fixed", "3"));
		Document page = Html
			.parse(this.mvc.perform(get("/my/subscriptions").with(signedIn(this.me)).param("lang", "it")));
		assertThat(page.select("h1").text()).isEqualTo("I miei abbonamenti");
		assertThat(page.select(".subscription-status").text()).isEqualTo("Attivo");
		assertThat(page.select(".subscription-facts").text()).contains("nessuna giocata su 3, ne restano 3");
	}

	@Test
	void theAdminDashboardCountsActiveSubscriptionsPerGame() throws Exception {
		CurrentAccount admin = new TestParticipants(this.context).admin("Ada Admin");
		this.subscriptions.start(this.me.id(), terms("open", ""));
		long active = this.subscriptions.activeByGame().values().stream().mapToLong(Long::longValue).sum();

		Document dashboard = Html
			.parse(this.mvc.perform(get("/admin").with(signedIn(admin))).andExpect(status().isOk()));

		assertThat(dashboard.select("#active-subscriptions .stat-label").text()).isEqualTo("Active subscriptions");
		assertThat(dashboard.select("#active-subscriptions .stat-value").text()).isEqualTo(String.valueOf(active));
		assertThat(dashboard.select("#active-subscriptions .stat-detail").text()).contains("Novanta 6/90");
		this.mvc.perform(get("/admin").with(signedIn(this.me))).andExpect(status().isForbidden());
	}

	static Stream<Arguments> hostileInputs() {
		return Stream.of(
				bad("draws too many", "#kind-error", "Enter a whole number of draws from 2 to 52.", "draws", "53"),
				bad("draws a word", "#kind-error", "Enter a whole number of draws from 2 to 52.", "draws", "ten"),
				bad("draws huge", "#kind-error", "Enter a whole number of draws from 2 to 52.", "draws",
						"99999999999999999999"),
				bad("draws script", "#kind-error", "Enter a whole number of draws from 2 to 52.", "draws", SCRIPT),
				bad("kind unknown", "#kind-error", "Choose a number of draws, or every draw until you stop.", "kind",
						"forever"),
				bad("kind missing", "#kind-error", "Choose a number of draws, or every draw until you stop.", "kind",
						""),
				bad("jackpot zero", "#min-jackpot-error", "Enter a whole number of euros", "minJackpot", "0"),
				bad("jackpot negative", "#min-jackpot-error", "Enter a whole number of euros", "minJackpot", "-1"),
				bad("jackpot decimal", "#min-jackpot-error", "Enter a whole number of euros", "minJackpot", "10.5"),
				bad("jackpot script", "#min-jackpot-error", "Enter a whole number of euros", "minJackpot", SCRIPT),
				bad("line too short", "#lines-error", "These lines cannot be played in this game.", "lines",
						"1,2,3,4,5"),
				bad("line out of range", "#lines-error", "These lines cannot be played in this game.", "lines",
						"1,2,3,4,5,91"),
				bad("line repeated number", "#lines-error", "These lines cannot be played in this game.", "lines",
						"1,1,2,3,4,5"),
				bad("line markup", "#lines-error", "These lines cannot be played in this game.", "lines", SCRIPT),
				bad("line very long", "#lines-error", "These lines cannot be played in this game.", "lines",
						"1 ".repeat(3000)),
				bad("no lines", "#lines-error", "There is no complete line to play", "lines", ""),
				bad("game unknown", "#game-error", "Choose one of the games.", "game", "weekly"),
				bad("game markup", "#game-error", "Choose one of the games.", "game", SCRIPT));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInputs")
	void eachBadFieldGetsAMessageNextToItA400AndNothingIsStored(String what, String selector, String message,
			List<String> params) throws Exception {
		for (String path : List.of("/my/subscriptions/review", "/my/subscriptions")) {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			MockHttpServletRequestBuilder request = post(path).with(signedIn(this.me)).with(csrf());
			List<String> fields = List.of("game", "lines", "kind", "draws", "minJackpot");
			List<String> good = List.of("daily", "1 2 3 4 5 6", "fixed", "3", "");
			for (int i = 0; i < fields.size(); i++) {
				String field = fields.get(i);
				request.param(field, field.equals(params.get(0)) ? params.get(1) : good.get(i));
			}
			MockHttpServletResponse response = this.mvc.perform(request)
				.andExpect(status().isBadRequest())
				.andReturn()
				.getResponse();
			before.assertUnchanged();
			Document page = Html.parse(response.getContentAsString());
			assertThat(page.select(selector).text()).as(path).contains(message);
			assertThat(response.getContentAsString()).doesNotContain(SCRIPT).doesNotContain("Exception");
		}
		assertThat(this.subscriptions.of(this.me.id())).isEmpty();
	}

	private SubscriptionTerms terms(String kind, String draws) {
		return SubscriptionTerms.of("daily", List.of("1 2 3 4 5 6"), kind, draws, "", this.games.all());
	}

	private static Arguments bad(String what, String selector, String message, String... params) {
		return Arguments.of(what, selector, message, Arrays.asList(params));
	}

}
