package com.novanta.checker;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.novanta.draw.TestPipelines;
import com.novanta.format.Formats;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor checks a line against the past draws, from the results page, on a computer
 * and on a phone; and in Italian, with a line that is not valid.
 */
@BrowserTest
class CheckerBrowserTests {

	/** More than a page of draws. */
	private static final int DRAWS = 24;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	Browser browser;

	Formats formats;

	/** Lotteries of the daily game on consecutive days, drawn; newest first. */
	List<Lottery> drawn = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		this.formats = Formats.of(this.context.getBean(MessageSource.class), Locale.ENGLISH, ZoneId.of("Europe/Rome"));
		TestLotteries lotteries = new TestLotteries(this.context);
		Lottery lottery = lotteries.open("daily");
		for (int i = 0; i < DRAWS; i++) {
			if (i > 0) {
				lottery = lotteries.next(lottery);
			}
			assertThat(TestPipelines.drawAtClose(this.context, lottery).isAtLeast(LotteryStatus.SETTLED)).isTrue();
			this.drawn.add(0, lotteries.reload(lottery));
		}
		// the day after the last draw: the last 30 days hold these and no other test's
		this.clock.freezeAt(lottery.closesAt().plusSeconds(60));
	}

	@Test
	void aVisitorChecksALineFromTheResultsPageAndPagesThroughTheDraws() {
		// three numbers of the third newest draw, and three of no draw
		Lottery third = this.drawn.get(2);
		List<Integer> line = new ArrayList<>(third.winningNumbers().subList(0, 3));
		for (int n = 1; line.size() < 6; n++) {
			int candidate = n;
			if (this.drawn.stream().noneMatch((lottery) -> lottery.winningNumbers().contains(candidate))) {
				line.add(n);
			}
		}
		String typed = String.join(", ", line.stream().map(String::valueOf).toList());

		this.browser.open(url("/"));
		this.browser.follow(By.linkText("Results"));
		this.browser.follow(By.linkText("Check your numbers against past draws"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Check your numbers");
		new Select(this.browser.find(By.id("check-game"))).selectByValue("daily");
		this.browser.type(By.id("check-numbers"), typed);
		new Select(this.browser.find(By.id("check-period"))).selectByValue("30");
		this.browser.clickAndSettle(By.cssSelector("#checker form button[type=submit]"));
		this.browser.waitUntil(ExpectedConditions.urlContains("numbers="));
		this.browser.checkAccessibility();

		// what the draws say, whatever numbers they drew
		int best = 0;
		int bestTimes = 0;
		int wins = 0;
		long total = 0;
		for (Lottery lottery : this.drawn) {
			int matches = (int) lottery.winningNumbers().stream().filter(line::contains).count();
			if (matches > best) {
				best = matches;
				bestTimes = 0;
			}
			if (matches == best) {
				bestTimes++;
			}
			if (matches >= 2) {
				wins++;
				total += lottery.summary().prizeOf(matches);
			}
		}
		assertThat(best).isGreaterThanOrEqualTo(3);
		assertThat(this.browser.text(By.id("check-draws-checked"))).isEqualTo(String.valueOf(DRAWS));
		assertThat(this.browser.text(By.id("check-best"))).startsWith(best + " of 6, ")
			.endsWith((bestTimes == 1) ? "once" : bestTimes + " times");
		assertThat(this.browser.text(By.id("check-wins"))).isEqualTo(String.valueOf(wins));
		assertThat(this.browser.text(By.id("check-total"))).isEqualTo(this.formats.money(total));
		assertThat(this.browser.findAll(By.cssSelector("#check-draws > li"))).hasSize(CheckerController.PAGE_SIZE);
		By thirdRow = By.xpath("//ol[@id='check-draws']/li[.//a[@href='/lotteries/" + third.id() + "']]");
		assertThat(this.browser.text(thirdRow)).contains("3 of 6 matched")
			.contains("Would have won €25.00")
			.contains("Matched: "
					+ String.join(", ", line.subList(0, 3).stream().sorted().map(String::valueOf).toList()));
		assertThat(this.browser.find(thirdRow).getDomAttribute("class")).contains("check-won");
		assertThat(this.browser.find(thirdRow).findElements(By.cssSelector(".ball-matched"))).hasSize(3);
		assertThat(this.browser.find(By.id("check-numbers")).getDomProperty("value")).isEqualTo(typed);
		SoftAssertions findings = new SoftAssertions();
		this.browser.onComputerAndPhone("checker/result", findings);
		scrollTo("check-draws");
		this.browser.screenshot("checker/result-draws");
		this.browser.setWindowSize(390, 844);
		this.browser.reload();
		scrollTo("check-summary");
		this.browser.screenshot("checker/result-phone-summary");
		scrollTo("check-draws");
		this.browser.screenshot("checker/result-phone-draws");
		this.browser.setWindowSize(1280, 900);
		this.browser.reload();

		// the second page, in place with htmx, and the address follows
		this.browser.clickAndSettle(By.cssSelector("#checker a[rel=next]"));
		this.browser.waitUntil(ExpectedConditions.urlContains("page=2"));
		assertThat(this.browser.findAll(By.cssSelector("#check-draws > li")))
			.hasSize(DRAWS - CheckerController.PAGE_SIZE);
		assertThat(this.browser.text(By.cssSelector(".pagination"))).contains("Page 2 of 2");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Check your numbers");
		this.browser.checkAccessibility();
		findings.assertAll();
	}

	@Test
	void anItalianVisitorIsToldWhatIsWrongWithTheirLine() {
		this.browser.open(url("/statistics"));
		this.browser.follow(By.cssSelector("a[hreflang='it']"));
		this.browser.follow(By.cssSelector("a[href='/checker']"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Controlla i tuoi numeri");

		this.browser.type(By.id("check-numbers"), "5 12 12 40 77 90");
		this.browser.clickAndSettle(By.cssSelector("#checker form button[type=submit]"));
		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("check-numbers-error")));
		assertThat(this.browser.text(By.id("check-numbers-error")))
			.isEqualTo("Ogni numero può essere inserito una sola volta.");
		assertThat(this.browser.find(By.id("check-numbers")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.findAll(By.id("check-summary"))).isEmpty();
		this.browser.checkAccessibility();
		SoftAssertions findings = new SoftAssertions();
		this.browser.onComputerAndPhone("checker/invalid-it", findings);

		// corrected, the same form checks it
		this.browser.type(By.id("check-numbers"), "5 12 13 40 77 90");
		new Select(this.browser.find(By.id("check-period"))).selectByValue("30");
		this.browser.clickAndSettle(By.cssSelector("#checker form button[type=submit]"));
		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("check-summary")));
		assertThat(this.browser.text(By.id("check-summary-heading"))).isEqualTo("Novanta 6/90 · Ultimi 30 giorni");
		assertThat(this.browser.text(By.cssSelector("#check-summary dl"))).contains("Estrazioni controllate");
		assertThat(this.browser.findAll(By.id("check-numbers-error"))).isEmpty();
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("checker/result-it", findings);
		findings.assertAll();
	}

	private void scrollTo(String id) {
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView()",
				this.browser.find(By.id(id)));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
