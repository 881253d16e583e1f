package com.novanta.admin;

import java.time.Duration;
import java.time.Instant;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.beacon.BeaconTerms;
import com.novanta.beacon.TestBeacon;
import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin sees, from the dashboard, a draw held up by the public beacon being down, and
 * once the round has been overdue for long draws without it, with a public reason.
 */
@BrowserTest
class AdminBeaconBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	MutableClock clock;

	@Autowired
	BeaconTerms terms;

	Browser browser;

	CurrentAccount admin;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		this.admin = new TestParticipants(this.context).admin("Beacon Browser Admin");
	}

	@AfterEach
	void relayServesRoundsAgain() {
		TestBeacon.relay().reset();
	}

	@Test
	void seesTheDrawWaitingForTheBeaconAndDrawsWithoutItOnceAllowed() {
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery lottery = lotteries.open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Beacon Browser Player");
		new TestSlips(this.context).play(player, lottery, 7, 14, 21, 28, 35, 42);
		TestBeacon.relay().answer(TestBeacon.Answer.DOWN);
		this.clock.freezeAt(lottery.closesAt().plus(Duration.ofMinutes(20)));
		assertThat(this.pipeline.advance(lottery.id())).isEqualTo(LotteryStatus.CLOSED);
		// signed in at the application's time, which sessions are reckoned by
		SignInPage.open(this.browser, url("")).signIn(this.admin.email(), TestParticipants.PASSWORD);

		this.browser.open(url("/admin"));
		assertThat(this.browser.text(By.id("beacon-waiting"))).contains("Draws waiting for the public beacon")
			.contains("waiting for the beacon since");
		this.browser.follow(By.cssSelector("#beacon-waiting a[href$='" + lottery.id() + "']"));
		assertThat(this.browser.text(By.id("beacon-waiting"))).contains("The draw WAITS for its beacon round");
		assertThat(this.browser.text(By.cssSelector("#pipeline"))).contains("Failed attempts");
		assertThat(this.browser.text(By.id("override-from"))).contains("you may draw without it from");
		assertThat(this.browser.findAll(By.id("override-form"))).isEmpty();
		SoftAssertions findings = new SoftAssertions();
		this.browser.onComputerAndPhone("admin-lottery-beacon-waiting", findings);

		Instant allowed = lottery.beacon().due().plus(this.terms.overrideAfter());
		this.clock.freezeAt(allowed);
		this.browser.reload();
		assertThat(this.browser.text(By.id("override-form"))).contains("Shown as you write it").contains("public page");
		this.browser.type(By.id("override-reason"), "The beacon and every relay have been down for two hours.");
		this.browser.onComputerAndPhone("admin-lottery-beacon-override-form", findings);
		this.browser.type(By.id("override-reason"), "The beacon and every relay have been down for two hours.");
		this.browser.follow(By.cssSelector("#override-form button[type=submit]"));

		assertThat(this.browser.text(By.cssSelector(".alert-info"))).contains("drawn without its beacon round");
		assertThat(this.browser.text(By.cssSelector("#pipeline")))
			.contains("The beacon and every relay have been down for two hours.")
			.contains("Beacon Browser Admin");
		assertThat(lotteries.reload(lottery).status()).isEqualTo(LotteryStatus.NOTIFIED);
		this.browser.onComputerAndPhone("admin-lottery-beacon-overridden", findings);
		// and what the round's part of the page says now, where it is
		((JavascriptExecutor) this.browser.driver())
			.executeScript("document.getElementById('beacon-heading').scrollIntoView()");
		this.browser.screenshot("admin-lottery-beacon-overridden-details");
		findings.assertAll();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
