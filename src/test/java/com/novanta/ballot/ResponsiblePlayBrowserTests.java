package com.novanta.ballot;

import com.novanta.account.CurrentAccount;
import com.novanta.account.ResponsiblePlayPage;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant sets a daily limit and is refused the ballots over it; another excludes
 * themselves and can no longer play.
 */
@BrowserTest
class ResponsiblePlayBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Browser browser;

	CurrentAccount player;

	Lottery lottery;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		this.lottery = new TestLotteries(this.context).open("daily");
		this.player = new TestParticipants(this.context).verified("Laura Bassi");
		SignInPage.open(this.browser, url("")).signIn(this.player.email(), TestParticipants.PASSWORD);
	}

	@Test
	void aDailyLimitRefusesTheBallotsOverIt() {
		String saved = new ResponsiblePlayPage(this.browser, url("")).open().setLimits("1", "");
		assertThat(saved).isEqualTo("Your limits are saved and apply now.");
		this.browser.screenshot("responsible-play-limits");

		this.browser.open(url("/play/" + this.lottery.id()));
		assertThat(this.browser.text(By.id("allowance"))).as("said before any number is chosen")
			.isEqualTo("You can play 1 more line today. Your limits");
		PlayPage play = new PlayPage(this.browser);
		play.tick(0, 4, 8, 15, 16, 23, 42);
		play.addLine().quickPick(1, 6);
		assertThat(play.total()).containsExactly("2 lines to play · €2.00",
				"That is more than your daily limit leaves: you can play 1 more line today.");
		String refusal = play.submitRefused();
		assertThat(refusal).isEqualTo(
				"This would go over the daily limit you set: you can add 1 more ballot today. Nothing was stored.");
		this.browser.checkAccessibility();
		this.browser.screenshot("responsible-play-refused");

		play.removeLine(1).submit();
		assertThat(this.browser.find(By.cssSelector(".alert-success")).getText()).contains("Your ballot is in");

		this.browser.open(url("/play/" + this.lottery.id()));
		assertThat(this.browser.text(By.id("allowance")))
			.startsWith("You reached the daily limit you set: you can play again ");
		assertThat(this.browser.findAll(By.id("play-form"))).as("no grid to fill in for nothing").isEmpty();
		this.browser.screenshot("responsible-play-none-left");
	}

	@Test
	void aSelfExcludedParticipantCannotPlay() {
		ResponsiblePlayPage page = new ResponsiblePlayPage(this.browser, url("")).open();
		assertThat(page.chooseExclusion("ONE_YEAR")).startsWith("Exclude yourself from play until ");
		this.browser.screenshot("responsible-play-exclusion-confirm");
		assertThat(page.confirmExclusion()).startsWith("You excluded yourself from play until ");

		this.browser.open(url("/play/" + this.lottery.id()));
		assertThat(this.browser.find(By.id("excluded")).getText()).startsWith("You excluded yourself from play until ");
		assertThat(this.browser.findAll(By.id("play-form"))).as("no grid to fill in for nothing").isEmpty();
		this.browser.screenshot("responsible-play-excluded");
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
