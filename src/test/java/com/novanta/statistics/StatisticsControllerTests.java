package com.novanta.statistics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class StatisticsControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void anyoneSeesHowOftenEachNumberWasDrawnBetweenTwoDates() throws Exception {
		Lottery first = drawn("daily");
		Lottery second = drawn("daily");
		Map<Integer, Integer> expected = new HashMap<>();
		for (Lottery lottery : List.of(first, second)) {
			lottery.winningNumbers().forEach((n) -> expected.merge(n, 1, Integer::sum));
		}

		Document page = Html.parse(
				this.mvc
					.perform(get("/statistics").param("game", "daily")
						.param("period", "dates")
						.param("from", first.drawDate().toString())
						.param("to", second.drawDate().toString()))
					.andExpect(status().isOk()));

		assertThat(page.select("#stats-summary").text()).startsWith("2 draws of Novanta 6/90, from");
		List<Element> rows = page.select("#stats-table tbody tr");
		assertThat(rows).hasSize(90);
		for (Element row : rows) {
			int number = Integer.parseInt(row.selectFirst("th span").text());
			assertThat(row.select("td").get(0).text()).as("number %d", number)
				.isEqualTo(String.valueOf(expected.getOrDefault(number, 0)));
		}
		Element svg = page.selectFirst("#stats-chart svg");
		assertThat(svg.attr("role")).isEqualTo("img");
		assertThat(page.getElementById(svg.attr("aria-labelledby")).text())
			.isEqualTo("How often each number of Novanta 6/90 was drawn in 2 draws");
		assertThat(page.getElementById(svg.attr("aria-describedby")).text()).contains("Each tile is a number");
		assertThat(svg.attr("viewBox")).isEqualTo("0 0 574 516");
		assertThat(svg.select("g.tile")).hasSize(90);
		assertThat(svg.select("g.tile text.tile-number").eachText()).first().isEqualTo("1");
		assertThat(page.select("#stats-hot .ball")).isNotEmpty();
		assertThat(page.select("#stats-overdue .ball")).hasSize(6);
		assertThat(page.select("#stats-overdue").text()).contains("not in these draws");
		// nothing but this site's own styles: no style attribute anywhere
		assertThat(page.select("[style]")).isEmpty();
	}

	@Test
	void eachGameHasItsOwnNumbers() throws Exception {
		Lottery saturday = drawn("saturday");

		Document page = Html.parse(
				this.mvc
					.perform(get("/statistics").param("game", "saturday")
						.param("from", saturday.drawDate().toString())
						.param("to", saturday.drawDate().toString()))
					.andExpect(status().isOk()));

		assertThat(page.select("#stats-period option[selected]").val()).isEqualTo("dates");
		assertThat(page.select("#stats-game option[selected]").val()).isEqualTo("saturday");
		assertThat(page.select("#stats-table tbody tr")).hasSize(50);
		assertThat(page.select("#stats-chart g.tile")).hasSize(50);
		assertThat(page.select("#stats-summary").text()).startsWith("1 draw of Sabato 5/50");
		assertThat(page.select("#stats-hot .ball").eachText())
			.containsExactlyElementsOf(saturday.winningNumbers().stream().map(String::valueOf).toList());
	}

	@Test
	void aPeriodWithoutDrawsSaysSo() throws Exception {
		Document page = Html.parse(
				this.mvc
					.perform(get("/statistics").param("game", "daily")
						.param("period", "dates")
						.param("from", "2001-01-01")
						.param("to", "2001-01-31"))
					.andExpect(status().isOk()));
		assertThat(page.select(".empty").text()).isEqualTo("No draw of Novanta 6/90 in this period yet.");
		assertThat(page.select("#stats-chart")).isEmpty();
	}

	@Test
	void theDefaultPageShowsTheFormForEveryGameAndPeriod() throws Exception {
		Document page = Html.parse(this.mvc.perform(get("/statistics")).andExpect(status().isOk()));
		assertThat(page.select("#stats-game option").eachAttr("value")).containsExactly("daily", "saturday");
		assertThat(page.select("#stats-period option").eachAttr("value")).containsExactly("30", "90", "365", "all",
				"dates");
		assertThat(page.select("#stats-period option[selected]").val()).isEqualTo("all");
		assertThat(page.select("nav.site-nav a[href='/statistics']").text()).isEqualTo("Statistics");
	}

	@Test
	void anEndBeforeTheStartIsRefusedWithAClearMessage() throws Exception {
		Document page = Html.parse(this.mvc
			.perform(get("/statistics").param("period", "dates").param("from", "2026-03-01").param("to", "2026-02-01"))
			.andExpect(status().isBadRequest()));
		assertThat(page.select("#stats-to").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#stats-to-error").text()).isEqualTo("The end date must be on or after the start date.");
		assertThat(page.select("#stats-to").val()).isEqualTo("2026-02-01");
		assertThat(page.select("[role=alert]").text()).contains("check your choices");
		assertThat(page.select("#stats-chart")).isEmpty();
		assertThat(page.select("#stats-table")).isEmpty();
	}

	@Test
	void otherBadInputIsRefusedWithAClearMessage() throws Exception {
		assertThat(error("game=bingo", "#stats-game-error")).isEqualTo("Choose one of the games in the list.");
		assertThat(error("period=7", "#stats-period-error")).isEqualTo("Choose one of the periods in the list.");
		assertThat(error("period=dates", "#stats-from-error")).isEqualTo("Enter a start date, an end date or both.");
		assertThat(error("period=dates&from=2026-13-01", "#stats-from-error"))
			.isEqualTo("Enter a date such as 2026-11-25.");
		assertThat(error("to=soon", "#stats-to-error")).isEqualTo("Enter a date such as 2026-11-25.");
	}

	@Test
	void withHtmxOnlyTheFormAndResultsComeBack() throws Exception {
		String body = this.mvc.perform(get("/statistics").param("period", "90").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).doesNotContain("<html").doesNotContain("site-header").contains("id=\"explorer\"");
		assertThat(Html.parse(body).select("#stats-period option[selected]").val()).isEqualTo("90");
		String refused = this.mvc.perform(get("/statistics").param("game", "bingo").header("HX-Request", "true"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(refused).doesNotContain("<html").contains("Choose one of the games in the list.");
	}

	@Test
	void speaksItalianToo() throws Exception {
		Lottery lottery = drawn("daily");
		Document page = Html.parse(
				this.mvc
					.perform(get("/statistics").param("lang", "it")
						.param("from", lottery.drawDate().toString())
						.param("to", lottery.drawDate().toString()))
					.andExpect(status().isOk()));
		assertThat(page.select("h1").text()).isEqualTo("Statistiche dei numeri");
		assertThat(page.select("#stats-summary").text()).startsWith("1 estrazione di Novanta 6/90, dal");
		assertThat(page.select("#stats-hot .stat-note").eachText()).containsOnly("una volta");
		assertThat(page.select("#stats-overdue").text()).contains("mai in queste estrazioni");
	}

	private String error(String query, String selector) throws Exception {
		Document page = Html
			.parse(this.mvc.perform(get("/statistics?" + query)).andExpect(status().isBadRequest()).andReturn());
		return page.select(selector).text();
	}

	/** A lottery of its own, drawn at its close instant (only this one). */
	private Lottery drawn(String gameId) {
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery lottery = lotteries.open(gameId);
		assertThat(TestPipelines.drawAtClose(this.context, lottery).isAtLeast(LotteryStatus.DRAWN)).isTrue();
		return lotteries.reload(lottery);
	}

}
