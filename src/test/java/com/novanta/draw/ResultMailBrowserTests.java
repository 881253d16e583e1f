package com.novanta.draw;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev mailbox shows a participant's draw result email, and its links work. */
@BrowserTest
class ResultMailBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void theResultEmailIsInTheDevMailboxAndItsLinksLeadToTheDrawAndToMyBallots() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Grace Result");
		new TestSlips(this.context).play(player, lottery, 4, 8, 15, 16, 23, 42);
		TestPipelines.drawAtClose(this.context, lottery);

		Browser browser = Browser.get();
		browser.open(url("/dev/mailbox"));
		WebElement row = browser.findAll(By.cssSelector("tbody tr"))
			.stream()
			.filter((tr) -> tr.getText().contains(player.email()))
			.findFirst()
			.orElseThrow();
		assertThat(row.getText()).contains("Your results: Novanta 6/90");
		String message = row.findElement(By.tagName("a")).getDomAttribute("href");
		browser.follow(By.cssSelector("main a[href='" + message + "']"));
		assertThat(browser.findAll(By.cssSelector("iframe.mail-frame"))).hasSize(1);
		String text = browser.find(By.cssSelector("pre.mail-text")).getText();
		assertThat(text).contains("Hello Grace Result,").contains("4, 8, 15, 16, 23, 42");
		browser.screenshot("mailbox-draw-result");

		browser.open(link(text, "/lotteries/[^\\s]+"));
		assertThat(browser.texts(By.cssSelector("#status .balls .ball"))).hasSize(6);

		browser.open(link(text, "/my/ballots"));
		SignInPage.at(browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		assertThat(browser.driver().getCurrentUrl()).contains("/my/ballots");
		assertThat(browser.find(By.cssSelector(".slip")).getText()).contains(lottery.drawDate().getYear() + "");
	}

	private static String link(String text, String path) {
		Matcher matcher = Pattern.compile("http://localhost:\\d+" + path).matcher(text);
		assertThat(matcher.find()).as("a link to " + path + " in\n" + text).isTrue();
		return matcher.group();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
