package com.novanta.testing;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.ResultActions;

/** Parses a page the way a browser would, to assert on it with CSS selectors. */
public final class Html {

	private Html() {
	}

	public static Document parse(ResultActions result) throws Exception {
		return parse(result.andReturn());
	}

	public static Document parse(MvcResult result) throws Exception {
		return Jsoup.parse(result.getResponse().getContentAsString());
	}

	public static Document parse(String html) {
		return Jsoup.parse(html);
	}

	/**
	 * The page without its CSRF tokens, which differ on every response, and without the
	 * server's time it was written at (for its countdowns), so that two answers can be
	 * compared for everything else.
	 */
	public static String withoutCsrfTokens(String html) {
		return html.replaceAll("(name=\"_csrf\"\\s+value=\")[^\"]*\"", "$1\"")
			.replaceAll("(name=\"csrf-token\"\\s+content=\")[^\"]*\"", "$1\"")
			.replaceAll("(hx-headers=\")[^\"]*\"", "$1\"")
			.replaceAll("(name=\"server-time\"\\s+content=\")[^\"]*\"", "$1\"");
	}

}
