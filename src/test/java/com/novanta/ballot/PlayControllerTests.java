package com.novanta.ballot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.responsibleplay.TestPlayRestrictions;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PlayControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	CurrentAccount player;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.player = new TestParticipants(this.context).verified("Katherine Johnson");
		this.lottery = new TestLotteries(this.context).open("daily");
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/play/{id}", this.lottery.id())).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void showsAGridOfNinetyNumbersAndAFreshKey() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.player)))
			.andExpect(status().isOk()));
		assertThat(page.select("#line-0 input[type=checkbox]")).hasSize(90);
		assertThat(page.select("input[name=key]").val()).hasSize(36);
		assertThat(page.select("#line-0 .line-status").text()).contains("0 of 6 chosen");
	}

	@Test
	void numbersInTheAddressFillTheFirstLineWhenTheyAreAValidLine() throws Exception {
		Document page = Html.parse(
				this.mvc
					.perform(get("/play/{id}", this.lottery.id()).param("numbers", "3,17,25,44,61,88")
						.with(signedIn(this.player)))
					.andExpect(status().isOk()));
		assertThat(page.select("#line-0 input[checked]").eachAttr("value")).containsExactly("3", "17", "25", "44", "61",
				"88");
		assertThat(page.select("#line-0 .line-status").text()).contains("6 of 6 chosen");
		assertThat(page.select("#play-total").text()).startsWith("1 line to play");
	}

	@Test
	void numbersInTheAddressThatAreNoValidLineAreIgnored() throws Exception {
		for (String numbers : new String[] { "3,17,25", "1,2,3,4,5,91", "1,1,2,3,4,5", "x", "1,2,3,4,5,6,7", "",
				"1,2,3,4,5,6".repeat(20), "-1,2,3,4,5,6", "99999999999,1,2,3,4,5" }) {
			Document page = Html.parse(this.mvc
				.perform(get("/play/{id}", this.lottery.id()).param("numbers", numbers).with(signedIn(this.player)))
				.andExpect(status().isOk()));
			assertThat(page.select("#line-0 input[checked]")).as(numbers).isEmpty();
			assertThat(page.select("#line-0 input[type=checkbox]")).as(numbers).hasSize(90);
		}
	}

	@Test
	void unknownLotteryIsNotFound() throws Exception {
		this.mvc.perform(get("/play/{id}", "daily-1999-01-01").with(signedIn(this.player)))
			.andExpect(status().isNotFound());
	}

	@Test
	void quickPickFillsAValidLineWithHtmxReturningOnlyTheLines() throws Exception {
		MvcResult result = this.mvc
			.perform(edit().param("action", "quickPick:0").header("HX-Request", "true").with(signedIn(this.player)))
			.andExpect(status().isOk())
			.andReturn();
		String body = result.getResponse().getContentAsString();
		assertThat(body).doesNotContain("<html").contains("id=\"lines\"");
		Document lines = Html.parse(body);
		List<Integer> chosen = lines.select("#line-0 input[checked]")
			.eachAttr("value")
			.stream()
			.map(Integer::valueOf)
			.toList();
		assertThat(chosen).hasSize(6).doesNotHaveDuplicates().allSatisfy((n) -> assertThat(n).isBetween(1, 90));
		assertThat(lines.select("#line-0-status .badge").text()).isEqualTo("Quick pick");
		assertThat(lines.select("input[name='lines[0].quickPickNumbers']").val()).isNotEmpty();
	}

	@Test
	void eachTickGetsTheLinesCountFromTheServer() throws Exception {
		MockHttpServletRequestBuilder tick = post("/play/{id}/status", this.lottery.id()).with(csrf())
			.with(signedIn(this.player))
			.header("HX-Request", "true")
			.param("index", "1")
			.param("_lines[1].numbers", "on");
		for (String n : new String[] { "3", "14", "15", "65" }) {
			tick.param("lines[1].numbers", n);
		}
		String body = this.mvc.perform(tick).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
		Document status = Html.parse(body);
		assertThat(body).doesNotContain("<html").doesNotContain("<fieldset");
		assertThat(status.select("#line-1-status").text()).isEqualTo("4 of 6 chosen: 3, 14, 15, 65");
		tick.param("lines[1].numbers", "16", "17", "18");
		assertThat(Html.parse(this.mvc.perform(tick).andReturn().getResponse().getContentAsString())
			.select("#line-1-status")
			.text()).contains("7 of 6 chosen").contains("Too many: keep only 6.");
	}

	@Test
	void theTotalCountsOnlyCompleteLinesAndSaysWhatHappensToTheOthers() throws Exception {
		MockHttpServletRequestBuilder form = edit().with(signedIn(this.player))
			.param("action", "refresh")
			.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
			.param("lines[1].numbers", "7", "8", "9", "10", "11", "12")
			.param("lines[2].numbers", "13", "14", "15");
		for (int i = 1; i < 5; i++) {
			form.param("_lines[" + i + "].numbers", "on");
		}

		Document page = Html.parse(this.mvc.perform(form).andExpect(status().isOk()));

		assertThat(page.select("fieldset.line")).hasSize(5);
		assertThat(page.select("#play-total p").eachText()).containsExactly("2 lines to play · €2.00",
				"Lines 4, 5 are empty: they will not be played.",
				"Line 3 is not complete: choose 6 numbers or clear it.");
		assertThat(page.select("#play-total").attr("hx-swap-oob")).isEmpty();
	}

	@Test
	void eachTickAlsoBringsTheNewTotal() throws Exception {
		MockHttpServletRequestBuilder tick = post("/play/{id}/status", this.lottery.id()).with(csrf())
			.with(signedIn(this.player))
			.header("HX-Request", "true")
			.param("key", "k")
			.param("index", "0")
			.param("_lines[0].numbers", "on")
			.param("lines[0].numbers", "1", "2", "3", "4", "5", "6");

		Document answer = Html.parse(this.mvc.perform(tick).andExpect(status().isOk()));

		assertThat(answer.select("#line-0-status").text()).startsWith("6 of 6 chosen");
		assertThat(answer.select("#play-total").attr("hx-swap-oob")).isEqualTo("true");
		assertThat(answer.select("#play-total p").eachText()).containsExactly("1 line to play · €1.00");
	}

	@Test
	void withoutJavaScriptTheButtonsReturnTheWholePage() throws Exception {
		Document page = Html.parse(this.mvc.perform(edit().param("action", "addLine").with(signedIn(this.player)))
			.andExpect(status().isOk()));
		assertThat(page.select("html")).hasSize(1);
		assertThat(page.select("fieldset.line")).hasSize(2);
		Document removed = Html.parse(this.mvc
			.perform(
					edit().param("action", "removeLine:1").param("_lines[1].numbers", "on").with(signedIn(this.player)))
			.andExpect(status().isOk()));
		assertThat(removed.select("fieldset.line")).hasSize(1);
	}

	@Test
	void submittingGoesToTheReceiptAndTwiceStoresOnce() throws Exception {
		MockHttpServletRequestBuilder submit = post("/play/{id}", this.lottery.id()).with(csrf())
			.with(signedIn(this.player))
			.param("key", "key-" + this.player.id())
			.param("_lines[0].numbers", "on");
		for (String n : new String[] { "1", "2", "3", "4", "5", "6" }) {
			submit.param("lines[0].numbers", n);
		}
		String receipt = this.mvc.perform(submit)
			.andExpect(redirectedUrlPattern("/my/ballots/" + this.lottery.id() + ":*?accepted"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Document slip = Html
			.parse(this.mvc.perform(get(receipt).with(signedIn(this.player))).andExpect(status().isOk()));
		assertThat(slip.select(".alert-success").text()).startsWith("Your ballot is in.");
		assertThat(slip.select(".slip-stake").text()).isEqualTo("Stake €1.00");
		this.mvc.perform(submit).andExpect(redirectedUrlPattern("/my/ballots/" + this.lottery.id() + ":*?repeated"));
		assertThat(this.mongo.count(Query.query(Criteria.where("accountId").is(this.player.id())), BallotSlip.class))
			.isEqualTo(1);
	}

	@Test
	void aWrongLineIsExplainedAndNothingIsStored() throws Exception {
		MockHttpServletRequestBuilder submit = post("/play/{id}", this.lottery.id()).with(csrf())
			.with(signedIn(this.player))
			.param("key", "bad-" + this.player.id())
			.param("_lines[0].numbers", "on");
		for (String n : new String[] { "1", "2", "3" }) {
			submit.param("lines[0].numbers", n);
		}
		Document page = Html.parse(this.mvc.perform(submit).andExpect(status().isUnprocessableEntity()));
		assertThat(page.select("#rejection").text()).contains("Nothing was stored");
		assertThat(page.select("#line-0 .error").text()).isEqualTo("Choose exactly 6 numbers: this line has fewer.");
		assertThat(this.mongo.count(Query.query(Criteria.where("accountId").is(this.player.id())), BallotSlip.class))
			.isZero();
	}

	@Test
	void somethingOtherThanANumberIsExplained() throws Exception {
		Document page = Html.parse(
				this.mvc
					.perform(post("/play/{id}", this.lottery.id()).with(csrf())
						.with(signedIn(this.player))
						.param("key", "nan")
						.param("lines[0].numbers", "seven"))
					.andExpect(status().isUnprocessableEntity()));
		assertThat(page.select("#rejection").text()).isEqualTo("Numbers must be whole numbers.");
	}

	@Test
	void anUnverifiedParticipantIsToldBeforeChoosingNumbersAndGetsNoGrid() throws Exception {
		CurrentAccount unverified = new TestParticipants(this.context).unverified("Ada Yonath");

		Document page = Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(unverified)))
			.andExpect(status().isOk()));

		assertThat(page.select("#unverified").text()).startsWith("Confirm your email address to play");
		assertThat(page.select("#unverified form").attr("action")).isEqualTo("/account/verify/resend");
		assertThat(page.select(".verify-banner")).as("said once, not twice").isEmpty();
		assertThat(page.select("#play-form")).isEmpty();
		assertThat(Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.player))))
			.select("#play-form")).hasSize(1);
	}

	@Test
	void anUnverifiedParticipantIsToldToConfirmTheirEmail() throws Exception {
		CurrentAccount unverified = new TestParticipants(this.context).unverified("Joan Clarke");
		MockHttpServletRequestBuilder submit = post("/play/{id}", this.lottery.id()).with(csrf())
			.with(signedIn(unverified))
			.param("key", "unverified");
		for (String n : new String[] { "1", "2", "3", "4", "5", "6" }) {
			submit.param("lines[0].numbers", n);
		}
		Document page = Html.parse(this.mvc.perform(submit).andExpect(status().isUnprocessableEntity()));
		assertThat(page.select("#rejection").text()).contains("Confirm your email address");
	}

	@Test
	void aClosedLotteryRefusesWithAClearMessage() throws Exception {
		this.clock.freezeAt(this.lottery.closesAt());
		MockHttpServletRequestBuilder submit = post("/play/{id}", this.lottery.id()).with(csrf())
			.with(signedIn(this.player))
			.param("key", "late");
		for (String n : new String[] { "1", "2", "3", "4", "5", "6" }) {
			submit.param("lines[0].numbers", n);
		}
		Document page = Html.parse(this.mvc.perform(submit).andExpect(status().isUnprocessableEntity()));
		assertThat(page.select("#rejection").text()).contains("This lottery is closed");
	}

	@Test
	void showsWhatIsLeftOfTheLimitsBeforeAnyNumberIsChosen() throws Exception {
		new TestPlayRestrictions(this.context).limit(this.player, 5, 40);
		play(2);

		Document page = Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.player)))
			.andExpect(status().isOk()));

		assertThat(page.select("#allowance").text())
			.isEqualTo("You can play 3 more lines today and 38 more this month. Your limits");
		assertThat(page.select("#allowance a").attr("href")).isEqualTo("/account#responsible-play");
		assertThat(page.select("#play-form")).hasSize(1);
	}

	@Test
	void saysOnlyTheLimitsThatAreSet() throws Exception {
		TestPlayRestrictions restrictions = new TestPlayRestrictions(this.context);
		assertThat(Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.player))))
			.select("#allowance")).as("no limit of their own, nothing played: nothing to say").isEmpty();

		restrictions.limit(this.player, null, 1);
		assertThat(allowance()).isEqualTo("You can play 1 more line this month. Your limits");
		// (lifting a limit waits 24 hours: another participant)
		this.player = new TestParticipants(this.context).verified("Mary Jackson");
		restrictions.limit(this.player, 1, null);
		assertThat(allowance()).isEqualTo("You can play 1 more line today. Your limits");
	}

	@Test
	void theLimitPerLotteryIsSaidOnceItIsTheClosest() throws Exception {
		for (int i = 0; i < 9; i++) {
			play(10);
		}
		play(4);

		assertThat(allowance())
			.isEqualTo("In this lottery you can play 6 more lines (at most 100 for each participant).");
	}

	@Test
	void theTotalWarnsWhenTheCompleteLinesGoOverWhatIsLeft() throws Exception {
		new TestPlayRestrictions(this.context).limit(this.player, 5, null);
		play(2);
		MockHttpServletRequestBuilder form = edit().with(signedIn(this.player)).param("action", "refresh");
		for (int line = 0; line < 4; line++) {
			form.param("_lines[" + line + "].numbers", "on");
			for (int n = 1; n <= 6; n++) {
				form.param("lines[" + line + "].numbers", String.valueOf(line * 6 + n));
			}
		}

		Document page = Html.parse(this.mvc.perform(form).andExpect(status().isOk()));

		assertThat(page.select("#play-total p").eachText()).containsExactly("4 lines to play · €4.00",
				"That is more than your daily limit leaves: you can play 3 more lines today.");
		MockHttpServletRequestBuilder tick = post("/play/{id}/status", this.lottery.id()).with(csrf())
			.with(signedIn(this.player))
			.header("HX-Request", "true")
			.param("key", "k")
			.param("index", "0");
		for (int line = 0; line < 3; line++) {
			tick.param("_lines[" + line + "].numbers", "on");
			for (int n = 1; n <= 6; n++) {
				tick.param("lines[" + line + "].numbers", String.valueOf(line * 6 + n));
			}
		}
		assertThat(Html.parse(this.mvc.perform(tick).andExpect(status().isOk())).select("#play-over")).isEmpty();
	}

	@Test
	void withNothingLeftTodayThereIsNoGridAndItSaysWhenPlayStartsAgain() throws Exception {
		new TestPlayRestrictions(this.context).limit(this.player, 2, null);
		play(2);

		Document page = Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.player)))
			.andExpect(status().isOk()));

		assertThat(page.select("#allowance p").first().text())
			.startsWith("You reached the daily limit you set: you can play again ")
			.endsWith(" at midnight.");
		assertThat(page.select("#play-form")).isEmpty();
	}

	private String allowance() throws Exception {
		return Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.player))))
			.select("#allowance")
			.text();
	}

	/** The participant plays some lines in the lottery. */
	private void play(int lines) {
		List<List<Integer>> numbers = new ArrayList<>();
		for (int line = 0; line < lines; line++) {
			numbers.add(List.of(1, 2, 3, 4, 5, 6 + line));
		}
		assertThat(this.context.getBean(BallotSubmission.class)
			.submit(new BallotSubmission.Player(this.player.id(), true), this.lottery.id(), numbers,
					Collections.nCopies(lines, false), UUID.randomUUID().toString()))
			.isInstanceOf(SubmissionResult.Accepted.class);
	}

	@Test
	void postingWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/play/{id}", this.lottery.id()).with(signedIn(this.player)).param("key", "x"))
			.andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder edit() {
		return post("/play/{id}/edit", this.lottery.id()).with(csrf())
			.param("key", "k")
			.param("_lines[0].numbers", "on");
	}

}
