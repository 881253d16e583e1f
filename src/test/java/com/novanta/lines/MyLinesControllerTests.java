package com.novanta.lines;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My lines" and its answers to what a participant, or a hostile request, sends: lines
 * saved and deleted, a clear message next to each bad field with a 400 and nothing
 * stored, never a stack trace; with htmx only the lines part; and never another
 * participant's line.
 */
@IntegrationTest
class MyLinesControllerTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String LONG = "x".repeat(5000);

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	@Autowired
	SavedLines savedLines;

	CurrentAccount me;

	CurrentAccount other;

	TestSavedLines lines;

	@BeforeEach
	void setUp() {
		TestParticipants participants = new TestParticipants(this.context);
		this.me = participants.verified("Grace Hopper");
		this.other = participants.verified("Hedy Lamarr");
		this.lines = new TestSavedLines(this.context);
	}

	@Test
	void visitorsWhoAreNotSignedInAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/my/lines")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void aNewParticipantSeesTheFormAndNoLines() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/my/lines").with(signedIn(this.me))).andExpect(status().isOk()));
		assertThat(page.select("h1").text()).isEqualTo("My lines");
		assertThat(page.select("#saved-lines-heading").text()).isEqualTo("Your lines (0 of 20)");
		assertThat(page.select(".empty").text()).isEqualTo("No saved lines yet.");
		assertThat(page.select("form[action='/my/lines']").attr("method")).isEqualTo("post");
		assertThat(page.select("label[for=line-name]").text()).isEqualTo("Name");
		assertThat(page.select("#line-game option").eachAttr("value")).containsExactly("daily", "saturday");
		assertThat(page.select("[role=alert]")).isEmpty();
	}

	@Test
	void myBallotsAndTheAccountPageLeadToIt() throws Exception {
		for (String from : List.of("/my/ballots", "/account")) {
			Document page = Html.parse(this.mvc.perform(get(from).with(signedIn(this.me))).andExpect(status().isOk()));
			assertThat(page.select("a[href='/my/lines']").text()).as(from).contains("My lines");
		}
	}

	@Test
	void aLineIsSavedAndListedWithItsNumbersInOrder() throws Exception {
		this.mvc
			.perform(post("/my/lines").with(signedIn(this.me))
				.with(csrf())
				.param("name", "  Family   birthdays ")
				.param("game", "daily")
				.param("numbers", "88, 3 17;22 45 61"))
			.andExpect(redirectedUrl("/my/lines"))
			.andExpect(flash().attribute("saved", "Family birthdays"));

		assertThat(this.savedLines.of(this.me.id())).singleElement().satisfies((line) -> {
			assertThat(line.name()).isEqualTo("Family birthdays");
			assertThat(line.gameId()).isEqualTo("daily");
			assertThat(line.numbers()).containsExactly(3, 17, 22, 45, 61, 88);
		});
		Document page = Html.parse(this.mvc.perform(get("/my/lines").with(signedIn(this.me))));
		assertThat(page.select(".saved-line-name").eachText()).containsExactly("Family birthdays");
		assertThat(page.select(".saved-line .ball").eachText()).containsExactly("3", "17", "22", "45", "61", "88");
		assertThat(page.select(".saved-line a[href^='/checker']").attr("href"))
			.isEqualTo("/checker?game=daily&numbers=3,17,22,45,61,88");
		assertThat(page.select(".saved-line a[href^='/play/']").attr("href")).matches("/play/daily-[0-9-]+\\?line=.+");
	}

	@Test
	void aNameIsUniqueAmongOnesOwnLinesWhateverItsCase() throws Exception {
		this.lines.save(this.me, "Family birthdays", "daily", 1, 2, 3, 4, 5, 6);
		this.lines.save(this.other, "Lucky", "daily", 1, 2, 3, 4, 5, 6);
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);

		Document page = Html.parse(
				this.mvc
					.perform(post("/my/lines").with(signedIn(this.me))
						.with(csrf())
						.param("name", "FAMILY  birthdays")
						.param("game", "saturday")
						.param("numbers", "1 2 3 4 5"))
					.andExpect(status().isBadRequest()));

		before.assertUnchanged();
		assertThat(page.select("#line-name-error").text())
			.isEqualTo("You already have a line with this name: choose another.");
		assertThat(page.select("#line-name").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#line-name").val()).isEqualTo("FAMILY birthdays");
		assertThat(page.select("#line-game option[selected]").val()).isEqualTo("saturday");
		// another participant's names are theirs: the same name is free here
		this.mvc
			.perform(post("/my/lines").with(signedIn(this.me))
				.with(csrf())
				.param("name", "lucky")
				.param("game", "daily")
				.param("numbers", "1 2 3 4 5 6"))
			.andExpect(redirectedUrl("/my/lines"));
	}

	@Test
	void twentyLinesAreTheMostAndTheTwentyFirstIsRefusedClearly() throws Exception {
		for (int i = 1; i <= SavedLines.MAX_LINES; i++) {
			this.lines.save(this.me, "Line " + i, "daily", i, i + 1, i + 2, i + 3, i + 4, i + 5);
		}
		Document full = Html.parse(this.mvc.perform(get("/my/lines").with(signedIn(this.me))));
		assertThat(full.select("#lines-full").text())
			.isEqualTo("You have 20 saved lines, the most you can keep: delete one to save another.");
		assertThat(full.select("form[action='/my/lines']")).isEmpty();

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		Document refused = Html.parse(
				this.mvc
					.perform(post("/my/lines").with(signedIn(this.me))
						.with(csrf())
						.param("name", "One too many")
						.param("game", "daily")
						.param("numbers", "1 2 3 4 5 6"))
					.andExpect(status().isBadRequest()));
		before.assertUnchanged();
		assertThat(refused.select("#lines-full").text()).startsWith("You have 20 saved lines");
		assertThat(this.savedLines.of(this.me.id())).hasSize(SavedLines.MAX_LINES);
	}

	@Test
	void aDeletedLineCanBeSavedAgainWithUndo() throws Exception {
		SavedLine line = this.lines.save(this.me, "Anniversary", "saturday", 5, 14, 22, 30, 41);
		this.mvc.perform(post("/my/lines/{id}/delete", line.id()).with(signedIn(this.me)).with(csrf()))
			.andExpect(redirectedUrl("/my/lines"))
			.andExpect(flash().attribute("deleted", line));
		assertThat(this.savedLines.of(this.me.id())).isEmpty();

		// what the page after the deletion shows: its undo form holds the line
		Document page = Html.parse(
				this.mvc
					.perform(post("/my/lines/{id}/delete",
							this.lines.save(this.me, "Anniversary", "saturday", 5, 14, 22, 30, 41).id())
						.with(signedIn(this.me))
						.with(csrf())
						.header("HX-Request", "true"))
					.andExpect(status().isOk()));
		assertThat(page.select("#line-deleted p").text()).isEqualTo("“Anniversary” is deleted.");
		assertThat(page.select("#line-deleted input[name=name]").val()).isEqualTo("Anniversary");
		assertThat(page.select("#line-deleted input[name=game]").val()).isEqualTo("saturday");
		assertThat(page.select("#line-deleted input[name=numbers]").val()).isEqualTo("5,14,22,30,41");
		assertThat(page.select("#undo-delete").text()).isEqualTo("Undo");

		this.mvc
			.perform(post("/my/lines").with(signedIn(this.me))
				.with(csrf())
				.param("name", "Anniversary")
				.param("game", "saturday")
				.param("numbers", "5,14,22,30,41"))
			.andExpect(redirectedUrl("/my/lines"));
		assertThat(this.savedLines.of(this.me.id())).singleElement()
			.satisfies((again) -> assertThat(again.numbers()).containsExactly(5, 14, 22, 30, 41));
	}

	@Test
	void anotherParticipantsLineCannotBeSeenOrDeleted() throws Exception {
		SavedLine theirs = this.lines.save(this.other, "Hedy's secret", "daily", 7, 8, 9, 10, 11, 12);
		Document page = Html.parse(this.mvc.perform(get("/my/lines").with(signedIn(this.me))));
		assertThat(page.text()).doesNotContain("Hedy's secret");

		for (boolean htmx : new boolean[] { false, true }) {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			MockHttpServletRequestBuilder delete = post("/my/lines/{id}/delete", theirs.id()).with(signedIn(this.me))
				.with(csrf());
			if (htmx) {
				delete.header("HX-Request", "true");
			}
			this.mvc.perform(delete).andExpect(status().isNotFound());
			before.assertUnchanged();
		}
		assertThat(this.savedLines.find(this.other.id(), theirs.id())).contains(theirs);
		this.mvc.perform(post("/my/lines/{id}/delete", "no-such-line").with(signedIn(this.me)).with(csrf()))
			.andExpect(status().isNotFound());
	}

	@Test
	void withHtmxOnlyTheLinesPartComesBack() throws Exception {
		String body = this.mvc
			.perform(post("/my/lines").with(signedIn(this.me))
				.with(csrf())
				.header("HX-Request", "true")
				.param("name", "Quick one")
				.param("game", "daily")
				.param("numbers", "10 20 30 40 50 60"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("<html").doesNotContain("site-header").contains("id=\"my-lines\"");
		Document fragment = Html.parse(body);
		assertThat(fragment.select("#line-saved").text()).isEqualTo("“Quick one” is saved.");
		assertThat(fragment.select(".saved-line-name").eachText()).containsExactly("Quick one");
		assertThat(fragment.select("#line-name").val()).isEmpty();
		assertThat(fragment.select("form[action='/my/lines']").first().attr("hx-post")).isEqualTo("/my/lines");
		assertThat(fragment.select("form[action='/my/lines']").first().attr("hx-target")).isEqualTo("#my-lines");
	}

	@Test
	void aLineToSaveCanComeFromTheAddress() throws Exception {
		Document page = Html.parse(this.mvc
			.perform(
					get("/my/lines").with(signedIn(this.me)).param("game", "saturday").param("numbers", "3,9,27,33,48"))
			.andExpect(status().isOk()));
		assertThat(page.select("#line-game option[selected]").val()).isEqualTo("saturday");
		assertThat(page.select("#line-numbers").val()).isEqualTo("3 9 27 33 48");
		Document mangled = Html.parse(
				this.mvc.perform(get("/my/lines").with(signedIn(this.me)).param("game", SCRIPT).param("numbers", LONG))
					.andExpect(status().isOk()));
		assertThat(mangled.select("#line-game option[selected]").val()).isEqualTo("daily");
		assertThat(mangled.select("#line-numbers").val()).isEmpty();
	}

	static Stream<Arguments> hostileInputs() {
		return Stream.of(
				bad("no name", "#line-name-error", "Give the line a name.", "game", "daily", "numbers", "1 2 3 4 5 6"),
				bad("a blank name", "#line-name-error", "Give the line a name.", "name", "   ", "game", "daily",
						"numbers", "1 2 3 4 5 6"),
				bad("a name too long", "#line-name-error", "Keep the name to 40 characters at most.", "name", LONG,
						"game", "daily", "numbers", "1 2 3 4 5 6"),
				bad("a name with a control character", "#line-name-error",
						"Use letters, numbers, spaces and punctuation only.", "name", "bell\u0007", "game", "daily",
						"numbers", "1 2 3 4 5 6"),
				bad("letters for numbers", "#line-numbers-error",
						"Enter whole numbers only, separated by spaces or commas.", "name", "Mine", "game", "daily",
						"numbers", "one two three four five six"),
				bad("markup for numbers", "#line-numbers-error",
						"Enter whole numbers only, separated by spaces or commas.", "name", "Mine", "game", "daily",
						"numbers", SCRIPT),
				bad("no numbers", "#line-numbers-error", "Enter your 6 numbers.", "name", "Mine", "game", "daily"),
				bad("five numbers", "#line-numbers-error", "Enter exactly 6 numbers: there are fewer.", "name", "Mine",
						"game", "daily", "numbers", "1 2 3 4 5"),
				bad("a number out of range", "#line-numbers-error", "Numbers go from 1 to 90.", "name", "Mine", "game",
						"daily", "numbers", "1 2 3 4 5 91"),
				bad("a number past any int", "#line-numbers-error", "Numbers go from 1 to 90.", "name", "Mine", "game",
						"daily", "numbers", "1 2 3 4 5 99999999999999999999"),
				bad("a repeated number", "#line-numbers-error", "Each number can only be entered once.", "name", "Mine",
						"game", "daily", "numbers", "1 2 3 4 5 5"),
				bad("numbers far too long", "#line-numbers-error",
						"That is far longer than a line: enter 6 numbers from 1 to 90.", "name", "Mine", "game",
						"daily", "numbers", LONG),
				bad("two lines at once", "#line-numbers-error", "Enter exactly 6 numbers: there are more.", "name",
						"Mine", "game", "daily", "numbers", "1,2,3,4,5,6", "numbers", "7,8,9,10,11,12"),
				bad("six numbers of the weekly game", "#line-numbers-error", "Enter exactly 5 numbers: there are more.",
						"name", "Mine", "game", "saturday", "numbers", "1 2 3 4 5 6"),
				bad("an unknown game", "#line-game-error", "Choose one of the games in the list.", "name", "Mine",
						"game", "bingo", "numbers", "1 2 3 4 5 6"),
				bad("no game", "#line-game-error", "Choose one of the games in the list.", "name", "Mine", "numbers",
						"1 2 3 4 5 6"),
				bad("a game that is markup", "#line-game-error", "Choose one of the games in the list.", "name", "Mine",
						"game", SCRIPT, "numbers", "1 2 3 4 5 6"),
				bad("two games at once", "#line-game-error", "Choose one of the games in the list.", "name", "Mine",
						"game", "daily", "game", "saturday", "numbers", "1 2 3 4 5 6"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("hostileInputs")
	void aBadFieldGetsItsMessageAndNothingIsStored(String what, String selector, String message, List<String> params)
			throws Exception {
		for (boolean htmx : new boolean[] { false, true }) {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			MockHttpServletRequestBuilder request = post("/my/lines").with(signedIn(this.me)).with(csrf());
			for (int i = 0; i < params.size(); i += 2) {
				request.param(params.get(i), params.get(i + 1));
			}
			if (htmx) {
				request.header("HX-Request", "true");
			}
			MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
			String body = response.getContentAsString();

			assertThat(response.getStatus()).as("%s%n%s", what, body).isEqualTo(400);
			assertThat(body).doesNotContain("Exception")
				.doesNotContain("\tat ")
				.doesNotContain("<script>alert")
				.doesNotContain("<b>");
			Document page = Html.parse(body);
			assertThat(page.select("#my-lines")).as(what).hasSize(1);
			assertThat(page.select(selector).text()).as(what).isEqualTo(message);
			String field = selector.replace("-error", "");
			assertThat(page.select(field).attr("aria-invalid")).as(what).isEqualTo("true");
			assertThat(page.select(field).attr("aria-describedby")).as(what).contains(selector.substring(1));
			assertThat(page.select("#line-numbers").val().length()).as(what).isLessThanOrEqualTo(LineEntry.MAX_TYPED);
			before.assertUnchanged();
		}
		assertThat(this.savedLines.of(this.me.id())).isEmpty();
	}

	@Test
	void speaksItalianToo() throws Exception {
		Document page = Html.parse(
				this.mvc
					.perform(post("/my/lines").with(signedIn(this.me))
						.with(csrf())
						.param("lang", "it")
						.param("name", "")
						.param("game", "daily")
						.param("numbers", "1 2 3"))
					.andExpect(status().isBadRequest()));
		assertThat(page.select("h1").text()).isEqualTo("Le mie combinazioni");
		assertThat(page.select("#line-name-error").text()).isEqualTo("Dai un nome alla combinazione.");
		assertThat(page.select("#line-numbers-error").text())
			.isEqualTo("Inserisci esattamente 6 numeri: ce ne sono di meno.");
		assertThat(page.select("#save-line").text()).isEqualTo("Salva");
	}

	private static Arguments bad(String what, String selector, String message, String... params) {
		return Arguments.of(what, selector, message, Arrays.asList(params));
	}

}
