package com.novanta.lottery;

import java.util.List;
import java.util.Locale;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.Odds;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@IntegrationTest
class HomeControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Lotteries lotteries;

	@Autowired
	GameCatalog games;

	@Test
	void homePageUsesTheLayout() throws Exception {
		Document page = Html.parse(
				this.mvc.perform(get("/")).andExpect(status().isOk()).andExpect(view().name(HomeController.HOME_VIEW)));
		assertThat(page.select("header a.brand")).hasSize(1);
		assertThat(page.select("main#main")).hasSize(1);
		assertThat(page.select("footer")).hasSize(1);
		// from the main game's configuration: 6 from 90, drawn daily at 00:00
		assertThat(page.select("meta[name=description]").attr("content"))
			.isEqualTo("Choose 6 numbers from 1 to 90. A draw every day at midnight.");
		assertThat(page.select("meta[name=csrf-token]").attr("content")).isNotBlank();
		assertThat(page.select("script[src*=htmx]").attr("src")).startsWith("/webjars/htmx.org/");
	}

	@Test
	void leadsWithTheNextDrawItsJackpotAndTheOddsOfEachPrize() throws Exception {
		Lottery next = this.lotteries.open().get(0);
		Game game = this.games.get(next.gameId());
		long jackpot = this.lotteries.jackpotNow(next, game).orElseThrow();

		Element lead = Html.parse(this.mvc.perform(get("/")).andExpect(status().isOk()))
			.selectFirst("section.next-draw");
		assertThat(lead.attr("data-lottery")).isEqualTo(next.id());
		assertThat(lead.select("h1#next-heading").text()).isEqualTo(en("Jackpot €%,d", jackpot / 100));
		assertThat(lead.select(".draw-when").text()).startsWith("Draw ");
		assertThat(lead.select("a.button-gold").text()).isEqualTo("Play now");
		assertThat(lead.select("a.button-gold").attr("href")).isEqualTo("/play/" + next.id());
		assertThat(lead.select(".prize-table tbody tr")).hasSize(game.tiers().size());
		assertThat(lead.select(".prize-jackpot td").eachText()).containsExactly(en("Jackpot €%,d", jackpot / 100),
				en("1 in %,d", Odds.oneIn(game, game.picks())));
		assertThat(lead.select(".prize-table tfoot td").text()).isEqualTo(en("1 in %,d", Odds.anyPrizeOneIn(game)));
	}

	@Test
	void theOtherOpenLotteriesFollowAndOnlyTheNextOfEachGameSaysItsJackpot() throws Exception {
		List<Lottery> open = this.lotteries.open();
		Document page = Html.parse(this.mvc.perform(get("/")).andExpect(status().isOk()));
		assertThat(page.select(".open-row").eachAttr("data-lottery"))
			.containsExactlyElementsOf(open.stream().skip(1).map(Lottery::id).toList());
		Lottery laterOfTheSameGame = open.stream()
			.skip(1)
			.filter((l) -> l.gameId().equals(open.get(0).gameId()))
			.findFirst()
			.orElseThrow();
		assertThat(page.select(".open-row[data-lottery=" + laterOfTheSameGame.id() + "] .open-row-jackpot")).isEmpty();
		assertThat(page.select(".open-row[data-lottery=" + laterOfTheSameGame.id() + "] a.button").attr("aria-label"))
			.startsWith("Play ");
	}

	@Test
	void luckyNumbersWithoutJavaScriptRenderTheWholePageAndCanBePlayedInTheNextDraw() throws Exception {
		Document page = Html.parse(this.mvc.perform(post("/lucky-numbers").with(csrf())).andExpect(status().isOk()));
		assertThat(page.select("html")).hasSize(1);
		List<String> numbers = page.select("#lucky-numbers .ball").eachText();
		assertThat(numbers).hasSize(6);
		assertThat(page.select("#play-lucky").text()).isEqualTo("Play these numbers");
		assertThat(page.select("#play-lucky").attr("href"))
			.isEqualTo("/play/" + this.lotteries.open().get(0).id() + "?numbers=" + String.join(",", numbers));
	}

	@Test
	void luckyNumbersForHtmxAreOnlyTheFragment() throws Exception {
		this.mvc.perform(post("/lucky-numbers").with(csrf()).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("<html"))))
			.andExpect(content().string(containsString("id=\"lucky-numbers\"")));
	}

	@Test
	void postWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/lucky-numbers")).andExpect(status().isForbidden());
	}

	@Test
	void speaksItalianWhenAsked() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/").param("lang", "it")).andExpect(status().isOk()));
		assertThat(page.select("html").attr("lang")).isEqualTo("it");
		assertThat(page.select("#lucky-heading").text()).isEqualTo("Ti senti fortunato?");
	}

	@Test
	void followsTheBrowserLanguageAndIgnoresUnsupportedOnes() throws Exception {
		assertThat(Html.parse(this.mvc.perform(get("/").header("Accept-Language", "it-IT,it;q=0.9")))
			.select("html")
			.attr("lang")).isEqualTo("it");
		assertThat(Html.parse(this.mvc.perform(get("/").param("lang", "xx")).andExpect(status().isOk()))
			.select("html")
			.attr("lang")).isEqualTo("en");
	}

	@Test
	void sendsSecurityHeaders() throws Exception {
		this.mvc.perform(get("/"))
			.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
			.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
	}

	private static String en(String format, Object... values) {
		return String.format(Locale.ENGLISH, format, values);
	}

}
