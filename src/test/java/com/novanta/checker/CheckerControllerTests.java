package com.novanta.checker;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lines.SavedLine;
import com.novanta.lines.TestSavedLines;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The checker's page and its answers to what a visitor, or a hostile request, sends: the
 * form for every game and period, a clear message next to each bad field, a 400 and
 * nothing stored, never a stack trace; with htmx only the form and the results.
 */
@IntegrationTest
class CheckerControllerTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String LONG = "x".repeat(5000);

	static final String VALID = "3 17 22 45 61 88";

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	@Test
	void theFormOffersEveryGameAndPeriodAndChecksNothingYet() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/checker")).andExpect(status().isOk()));

		assertThat(page.select("h1").text()).isEqualTo("Check your numbers");
		assertThat(page.select("form[action='/checker']").attr("method")).isEqualTo("get");
		assertThat(page.select("#check-game option").eachAttr("value")).containsExactly("daily", "saturday");
		assertThat(page.select("#check-period option").eachAttr("value")).containsExactly("30", "90", "365", "all");
		assertThat(page.select("#check-period option[selected]").val()).isEqualTo("365");
		assertThat(page.select("label[for=check-numbers]").text()).isEqualTo("Your numbers");
		assertThat(page.select("#check-rules").text()).isEqualTo(
				"Separate the numbers with spaces or commas. Novanta 6/90: 6 numbers from 1 to 90. Sabato 5/50: 5 numbers from 1 to 50.");
		assertThat(page.select("#check-numbers").attr("aria-describedby")).isEqualTo("check-rules");
		assertThat(page.select("#check-summary")).isEmpty();
		assertThat(page.select("[role=alert]")).isEmpty();
		assertThat(page.select("[style]")).isEmpty();
	}

	@Test
	void theResultsAndStatisticsPagesLeadToIt() throws Exception {
		for (String from : List.of("/lotteries", "/statistics")) {
			Document page = Html.parse(this.mvc.perform(get(from)).andExpect(status().isOk()));
			assertThat(page.select("a[href='/checker']").text()).as(from)
				.isEqualTo("Check your numbers against past draws");
		}
	}

	@Test
	void aGameInTheAddressIsChosenWithoutCheckingAnything() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/checker").param("game", "saturday").param("period", "90"))
			.andExpect(status().isOk()));
		assertThat(page.select("#check-game option[selected]").val()).isEqualTo("saturday");
		assertThat(page.select("#check-period option[selected]").val()).isEqualTo("90");
		assertThat(page.select("#check-summary")).isEmpty();
	}

	@Test
	void aValidLineIsCheckedAndShownAgainInOrder() throws Exception {
		Document page = Html.parse(this.mvc
			.perform(
					get("/checker").param("game", "daily").param("numbers", "88, 3 ,17;22 45 61").param("period", "30"))
			.andExpect(status().isOk()));
		assertThat(page.select("#check-summary-heading").text()).isEqualTo("Novanta 6/90 · Last 30 days");
		assertThat(page.select("#check-summary .check-line .ball").eachText()).containsExactly("3", "17", "22", "45",
				"61", "88");
		assertThat(page.select("#check-numbers").val()).isEqualTo("88, 3 ,17;22 45 61");
		assertThat(page.select("#check-numbers").attr("aria-invalid")).isEmpty();
	}

	static Stream<Arguments> hostileInputs() {
		return Stream.of(
				bad("letters", "#check-numbers-error", "Enter whole numbers only, separated by spaces or commas.",
						"numbers", "one two three four five six"),
				bad("a decimal", "#check-numbers-error", "Enter whole numbers only, separated by spaces or commas.",
						"numbers", "1.5,2,3,4,5,6"),
				bad("markup", "#check-numbers-error", "Enter whole numbers only, separated by spaces or commas.",
						"numbers", SCRIPT),
				bad("five numbers", "#check-numbers-error", "Enter exactly 6 numbers: there are fewer.", "numbers",
						"1 2 3 4 5"),
				bad("seven numbers", "#check-numbers-error", "Enter exactly 6 numbers: there are more.", "numbers",
						"1 2 3 4 5 6 7"),
				bad("zero", "#check-numbers-error", "Numbers go from 1 to 90.", "numbers", "0 2 3 4 5 6"),
				bad("ninety-one", "#check-numbers-error", "Numbers go from 1 to 90.", "numbers", "1 2 3 4 5 91"),
				bad("a number past any int", "#check-numbers-error", "Numbers go from 1 to 90.", "numbers",
						"1 2 3 4 5 99999999999999999999"),
				bad("a repeated number", "#check-numbers-error", "Each number can only be entered once.", "numbers",
						"1 2 3 4 5 5"),
				bad("no numbers", "#check-numbers-error", "Enter your 6 numbers.", "numbers", ""),
				bad("an absurdly long value", "#check-numbers-error",
						"That is far longer than a line: enter 6 numbers from 1 to 90.", "numbers", LONG),
				bad("two lines at once", "#check-numbers-error", "Enter exactly 6 numbers: there are more.", "numbers",
						"1,2,3,4,5,6", "numbers", "7,8,9,10,11,12"),
				bad("six numbers of the weekly game", "#check-numbers-error",
						"Enter exactly 5 numbers: there are more.", "game", "saturday", "numbers", "1 2 3 4 5 6"),
				bad("fifty-one in the weekly game", "#check-numbers-error", "Numbers go from 1 to 50.", "game",
						"saturday", "numbers", "1 2 3 4 51"),
				bad("an unknown game", "#check-game-error", "Choose one of the games in the list.", "game", "bingo",
						"numbers", VALID),
				bad("a game that is markup", "#check-game-error", "Choose one of the games in the list.", "game",
						SCRIPT, "numbers", VALID),
				bad("a very long game", "#check-game-error", "Choose one of the games in the list.", "game", LONG,
						"numbers", VALID),
				bad("two games at once", "#check-game-error", "Choose one of the games in the list.", "game", "daily",
						"game", "saturday", "numbers", VALID),
				bad("an unknown period", "#check-period-error", "Choose one of the periods in the list.", "period", "7",
						"numbers", VALID),
				bad("between dates, which only statistics have", "#check-period-error",
						"Choose one of the periods in the list.", "period", "dates", "numbers", VALID),
				bad("two periods at once", "#check-period-error", "Choose one of the periods in the list.", "period",
						"30", "period", "all", "numbers", VALID),
				bad("a period that is markup", "#check-period-error", "Choose one of the periods in the list.",
						"period", SCRIPT, "numbers", VALID),
				ok("a page that is a word", "numbers", VALID, "page", "two"),
				ok("a negative page", "numbers", VALID, "page", "-3"),
				ok("a page past any int", "numbers", VALID, "page", "99999999999999999999"),
				ok("a page far past the last", "numbers", VALID, "page", String.valueOf(Integer.MAX_VALUE)),
				ok("two pages at once", "numbers", VALID, "page", "1", "page", "2"),
				ok("an unknown parameter", "numbers", VALID, "numbers.x", "1", "game[$ne]", "x"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInputs")
	void getsAClearAnswerAndStoresNothing(String what, int expectedStatus, String selector, String message,
			List<String> params) throws Exception {
		for (boolean htmx : new boolean[] { false, true }) {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			MockHttpServletRequestBuilder request = get("/checker");
			for (int i = 0; i < params.size(); i += 2) {
				request.param(params.get(i), params.get(i + 1));
			}
			if (htmx) {
				request.header("HX-Request", "true");
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			String body = response.getContentAsString();

			assertThat(response.getStatus()).as("%s%n%s", what, body).isEqualTo(expectedStatus);
			assertThat(body).doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain("<script>alert")
				.doesNotContain("<b>");
			Document page = Html.parse(body);
			assertThat(page.select("#checker")).as(what).hasSize(1);
			if (selector != null) {
				assertThat(page.select(selector).text()).as(what).isEqualTo(message);
				String field = selector.replace("-error", "");
				assertThat(page.select(field).attr("aria-invalid")).as(what).isEqualTo("true");
				assertThat(page.select(field).attr("aria-describedby")).as(what).contains(selector.substring(1));
				assertThat(page.select("[role=alert]").text()).as(what).contains("Please check your entries");
				assertThat(page.select("#check-summary")).as(what).isEmpty();
			}
			else {
				assertThat(page.select("#check-summary")).as(what).hasSize(1);
			}
			assertThat(page.select("#check-numbers").val().length()).as(what)
				.isLessThanOrEqualTo(CheckQuery.MAX_LENGTH);
			before.assertUnchanged();
		}
	}

	@Test
	void withHtmxOnlyTheFormAndResultsComeBack() throws Exception {
		String body = this.mvc
			.perform(get("/checker").param("numbers", VALID).param("period", "90").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("<html").doesNotContain("site-header").contains("id=\"checker\"");
		Document fragment = Html.parse(body);
		assertThat(fragment.select("#check-summary")).hasSize(1);
		assertThat(fragment.select("form").attr("hx-get")).isEqualTo("/checker");
		assertThat(fragment.select("form").attr("hx-target")).isEqualTo("#checker");
		assertThat(fragment.select("form").attr("hx-push-url")).isEqualTo("true");
	}

	@Test
	void speaksItalianToo() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/checker").param("lang", "it").param("numbers", "1 2 3 4 5"))
			.andExpect(status().isBadRequest()));
		assertThat(page.select("h1").text()).isEqualTo("Controlla i tuoi numeri");
		assertThat(page.select("label[for=check-numbers]").text()).isEqualTo("I tuoi numeri");
		assertThat(page.select("#check-numbers-error").text())
			.isEqualTo("Inserisci esattamente 6 numeri: ce ne sono di meno.");
		assertThat(page.select("#check-period option").eachText()).containsExactly("Ultimi 30 giorni",
				"Ultimi 90 giorni", "Ultimi 365 giorni", "Tutte le estrazioni");
		assertThat(page.select("button[type=submit]").text()).isEqualTo("Controlla");
	}

	@Test
	void aVisitorSeesNoSavedLinesAndALineInTheAddressMeansNothingToThem() throws Exception {
		CurrentAccount owner = new TestParticipants(this.context).verified("Checker Owner");
		SavedLine line = new TestSavedLines(this.context).save(owner, "Owner's line", "daily", 4, 8, 15, 16, 23, 42);
		Document page = Html.parse(this.mvc.perform(get("/checker").param("line", line.id()).param("period", "30"))
			.andExpect(status().isOk()));
		assertThat(page.select("#check-saved")).isEmpty();
		assertThat(page.select("#check-line-error")).isEmpty();
		assertThat(page.select("#check-summary")).isEmpty();
		assertThat(page.text()).doesNotContain("Owner's line").doesNotContain("42");
	}

	@Test
	void aParticipantPicksOneOfTheirSavedLinesInsteadOfTypingIt() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount me = participants.verified("Checker Me");
		CurrentAccount other = participants.verified("Checker Other");
		TestSavedLines lines = new TestSavedLines(this.context);
		SavedLine weekly = lines.save(me, "Saturdays", "saturday", 5, 10, 15, 20, 25);
		lines.save(me, "Birthdays", "daily", 3, 17, 22, 45, 61, 88);
		lines.save(other, "Not mine", "daily", 1, 2, 3, 4, 5, 6);

		Document form = Html.parse(this.mvc.perform(get("/checker").with(signedIn(me))).andExpect(status().isOk()));
		assertThat(form.select("#check-saved legend").text()).isEqualTo("Or one of your saved lines");
		assertThat(form.select("#check-saved .saved-pick-name").eachText()).containsExactly("Birthdays", "Saturdays");
		assertThat(form.select("#check-saved .saved-pick-numbers").eachText())
			.containsExactly("Novanta 6/90: 3 17 22 45 61 88", "Sabato 5/50: 5 10 15 20 25");
		assertThat(form.select("#check-saved button[name=line]").eachAttr("value")).contains(weekly.id());
		assertThat(form.text()).doesNotContain("Not mine");

		for (boolean htmx : new boolean[] { false, true }) {
			MockHttpServletRequestBuilder pick = get("/checker").with(signedIn(me))
				.param("game", "daily")
				.param("numbers", "")
				.param("period", "90")
				.param("line", weekly.id());
			if (htmx) {
				pick.header("HX-Request", "true");
			}
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			Document checked = Html.parse(this.mvc.perform(pick).andExpect(status().isOk()));
			before.assertUnchanged();
			assertThat(checked.select("#check-summary-heading").text()).as("htmx %s", htmx)
				.isEqualTo("Sabato 5/50 · Last 90 days");
			assertThat(checked.select("#check-summary .check-line .ball").eachText()).containsExactly("5", "10", "15",
					"20", "25");
			assertThat(checked.select("#check-game option[selected]").val()).isEqualTo("saturday");
			assertThat(checked.select("#check-numbers").val()).isEqualTo("5 10 15 20 25");
		}
	}

	@Test
	void anotherParticipantsLineIsNotFoundAndNothingOfItShows() throws Exception {
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount me = participants.verified("Checker Guesser");
		CurrentAccount other = participants.verified("Checker Victim");
		SavedLine theirs = new TestSavedLines(this.context).save(other, "Secret", "daily", 11, 29, 37, 53, 71, 89);
		for (String id : new String[] { theirs.id(), "no-such-line", SCRIPT, LONG }) {
			for (boolean htmx : new boolean[] { false, true }) {
				MockHttpServletRequestBuilder guess = get("/checker").with(signedIn(me)).param("line", id);
				if (htmx) {
					guess.header("HX-Request", "true");
				}
				DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
				String body = this.mvc.perform(guess)
					.andExpect(status().isBadRequest())
					.andReturn()
					.getResponse()
					.getContentAsString();
				before.assertUnchanged();
				assertThat(body).doesNotContain("<script>alert");
				Document page = Html.parse(body);
				assertThat(page.select("#check-line-error").text())
					.isEqualTo("That line is not among your saved lines.");
				assertThat(page.select("#check-summary")).isEmpty();
				assertThat(page.text()).doesNotContain("Secret").doesNotContain("89");
			}
		}
	}

	private static Arguments bad(String what, String selector, String message, String... params) {
		return Arguments.of(what, 400, selector, message, Arrays.asList(params));
	}

	private static Arguments ok(String what, String... params) {
		return Arguments.of(what, 200, null, null, Arrays.asList(params));
	}

}
