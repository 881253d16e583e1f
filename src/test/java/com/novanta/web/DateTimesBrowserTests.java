package com.novanta.web;

import java.time.Duration;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The countdown that the page's script updates every second speaks the page's language,
 * and the pages that say when a draw is look right on a computer and a phone.
 *
 * <p>
 * The countdown counts by the application's clock (the page writes it), not by the
 * browser's, which is the machine's: the test lotteries close a month or more after the
 * suite's instant, so the countdown shows days unless a test moves the application's
 * clock.
 */
@BrowserTest
class DateTimesBrowserTests {

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
	}

	@Test
	void theCountdownOnAnItalianPageUsesItalianUnits() {
		Lottery lottery = new TestLotteries(this.context).open("daily");

		this.browser.open(url("/lotteries/" + lottery.id() + "?lang=it"));
		// the status section polls, and may be replaced while it is read
		assertThat(this.browser.text(By.cssSelector("#status .draw-when"))).startsWith("Estrazione ");
		assertThat(countdown()).matches("\\d+ g \\d+ h \\d{2} min \\d{2} s");
		lookAt("lottery-it");

		this.browser.open(url("/lotteries/" + lottery.id() + "?lang=en"));
		assertThat(countdown()).matches("\\d+ d \\d+ h \\d{2} min \\d{2} s");
		lookAt("lottery-en");
	}

	@Test
	void theCountdownCountsByTheServersClockNotTheDevicesOne() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		// the browser's clock is a month or more before the close; the server's is 2 h 10
		// min
		this.clock.freezeAt(lottery.closesAt().minus(Duration.ofMinutes(130)));

		this.browser.open(url("/lotteries/" + lottery.id() + "?lang=en"));
		assertThat(countdown()).matches("2 h (10 min 00|09 min [0-5]\\d) s");
	}

	@Test
	void theHomePlayAndMyBallotsPagesSayWhenTheDrawIs() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Dora Draw");
		new TestSlips(this.context).play(player, lottery, 4, 8, 15, 16, 23, 42);
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);

		this.browser.open(url("/"));
		assertThat(this.browser.find(By.cssSelector("[data-lottery='" + lottery.id() + "']"))
			.findElement(By.cssSelector(".draw-when"))
			.getText()).startsWith("Draw ").contains(" at midnight · play until 23:59");
		lookAt("home");

		this.browser.open(url("/play/" + lottery.id()));
		assertThat(this.browser.find(By.cssSelector(".draw-when")).getText()).startsWith("Draw ");
		lookAt("play");

		this.browser.open(url("/my/ballots?lang=it"));
		assertThat(this.browser
			.find(By.xpath("//article[contains(@class,'slip')][.//a[@href='/lotteries/" + lottery.id() + "']]"))
			.findElement(By.cssSelector(".slip-meta"))
			.getText()).matches("Accettata \\d{1,2} [a-z]{3} \\d{4}, \\d{2}:\\d{2}");
		lookAt("my-ballots-it");
	}

	/** The countdown once the script has written it (the server writes no seconds). */
	private String countdown() {
		return this.browser.waitUntil((page) -> {
			String text = page.findElement(By.cssSelector("#status .countdown")).getText();
			return text.endsWith(" s") ? text : null;
		});
	}

	/**
	 * Screenshots of the page on a computer and, resized without loading it again, on a
	 * phone: for people to look at. Whether a page fits a phone is the journeys' check.
	 */
	private void lookAt(String name) {
		this.browser.screenshot("date-times-" + name);
		this.browser.setWindowSize(390, 844);
		this.browser.screenshot("date-times-" + name + "-phone");
		this.browser.setWindowSize(1280, 900);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
