package com.novanta.winner;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A winner's identity, email and city never reach a public page or endpoint, except what
 * the winner chose to share, and only while they share it.
 */
@IntegrationTest
class WinnerPrivacyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	TestWins testWins;

	CurrentAccount winner;

	Lottery lottery;

	Winner win;

	@BeforeEach
	void setUp() {
		this.testWins = new TestWins(this.context);
		this.winner = new TestParticipants(this.context).verified("Zenobia Quartermaine", "Vipiteno");
		this.lottery = this.testWins.settledLottery();
		this.win = this.testWins.win(this.winner, this.lottery);
	}

	@Test
	void noPublicPageOrEndpointRevealsAWinnerWhoSharesNothing() throws Exception {
		for (String url : publicUrls()) {
			assertRevealsNothing(url, get(url));
			assertRevealsNothing(url + " (htmx)", get(url).header("HX-Request", "true"));
			assertRevealsNothing(url + " (json)", get(url).accept("application/json"));
		}
		Element section = sharedWins();
		assertThat(section.text()).contains("No winner of this draw has chosen to share their win.");
		assertThat(section.select("tbody tr")).isEmpty();
	}

	@Test
	void sharingOnlyThePrizeShowsTheFirstNameInitialTierAndPrizeButNeverTheCity() throws Exception {
		choose(false, true);

		Element row = sharedWins().selectFirst("tbody tr");
		assertThat(row.select("td").eachText()).containsExactly("Zenobia Q.", "not shared", "3 of 6", "€25.00");
		for (String url : publicUrls()) {
			String body = body(get(url));
			assertThat(body).as(url)
				.doesNotContain("Quartermaine")
				.doesNotContain("Vipiteno")
				.doesNotContain(this.winner.email())
				.doesNotContain(this.winner.id());
		}
	}

	@Test
	void sharingOnlyTheCityShowsItWithoutThePrize() throws Exception {
		choose(true, false);

		Element row = sharedWins().selectFirst("tbody tr");
		assertThat(row.select("td").eachText()).containsExactly("Zenobia Q.", "Vipiteno", "3 of 6", "not shared");
		assertThat(body(get("/lotteries/{id}", this.lottery.id()))).doesNotContain("€25.00")
			.doesNotContain("Quartermaine")
			.doesNotContain(this.winner.email());
	}

	@Test
	void aSharedWinAppearsAndDisappearsWithTheWinnersChoice() throws Exception {
		assertThat(body(get("/lotteries/{id}", this.lottery.id()))).doesNotContain("Zenobia");

		choose(true, true);
		assertThat(sharedWins().select("tbody tr td").eachText()).containsExactly("Zenobia Q.", "Vipiteno", "3 of 6",
				"€25.00");

		choose(false, false);
		for (String url : publicUrls()) {
			assertRevealsNothing(url, get(url));
		}
		assertThat(sharedWins().select("tbody tr")).isEmpty();
	}

	@Test
	void onlyTheWinsTheirWinnersShareAreListedBestTierFirst() throws Exception {
		CurrentAccount shy = new TestParticipants(this.context).verified("Bashful Hermit", "Nowhereville");
		this.testWins.win(shy, this.lottery);
		CurrentAccount proud = new TestParticipants(this.context).verified("Ada Lovelace", "London");
		Winner big = this.testWins.win(proud, this.lottery, List.of(1, 2, 3, 4, 5, 6), List.of(1, 2, 3, 4, 5), 5,
				1_000_000L);
		this.mvc
			.perform(post("/my/wins/{slip}/{line}/publicity", big.slipId(), big.line()).with(csrf())
				.with(signedIn(proud))
				.param("shareCity", "true")
				.param("sharePrize", "true"))
			.andExpect(status().is3xxRedirection());
		choose(false, true);

		Element section = sharedWins();
		assertThat(section.select("tbody tr td:first-child").eachText()).containsExactly("Ada L.", "Zenobia Q.");
		assertThat(section.text()).doesNotContain("Bashful").doesNotContain("Hermit").doesNotContain("Nowhereville");
		assertThat(section.select("tbody tr").first().text()).contains("London").contains("5 of 6");
	}

	private void choose(boolean shareCity, boolean sharePrize) throws Exception {
		MockHttpServletRequestBuilder request = post("/my/wins/{slip}/{line}/publicity", this.win.slipId(),
				this.win.line())
			.with(csrf())
			.with(signedIn(this.winner));
		if (shareCity) {
			request.param("shareCity", "true");
		}
		if (sharePrize) {
			request.param("sharePrize", "true");
		}
		this.mvc.perform(request).andExpect(status().is3xxRedirection());
	}

	private Element sharedWins() throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/lotteries/{id}", this.lottery.id())).andExpect(status().isOk()).andReturn());
		Element section = page.getElementById("shared-wins");
		assertThat(section).as("the shared wins section").isNotNull();
		return section;
	}

	/** The public pages and endpoints where a lottery's results or winners could show. */
	private List<String> publicUrls() {
		return List.of("/", "/lotteries", "/lotteries?game=daily", "/lotteries?date=" + this.lottery.drawDate(),
				"/lotteries/" + this.lottery.id(), "/statistics", "/statistics?game=daily&period=all",
				"/statistics?game=daily&period=range&from=" + this.lottery.drawDate() + "&to="
						+ this.lottery.drawDate(),
				"/terms", "/my/wins", "/my/ballots", "/admin", "/admin/lotteries/" + this.lottery.id());
	}

	private void assertRevealsNothing(String what, MockHttpServletRequestBuilder request) throws Exception {
		assertThat(body(request)).as(what)
			.doesNotContain("Zenobia")
			.doesNotContain("Quartermaine")
			.doesNotContain("Vipiteno")
			.doesNotContain(this.winner.email())
			.doesNotContain(this.winner.id());
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

}
