package com.novanta.lottery;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class HomeBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.get();
	}

	@Test
	void luckyNumbersAppearWithoutReloadingThePage() {
		this.browser.open(url("/"));
		assertThat(this.browser.driver().getTitle()).isEqualTo("Home · Novanta");
		// A marker that a full page load would lose: proves htmx swapped only a part.
		((JavascriptExecutor) this.browser.driver()).executeScript("window.notReloaded = true");

		this.browser.clickAndSettle(By.cssSelector(".lucky button"));
		this.browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lucky-numbers .ball"), 6));

		Object marker = ((JavascriptExecutor) this.browser.driver())
			.executeScript("return window.notReloaded === true");
		assertThat(marker).isEqualTo(true);
		assertThat(this.browser.findAll(By.cssSelector("#lucky-numbers .ball")))
			.extracting((ball) -> Integer.parseInt(ball.getText()))
			.hasSize(6)
			.doesNotHaveDuplicates()
			.allSatisfy((n) -> assertThat(n).isBetween(1, 90));
		this.browser.checkAccessibility();
		this.browser.screenshot("home-lucky-numbers");
	}

	@Test
	void luckyNumbersArePlayedInTheNextDrawInOneTapAfterSigningIn() {
		CurrentAccount player = new TestParticipants(this.context).verified("Lucky Luciano");
		this.browser.open(url("/"));
		String next = this.browser.find(By.cssSelector("section.next-draw")).getDomAttribute("data-lottery");
		assertThat(this.browser.text(By.cssSelector("#next-heading .jackpot-amount"))).matches("€\\d{1,3}(,\\d{3})*");
		this.browser.clickAndSettle(By.cssSelector(".lucky button"));
		this.browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#lucky-numbers .ball"), 6));
		List<String> lucky = this.browser.findAll(By.cssSelector("#lucky-numbers .ball"))
			.stream()
			.map(WebElement::getText)
			.toList();

		this.browser.follow(By.id("play-lucky"));
		SignInPage.at(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);

		assertThat(this.browser.driver().getCurrentUrl()).startsWith(url("/play/" + next));
		assertThat(this.browser.findAll(By.cssSelector("#line-0 input:checked"))
			.stream()
			.map((box) -> box.getDomAttribute("value"))
			.toList()).containsExactlyElementsOf(lucky);
		assertThat(this.browser.text(By.id("play-total"))).startsWith("1 line to play");
	}

	@Test
	void switchesToItalian() {
		this.browser.open(url("/"));
		this.browser.follow(By.cssSelector("a[hreflang='it']"));
		assertThat(this.browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("it");
		assertThat(this.browser.find(By.id("lucky-heading")).getText()).isEqualTo("Ti senti fortunato?");
		this.browser.follow(By.cssSelector("a[hreflang='en']"));
		assertThat(this.browser.find(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
	}

	@Test
	void looksRightOnAPhone() {
		this.browser.setWindowSize(390, 844);
		this.browser.open(url("/"));
		this.browser.screenshot("home-phone");
		assertThat(this.browser.widthBeyondWindow()).as("CSS pixels beyond the phone's screen").isLessThanOrEqualTo(0);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
