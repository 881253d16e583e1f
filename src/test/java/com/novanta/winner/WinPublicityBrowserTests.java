package com.novanta.winner;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
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

/**
 * A winner finds their win, shares their city and prize, sees them on the lottery's
 * public page, and takes them back.
 */
@BrowserTest
class WinPublicityBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Browser browser;

	Lottery lottery;

	CurrentAccount player;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		this.lottery = new TestLotteries(this.context).open("daily");
		this.player = new TestParticipants(this.context).verified("Grace Hopper", "Arlington");
	}

	@Test
	void aWinnerSharesTheirWinAndSeesItOnThePublicLotteryPage() {
		playAWinningBallotAndDraw();
		signIn(this.player.email());

		this.browser.open(url("/my/wins"));
		WebElement card = this.browser.find(By.cssSelector("article.win"));
		assertThat(card.getText()).contains("Won: 3 numbers matched").contains("€25.00");
		assertThat(card.findElements(By.cssSelector(".ball-matched"))).hasSize(3);
		String id = card.getAttribute("id");
		String status = "#" + id + "-status";
		assertThat(this.browser.text(By.cssSelector(status))).contains("Private");

		this.browser.clickAndSettle(By.cssSelector("#" + id + "-city"));
		this.browser.waitUntil(
				ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(status), "Grace H., Arlington"));
		this.browser.clickAndSettle(By.cssSelector("#" + id + "-prize"));
		this.browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(status), "€25.00"));
		assertThat(this.browser.text(By.cssSelector(status))).contains("Saved.");
		this.browser.checkAccessibility();
		this.browser.screenshot("my-wins");
		this.browser.setWindowSize(390, 844);
		this.browser.screenshot("my-wins-phone");
		this.browser.setWindowSize(1280, 900);

		this.browser.open(url("/lotteries/" + this.lottery.id()));
		List<String> row = this.browser.findAll(By.cssSelector("#shared-wins tbody tr td"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(row).containsExactly("Grace H.", "Arlington", "3 of 6", "€25.00");
		assertThat(this.browser.find(By.tagName("body")).getText()).doesNotContain("Hopper")
			.doesNotContain(this.player.email());
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView()",
				this.browser.find(By.id("shared-wins")));
		this.browser.screenshot("lottery-shared-wins");

		this.browser.open(url("/my/wins"));
		this.browser.clickAndSettle(By.cssSelector("#" + id + "-city"));
		this.browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(status), "Saved."));
		this.browser.clickAndSettle(By.cssSelector("#" + id + "-prize"));
		this.browser.waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(status), "Private"));

		this.browser.open(url("/lotteries/" + this.lottery.id()));
		assertThat(this.browser.findAll(By.cssSelector("#shared-wins tbody tr"))).isEmpty();
		assertThat(this.browser.find(By.id("shared-wins")).getText())
			.contains("No winner of this draw has chosen to share their win.")
			.doesNotContain("Grace");
	}

	/**
	 * The draw is a function of the seed and of the ballots: knowing the seed, the one
	 * ballot of this lottery is chosen to match three winning numbers.
	 */
	private void playAWinningBallotAndDraw() {
		int[] ballot = WinningBallots
			.onlySlipMatching(this.lottery.id(), new TestLotteries(this.context).drawInputs(this.lottery.id()), 7, 3)
			.ballot(0);
		new TestSlips(this.context).play(this.player, this.lottery, ballot);
		assertThat(TestPipelines.drawAtClose(this.context, this.lottery).isAtLeast(LotteryStatus.SETTLED)).isTrue();
	}

	private void signIn(String email) {
		SignInPage.open(this.browser, url("")).signIn(email, TestParticipants.PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
