package com.novanta.web;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The site in Italian, page by page, as a visitor and then as an admin who plays: every
 * page is in Italian (its title and the language the page declares), and, like every page
 * a browser test reaches, passes the accessibility check and fits a computer's and a
 * phone's screen (Italian words are longer).
 */
@BrowserTest
class ItalianBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void everyPageSpeaksItalianAndFitsAPhone() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		CurrentAccount admin = new TestParticipants(this.context).admin("Grazia Deledda");
		Browser browser = Browser.get();

		browser.open(url("/"));
		browser.follow(By.cssSelector("a[hreflang='it']"));
		assertItalian(browser, "/");
		for (String page : List.of("/lotteries", "/lotteries/" + lottery.id(), "/statistics", "/terms", "/signup",
				"/password/forgot", "/signin", "/no-such-page")) {
			browser.open(url(page));
			assertItalian(browser, page);
		}

		SignInPage.open(browser, url("")).signIn(admin.email(), TestParticipants.PASSWORD);
		// the account was made in English: its owner switches, as the visitor did
		browser.follow(By.cssSelector("a[hreflang='it']"));
		for (String page : List.of("/", "/play", "/play/" + lottery.id(), "/my/ballots", "/my/wins", "/account",
				"/admin", "/admin/lotteries", "/admin/lotteries/" + lottery.id(), "/admin/participants",
				"/admin/participants/" + admin.id(), "/admin/winners", "/admin/outbox", "/admin/audit")) {
			browser.open(url(page));
			assertItalian(browser, page);
		}
	}

	private static void assertItalian(Browser browser, String page) {
		assertThat(browser.find(By.tagName("html")).getDomAttribute("lang")).as("the language of %s", page)
			.isEqualTo("it");
		assertThat(browser.find(By.cssSelector("header nav")).getText()).as("the menu of %s", page)
			.contains("Risultati");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
