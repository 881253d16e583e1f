package com.novanta.lottery;

import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The results archive pages through the lotteries and keeps its filter on every page. */
@IntegrationTest
class LotteryListPaginationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Test
	void pagesKeepTheirFilterAndLinkToTheirNeighbours() throws Exception {
		TestLotteries lotteries = new TestLotteries(this.context);
		for (int i = 0; i <= LotteryController.PAGE_SIZE; i++) {
			lotteries.open("daily");
		}

		Document first = Html
			.parse(this.mvc.perform(get("/lotteries").param("game", "daily")).andExpect(status().isOk()));
		assertThat(first.select("nav.pagination a[rel=prev]")).isEmpty();
		assertThat(first.select("nav.pagination a[rel=next]").attr("href"))
			.matches("/lotteries\\?game=daily(&date=)?&page=2");
		assertThat(first.select("nav.pagination span").text()).startsWith("Page 1 of ");

		Document second = Html.parse(this.mvc.perform(get("/lotteries").param("game", "daily").param("page", "2"))
			.andExpect(status().isOk()));
		assertThat(second.select("nav.pagination a[rel=prev]").attr("href"))
			.matches("/lotteries\\?game=daily(&date=)?&page=1");
		assertThat(second.select("nav.pagination").attr("aria-label")).isNotBlank();
		assertThat(second.select("nav.pagination span").text()).startsWith("Page 2 of ");
	}

}
