package com.novanta.web;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages no other journey reaches: the results list, the terms of play and the error
 * pages, each checked (accessibility) on a computer and on a phone, where it must not
 * scroll sideways.
 */
@BrowserTest
class PublicPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Browser browser;

	SoftAssertions phones = new SoftAssertions();

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.get();
	}

	@Test
	void aVisitorFindsTheResultsAndTheTermsOfPlay() {
		this.browser.open(url("/"));
		this.browser.follow(By.cssSelector("header nav a[href='/lotteries']"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Lotteries and results");
		this.browser.onComputerAndPhone("lotteries", this.phones);

		this.browser.follow(By.cssSelector("header nav a[href='/signup']"));
		this.browser.followToNewTab(By.linkText("terms of play"));
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(url("/terms"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Terms of play");
		this.browser.onComputerAndPhone("terms", this.phones);
		this.phones.assertAll();
	}

	@Test
	void aMistypedAddressGetsThePageNotFoundAndAWayHome() {
		this.browser.open(url("/lotteries/no-such-lottery"));
		assertThat(errorCode()).isEqualTo("Error 404");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("We could not find that page");
		this.browser.onComputerAndPhone("error-404", this.phones);
		this.phones.assertAll();

		this.browser.follow(By.linkText("Back to the home page"));
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(url("/"));
	}

	@Test
	void anAddressEditedByHandGetsTheBadRequestPage() {
		this.browser.open(url("/lotteries?page=two"));
		assertThat(errorCode()).isEqualTo("Error 400");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("We could not understand that request");
		this.browser.onComputerAndPhone("error-400", this.phones);
		this.phones.assertAll();
	}

	@Test
	void aParticipantWhoOpensTheAdminAreaIsToldItIsNotForThem() {
		CurrentAccount player = new TestParticipants(this.context).verified("Curious Participant");
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		assertThat(this.browser.findAll(By.cssSelector("header nav a[href='/admin']"))).isEmpty();

		this.browser.open(url("/admin"));
		assertThat(errorCode()).isEqualTo("Error 403");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("You are not allowed to see this page");
		this.browser.onComputerAndPhone("error-403", this.phones);
		this.phones.assertAll();
	}

	/** The error code as written (the page shows it in capitals). */
	private String errorCode() {
		return this.browser.find(By.cssSelector(".error-code")).getDomProperty("textContent").strip();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
