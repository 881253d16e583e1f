package com.novanta.winner;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditEvent;
import com.novanta.audit.TestAudit;
import com.novanta.lottery.Lottery;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class MyWinsControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	TestWins testWins;

	CurrentAccount winner;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.testWins = new TestWins(this.context);
		this.winner = new TestParticipants(this.context).verified("Grace Hopper", "Arlington");
		this.lottery = this.testWins.settledLottery();
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		this.mvc.perform(get("/my/wins")).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void listsTheParticipantsOwnWinsNewestFirstWithTheMatchedNumbers() throws Exception {
		Lottery later = this.testWins.settledLottery();
		Winner older = this.testWins.win(this.winner, this.lottery);
		Winner newer = this.testWins.win(this.winner, later, List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3, 4), 4,
				30_000L);
		CurrentAccount other = new TestParticipants(this.context).verified("Someone Else");
		Winner theirs = this.testWins.win(other, this.lottery);

		Document page = Html
			.parse(this.mvc.perform(get("/my/wins").with(signedIn(this.winner))).andExpect(status().isOk()));

		assertThat(page.select(".win .receipt a").eachText()).containsExactly(newer.receipt(), older.receipt())
			.doesNotContain(theirs.receipt());
		Element first = page.selectFirst(".win");
		assertThat(first.select(".ball-matched > span:first-child").eachText()).containsExactly("1", "2", "3", "4");
		assertThat(first.select(".ball-plain > span:first-child").eachText()).containsExactly("5", "6");
		assertThat(first.text()).contains("Won: 4 numbers matched").contains("€300.00").contains("Novanta 6/90");
		assertThat(first.select("input[type=checkbox]")).hasSize(2)
			.allSatisfy((box) -> assertThat(box.hasAttr("checked")).isFalse());
		assertThat(first.select(".publicity-status").text()).contains("Private");
		Element form = first.selectFirst("form.publicity");
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.select("input[name=_csrf]").val()).isNotEmpty();
		assertThat(form.select("noscript").html()).contains("Save my choice");
		assertThat(page.select(".win label").eachText()).contains("My city (Arlington)", "My prize");
	}

	@Test
	void aParticipantWithoutWinsIsToldSo() throws Exception {
		CurrentAccount nobody = new TestParticipants(this.context).verified("No Luck");
		Document page = Html.parse(this.mvc.perform(get("/my/wins").with(signedIn(nobody))).andExpect(status().isOk()));
		assertThat(page.select(".empty").text()).contains("No wins yet");
	}

	@Test
	void thePlainFormSavesTheChoiceAndComesBackToTheWin() throws Exception {
		Winner win = this.testWins.win(this.winner, this.lottery);

		this.mvc.perform(choose(win, true, false).param("page", "1"))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/my/wins?page=1#win-" + win.slipId().replace(':', '-') + "-0"))
			.andExpect(flash().attribute("saved", win.id()));

		assertThat(reload(win).shareCity()).isTrue();
		assertThat(reload(win).sharePrize()).isFalse();
		Document page = Html
			.parse(this.mvc.perform(get("/my/wins").with(signedIn(this.winner)).flashAttr("saved", win.id())));
		Element card = page.getElementById("win-" + win.slipId().replace(':', '-') + "-0");
		assertThat(card.selectFirst("input[name=shareCity]").hasAttr("checked")).isTrue();
		assertThat(card.selectFirst("input[name=sharePrize]").hasAttr("checked")).isFalse();
		assertThat(card.select(".publicity-status").text()).contains("Saved.")
			.contains("The lottery's page shows: Grace H., Arlington · 3 of 6")
			.doesNotContain("€25.00");
	}

	@Test
	void withHtmxEachChangeAnswersWithWhatThePublicSeesNow() throws Exception {
		Winner win = this.testWins.win(this.winner, this.lottery);

		String body = this.mvc.perform(choose(win, false, true).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(body).doesNotContain("<html").doesNotContain("<form");
		assertThat(Html.parse(body).text()).contains("Saved.")
			.contains("The lottery's page shows: Grace H. · 3 of 6 · €25.00")
			.doesNotContain("Arlington");
		body = this.mvc.perform(choose(win, false, false).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Html.parse(body).text()).contains("Private");
		assertThat(reload(win).sharePrize()).isFalse();
	}

	@Test
	void anotherParticipantsWinIsNotFoundAndStaysAsItWas() throws Exception {
		Winner win = this.testWins.win(this.winner, this.lottery);
		CurrentAccount intruder = new TestParticipants(this.context).verified("Mallory Intruder");

		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", win.slipId(), 0).with(csrf())
				.with(signedIn(intruder))
				.param("shareCity", "true")
				.param("sharePrize", "true"))
			.andExpect(status().isNotFound());
		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", win.slipId(), 0).with(csrf())
				.with(signedIn(intruder))
				.header("HX-Request", "true")
				.param("sharePrize", "true"))
			.andExpect(status().isNotFound());

		assertThat(reload(win).shareCity()).isFalse();
		assertThat(reload(win).sharePrize()).isFalse();
		assertThat(events(win)).isEmpty();
	}

	@Test
	void anUnknownWinIsNotFound() throws Exception {
		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", this.lottery.id() + ":999999999", 3).with(csrf())
				.with(signedIn(this.winner))
				.param("sharePrize", "true"))
			.andExpect(status().isNotFound());
	}

	@Test
	void changingTheChoiceNeedsTheCsrfToken() throws Exception {
		Winner win = this.testWins.win(this.winner, this.lottery);

		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", win.slipId(), 0).with(signedIn(this.winner))
				.param("shareCity", "true")
				.param("sharePrize", "true"))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", win.slipId(), 0).with(csrf().useInvalidToken())
				.with(signedIn(this.winner))
				.param("sharePrize", "true"))
			.andExpect(status().isForbidden());

		assertThat(reload(win).shareCity()).isFalse();
		assertThat(reload(win).sharePrize()).isFalse();
	}

	@Test
	void eachChangeIsInTheAuditLogWithTheValuesBeforeAndAfter() throws Exception {
		Winner win = this.testWins.win(this.winner, this.lottery);

		this.mvc.perform(choose(win, true, true)).andExpect(status().is3xxRedirection());
		this.mvc.perform(choose(win, true, true)).andExpect(status().is3xxRedirection());
		this.mvc.perform(choose(win, false, true)).andExpect(status().is3xxRedirection());

		List<AuditEvent> events = events(win);
		// saving the same choice again changes nothing and records nothing
		assertThat(events).hasSize(2);
		assertThat(events).allSatisfy((event) -> {
			assertThat(event.actorId()).isEqualTo(this.winner.id());
			assertThat(event.actorEmail()).isEqualTo(this.winner.email());
			assertThat(event.targetType()).isEqualTo("winner");
		});
		assertThat(events.get(0).before()).containsEntry("shareCity", false).containsEntry("sharePrize", false);
		assertThat(events.get(0).after()).containsEntry("shareCity", true).containsEntry("sharePrize", true);
		assertThat(events.get(1).before()).containsEntry("shareCity", true).containsEntry("sharePrize", true);
		assertThat(events.get(1).after()).containsEntry("shareCity", false).containsEntry("sharePrize", true);
	}

	@Test
	void aValueThatIsNotAChoiceIsRefused() throws Exception {
		Winner win = this.testWins.win(this.winner, this.lottery);
		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", win.slipId(), 0).with(csrf())
				.with(signedIn(this.winner))
				.param("sharePrize", "perhaps"))
			.andExpect(status().isBadRequest());
		assertThat(reload(win).sharePrize()).isFalse();
	}

	private MockHttpServletRequestBuilder choose(Winner win, boolean shareCity, boolean sharePrize) {
		MockHttpServletRequestBuilder request = post("/my/wins/{slip}/{line}/publicity", win.slipId(), win.line())
			.with(csrf())
			.with(signedIn(this.winner));
		if (shareCity) {
			request.param("shareCity", "true");
		}
		if (sharePrize) {
			request.param("sharePrize", "true");
		}
		return request;
	}

	private Winner reload(Winner win) {
		return this.mongo.findById(win.id(), Winner.class);
	}

	/** The win's audit entries, oldest first. */
	private List<AuditEvent> events(Winner win) {
		return new TestAudit(this.context).about(win.id(), WinPublicity.CHANGED.name());
	}

}
