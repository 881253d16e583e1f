package com.novanta.web;

import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
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

	@Test
	void homePageUsesTheLayout() throws Exception {
		Document page = Html.parse(
				this.mvc.perform(get("/")).andExpect(status().isOk()).andExpect(view().name(HomeController.HOME_VIEW)));
		assertThat(page.select("header a.brand")).hasSize(1);
		assertThat(page.select("main#main")).hasSize(1);
		assertThat(page.select("footer")).hasSize(1);
		assertThat(page.select("meta[name=csrf-token]").attr("content")).isNotBlank();
		assertThat(page.select("script[src*=htmx]").attr("src")).startsWith("/webjars/htmx.org/");
	}

	@Test
	void luckyNumbersWithoutJavaScriptRenderTheWholePage() throws Exception {
		Document page = Html.parse(this.mvc.perform(post("/lucky-numbers").with(csrf())).andExpect(status().isOk()));
		assertThat(page.select("html")).hasSize(1);
		assertThat(page.select("#lucky-numbers .ball")).hasSize(6);
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

}
