package com.novanta.draw;

import java.util.Arrays;
import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.PlayPages;
import com.novanta.game.NumberSet;
import com.novanta.fairness.Fairness;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
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
 * After a draw, the participant sees the winning numbers, their matched numbers and their
 * prize, and anyone can check the draw on the lottery page.
 */
@BrowserTest
class DrawBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	MutableClock clock;

	Browser browser;

	Lottery lottery;

	CurrentAccount player;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		this.lottery = new TestLotteries(this.context).open("daily");
		this.player = new TestParticipants(this.context).verified("Marie Curie");
	}

	@Test
	void anAdminDrawsNowAndTheParticipantSeesTheirMatchedNumbersAndPrize() {
		// the one ballot of this lottery, chosen to match three winning numbers
		WinningBallots.Found found = WinningBallots.onlySlipMatching(this.lottery.id(),
				new TestLotteries(this.context).drawInputs(this.lottery.id()), 1, 3);
		int[] ballot = found.ballot(0);
		int[] winning = found.drawn();
		int[] matched = NumberSet.of(ballot).common(NumberSet.of(winning));

		signIn(this.player.email());
		this.browser.open(url("/play/" + this.lottery.id()));
		new PlayPages(this.browser).tick(0, ballot);
		this.browser.follow(By.cssSelector("#play-form > button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/my/ballots/");
		SignInPage.signOut(this.browser);

		this.clock.freezeAt(this.lottery.closesAt());
		CurrentAccount admin = new TestParticipants(this.context).admin("Ada Admin");
		signIn(admin.email());
		this.browser.open(url("/admin/lotteries/" + this.lottery.id()));
		// the pipeline section, button and all, is replaced every 2 s while it polls
		this.browser.follow(By.cssSelector("form[action$='/draw'] button"));
		this.browser.waitUntil(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//ol[@class='pipeline']/li[contains(@class, 'done') and text()='SETTLED']")));
		this.browser.screenshot("admin-draw-now");
		SignInPage.signOut(this.browser);

		signIn(this.player.email());
		this.browser.open(url("/my/ballots"));
		WebElement row = this.browser.find(By.cssSelector(".slip tbody tr"));
		assertThat(row.findElements(By.cssSelector(".ball-matched > span:first-child"))).extracting(WebElement::getText)
			.containsExactly(Arrays.stream(matched).mapToObj(String::valueOf).toArray(String[]::new));
		assertThat(row.getText()).contains("Won: 3 numbers matched").contains("€25.00");
		this.browser.screenshot("my-ballots-won");

		this.browser.open(url("/lotteries/" + this.lottery.id()));
		assertThat(this.browser.texts(By.cssSelector("#status .balls .ball > span:first-child")))
			.containsExactly(Arrays.stream(winning).mapToObj(String::valueOf).toArray(String[]::new));
		String seed = this.browser.find(By.id("verify-seed")).getText();
		assertThat(seed).isEqualTo(new TestLotteries(this.context).seed(this.lottery.id()));
		assertThat(Fairness.commitment(seed)).isEqualTo(this.browser.find(By.id("verify-commitment")).getText());
		assertThat(this.browser.find(By.id("verify-digest")).getText()).isEqualTo(found.digest());
		this.browser.screenshot("lottery-verify");
	}

	@Test
	void theWinningNumbersAppearOnTheLotteryPageWithoutReloadingIt() {
		this.clock.freezeAt(this.lottery.closesAt());
		this.browser.open(url("/lotteries/" + this.lottery.id()));
		// #status polls: it is replaced every 5 s
		assertThat(this.browser.text(By.id("status"))).contains("being drawn");
		((JavascriptExecutor) this.browser.driver()).executeScript("window.notReloaded = true");

		this.pipeline.advance(this.lottery.id());
		Lottery drawn = new TestLotteries(this.context).reload(this.lottery);
		List<String> winning = drawn.winningNumbers().stream().map(String::valueOf).toList();

		this.browser.waitUntil((page) -> page.findElements(By.cssSelector("#status .balls .ball > span:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList()
			.equals(winning));
		assertThat(((JavascriptExecutor) this.browser.driver()).executeScript("return window.notReloaded === true"))
			.isEqualTo(true);
	}

	private void signIn(String email) {
		SignInPage.open(this.browser, url("")).signIn(email, TestParticipants.PASSWORD);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
