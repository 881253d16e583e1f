package com.novanta.config;

import java.time.Instant;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.DatabaseReads;
import com.novanta.testing.MutableClock;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor in a real browser on the pages shared by visitors who are not signed in
 * ({@link SharedPages}), as production serves them (the other browser tests run without,
 * their clock standing still): the home page served from memory still picks lucky numbers
 * with htmx (its CSRF token is the visitor's own), Italian stays Italian, and signing in
 * brings the participant's own page.
 */
@BrowserTest
@TestPropertySource(properties = "lottery.web.shared-pages=true")
class SharedPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.get();
		// a whole second, so that the pages below are read within one
		this.clock.freezeAt(Instant.ofEpochSecond(this.clock.instant().getEpochSecond() + 1));
	}

	@Test
	void aVisitorPlaysWithAPageServedFromMemoryThenSignsIn() {
		this.browser.open(url("/"));
		try (DatabaseReads.Recording reads = DatabaseReads.finds("lotteries")) {
			this.browser.reload();
			assertThat(reads.filters()).as("served from memory").isEmpty();
		}
		this.browser.clickAndSettle(By.cssSelector(".lucky button"));
		this.browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lucky-numbers .ball"), 6));

		this.browser.follow(By.cssSelector("a[hreflang='it']"));
		this.browser.follow(By.cssSelector("header nav a[href='/']"));
		assertThat(this.browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("it");
		assertThat(this.browser.find(By.id("lucky-heading")).getText()).isEqualTo("Ti senti fortunato?");
		this.browser.follow(By.cssSelector("a[hreflang='en']"));

		CurrentAccount player = new TestParticipants(this.context).verified("Shared Browser");
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		this.browser.open(url("/"));
		assertThat(this.browser.findAll(By.cssSelector("header nav a[href='/my/ballots']"))).hasSize(1);
		assertThat(this.browser.findAll(By.cssSelector("header nav a[href='/signup']"))).isEmpty();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
