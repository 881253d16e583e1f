package com.novanta.ballot;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Saved lines on the play page: the participant's lines of the lottery's game offered
 * above the slip, one tap (a button of the form, with or without htmx, or a link) putting
 * one on the slip; another participant's line, or one of another game, is not found and
 * changes nothing.
 */
@IntegrationTest
class PlaySavedLinesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	CurrentAccount me;

	CurrentAccount other;

	Lottery lottery;

	SavedLine birthdays;

	SavedLine weekly;

	SavedLine theirs;

	@BeforeEach
	void setUp() {
		TestParticipants participants = new TestParticipants(this.context);
		this.me = participants.verified("Ada Lovelace");
		this.other = participants.verified("Charles Babbage");
		this.lottery = new TestLotteries(this.context).open("daily");
		TestSavedLines lines = new TestSavedLines(this.context);
		this.birthdays = lines.save(this.me, "Family birthdays", "daily", 3, 17, 22, 45, 61, 88);
		this.weekly = lines.save(this.me, "Saturdays", "saturday", 5, 10, 15, 20, 25);
		this.theirs = lines.save(this.other, "Charles's line", "daily", 1, 2, 3, 4, 5, 6);
	}

	@Test
	void theParticipantsLinesOfTheGameAreOfferedAndNoOneElses() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.me)))
			.andExpect(status().isOk()));
		assertThat(page.select("#saved-picks-heading").text()).isEqualTo("Your saved lines");
		assertThat(page.select("#saved-picks .saved-pick-name").eachText()).containsExactly("Family birthdays");
		assertThat(page.select("#saved-picks button").attr("value")).isEqualTo("savedLine:" + this.birthdays.id());
		assertThat(page.select("#saved-picks button").attr("formaction"))
			.isEqualTo("/play/" + this.lottery.id() + "/edit");
		assertThat(page.select("#saved-picks button").attr("hx-target")).isEqualTo("#lines");
		assertThat(page.select("#saved-picks .saved-pick-numbers").text()).isEqualTo("3 17 22 45 61 88");
		assertThat(page.text()).doesNotContain("Charles's line").doesNotContain("Saturdays");

		Document theirPage = Html
			.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(this.other))));
		assertThat(theirPage.select("#saved-picks .saved-pick-name").eachText()).containsExactly("Charles's line");
	}

	@Test
	void aParticipantWithoutLinesSeesNoSuchSection() throws Exception {
		CurrentAccount newcomer = new TestParticipants(this.context).verified("New Comer");
		Document page = Html.parse(this.mvc.perform(get("/play/{id}", this.lottery.id()).with(signedIn(newcomer))));
		assertThat(page.select("#saved-picks")).isEmpty();
	}

	@Test
	void oneTapPutsTheLineOnTheFirstEmptyLineAndKeepsTheOthers() throws Exception {
		for (boolean htmx : new boolean[] { false, true }) {
			MockHttpServletRequestBuilder tap = post("/play/{id}/edit", this.lottery.id()).with(signedIn(this.me))
				.with(csrf())
				.param("key", "saved-line-key")
				.param("lines[0].numbers", "7", "8", "9", "10", "11", "12")
				.param("lines[1].numbers", "")
				.param("_lines[1].numbers", "on")
				.param("action", "savedLine:" + this.birthdays.id());
			if (htmx) {
				tap.header("HX-Request", "true");
			}
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			String body = this.mvc.perform(tap)
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();
			before.assertUnchanged();
			Document page = Html.parse(body);
			assertThat(page.select("#line-0 .line-count").text()).as("htmx %s", htmx)
				.startsWith("6 of 6 chosen: 7, 8, 9, 10, 11, 12");
			assertThat(page.select("#line-1 .line-count").text()).as("htmx %s", htmx)
				.startsWith("6 of 6 chosen: 3, 17, 22, 45, 61, 88");
			assertThat(page.select("#line-1 input[checked]").eachAttr("value")).containsExactly("3", "17", "22", "45",
					"61", "88");
			assertThat(body.contains("<html")).as("the whole page without htmx").isEqualTo(!htmx);
		}
	}

	@Test
	void onAFullSlipTheLineGoesOnANewLine() throws Exception {
		Document page = Html.parse(
				this.mvc
					.perform(post("/play/{id}/edit", this.lottery.id()).with(signedIn(this.me))
						.with(csrf())
						.param("key", "saved-line-key")
						.param("lines[0].numbers", "7", "8", "9", "10", "11", "12")
						.param("action", "savedLine:" + this.birthdays.id()))
					.andExpect(status().isOk()));
		assertThat(page.select("fieldset.line")).hasSize(2);
		assertThat(page.select("#line-1 .line-count").text()).startsWith("6 of 6 chosen: 3, 17, 22, 45, 61, 88");
	}

	@Test
	void aLinkCarryingTheLineFillsTheFirstLine() throws Exception {
		Document page = Html.parse(this.mvc
			.perform(get("/play/{id}", this.lottery.id()).param("line", this.birthdays.id()).with(signedIn(this.me)))
			.andExpect(status().isOk()));
		assertThat(page.select("#line-0 .line-count").text()).startsWith("6 of 6 chosen: 3, 17, 22, 45, 61, 88");
	}

	@Test
	void theReceiptOffersToSaveEachLineInMyLines() throws Exception {
		BallotSlip slip = new TestSlips(this.context).play(this.me, this.lottery, 9, 19, 29, 39, 49, 59);
		Document receipt = Html.parse(this.mvc.perform(get("/my/ballots/{id}", slip.id()).with(signedIn(this.me)))
			.andExpect(status().isOk()));
		assertThat(receipt.select(".save-line a").text()).isEqualTo("Save line 1 in My lines");
		String href = receipt.select(".save-line a").attr("href");
		assertThat(href).isEqualTo("/my/lines?game=daily&numbers=9,19,29,39,49,59");

		Document form = Html.parse(this.mvc.perform(get(href).with(signedIn(this.me))).andExpect(status().isOk()));
		assertThat(form.select("#line-game option[selected]").val()).isEqualTo("daily");
		assertThat(form.select("#line-numbers").val()).isEqualTo("9 19 29 39 49 59");
		assertThat(form.select("#line-name").val()).isEmpty();

		// the list of My ballots stays as it was
		Document mine = Html.parse(this.mvc.perform(get("/my/ballots").with(signedIn(this.me))));
		assertThat(mine.select(".save-line")).isEmpty();
	}

	@Test
	void anotherParticipantsLineOrOneOfAnotherGameIsNotFoundAndChangesNothing() throws Exception {
		for (String id : new String[] { this.theirs.id(), this.weekly.id(), "no-such-line", "{\"$ne\":null}" }) {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
			String shown = this.mvc
				.perform(get("/play/{id}", this.lottery.id()).param("line", id).with(signedIn(this.me)))
				.andExpect(status().isNotFound())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(shown).as(id).doesNotContain("1, 2, 3, 4, 5, 6").doesNotContain("Charles");
			for (boolean htmx : new boolean[] { false, true }) {
				MockHttpServletRequestBuilder tap = post("/play/{id}/edit", this.lottery.id()).with(signedIn(this.me))
					.with(csrf())
					.param("key", "saved-line-key")
					.param("lines[0].numbers", "")
					.param("_lines[0].numbers", "on")
					.param("action", "savedLine:" + id);
				if (htmx) {
					tap.header("HX-Request", "true");
				}
				String body = this.mvc.perform(tap)
					.andExpect(status().isNotFound())
					.andReturn()
					.getResponse()
					.getContentAsString();
				assertThat(body).as(id).doesNotContain("1, 2, 3, 4, 5, 6").doesNotContain("Charles");
			}
			before.assertUnchanged();
		}
	}

}
