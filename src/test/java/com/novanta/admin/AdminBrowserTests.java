package com.novanta.admin;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.draw.TestPipelines;
import com.novanta.game.QuickPick;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.OutboxMessage;
import com.novanta.notification.OutboxStatus;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.pages.SignInPage;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/** An admin runs the lottery from the browser. */
@BrowserTest
class AdminBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Winners winners;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	Browser browser;

	CurrentAccount admin;

	@BeforeEach
	void signIn() {
		this.browser = Browser.get();
		this.admin = new TestParticipants(this.context).admin("Browser Admin");
		SignInPage.open(this.browser, url("")).signIn(this.admin.email(), TestParticipants.PASSWORD);
	}

	@Test
	void findsTheWinnersOfADateAndExportsThem() {
		Lottery lottery = drawnLotteryWithWinners();
		List<Winner> expected = this.winners.ofLottery(lottery.id());
		assertThat(expected).isNotEmpty();

		this.browser.open(url("/admin"));
		this.browser.screenshot("admin-dashboard");
		this.browser.follow(By.linkText("Winners"));
		this.browser.find(By.id("date")).sendKeys(lottery.drawDate().format(DateTimeFormatter.ofPattern("MMddyyyy")));
		this.browser.follow(By.cssSelector("#winner-search button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("date=" + lottery.drawDate());
		assertThat(this.browser.find(By.cssSelector(".toolbar p")).getText()).startsWith(expected.size() + " winning");
		assertThat(this.browser.findAll(By.cssSelector("main tbody tr"))).hasSize(Math.min(expected.size(), 25));
		this.browser.screenshot("admin-winners");

		String csvUrl = this.browser.find(By.id("export")).getAttribute("href");
		assertThat(csvUrl).contains("date=" + lottery.drawDate());
		Object csv = ((JavascriptExecutor) this.browser.driver()).executeAsyncScript(
				"const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);",
				csvUrl);
		List<String> lines = List.of(csv.toString().replace("\ufeff", "").split("\n"));
		assertThat(lines.get(0)).startsWith("draw_date,game,lottery,receipt");
		assertThat(lines).hasSize(expected.size() + 1);
		assertThat(lines.subList(1, lines.size())).allSatisfy((line) -> assertThat(line)
			.startsWith("\"" + lottery.drawDate() + "\",\"daily\",\"" + lottery.id() + "\""));

		this.browser.follow(By.cssSelector("main tbody tr a"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).startsWith("Winning ballot");
		assertThat(this.browser.find(By.cssSelector("main")).getText()).contains("@example.com");
	}

	@Test
	void retriesAFailedEmail() {
		String key = "test-failed:" + UUID.randomUUID();
		Instant now = this.clock.instant();
		this.mongo.insert(new OutboxMessage(key, "retry-me@example.com", "account/password-changed", "en", "UTC",
				Map.of("name", "Retry Me", "resetPath", "/password/forgot"), Map.of(), "account", OutboxStatus.FAILED,
				1, now, null, null, "550 5.1.1 mailbox unavailable", now, null));

		this.browser.open(url("/admin/outbox"));
		WebElement row = this.browser.findAll(By.cssSelector("#failed tbody tr"))
			.stream()
			.filter((tr) -> tr.getText().contains("retry-me@example.com"))
			.findFirst()
			.orElseThrow();
		assertThat(row.getText()).contains("550 5.1.1 mailbox unavailable");
		this.browser.screenshot("admin-outbox");
		this.browser.follow(By.cssSelector("#failed button[aria-label='Send again to retry-me@example.com']"));

		assertThat(this.browser.text(By.cssSelector(".alert-info"))).contains("queued again");
		assertThat(this.mongo.findById(key, OutboxMessage.class).status()).isEqualTo(OutboxStatus.SENT);
		assertThat(this.browser.find(By.tagName("main")).getText()).doesNotContain("retry-me@example.com");
	}

	private Lottery drawnLotteryWithWinners() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		TestParticipants participants = new TestParticipants(this.context);
		TestSlips slips = new TestSlips(this.context);
		SplittableRandom random = new SplittableRandom(9);
		for (int p = 0; p < 6; p++) {
			CurrentAccount player = participants.verified("Winner Maybe " + p);
			for (int s = 0; s < 10; s++) {
				List<List<Integer>> lines = new ArrayList<>();
				for (int l = 0; l < 10; l++) {
					lines.add(Arrays.stream(QuickPick.pick(6, 90, random)).boxed().toList());
				}
				slips.play(player, lottery, lines, true);
			}
		}
		TestPipelines.drawAtClose(this.context, lottery);
		return lottery;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
