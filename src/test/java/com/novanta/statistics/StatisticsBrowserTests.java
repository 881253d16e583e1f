package com.novanta.statistics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** A visitor explores how often each number was drawn, on a computer and on a phone. */
@BrowserTest
class StatisticsBrowserTests {

	private static final int DRAWS = 24;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	MutableClock clock;

	Browser browser;

	List<Lottery> drawn = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		// lotteries of their own, each drawn at its close instant (only these)
		TestLotteries lotteries = new TestLotteries(this.context);
		Instant now = this.clock.instant();
		for (int i = 0; i < DRAWS; i++) {
			Lottery lottery = lotteries.open("daily");
			this.clock.freezeAt(lottery.closesAt());
			assertThat(this.pipeline.advance(lottery.id()).isAtLeast(LotteryStatus.DRAWN)).isTrue();
			this.drawn.add(lotteries.reload(lottery));
		}
		this.clock.freezeAt(now);
	}

	@Test
	void aVisitorSeesTheChartAndTheTableAndChangesThePeriod() {
		this.browser.open(url("/"));
		this.browser.follow(By.linkText("Statistics"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/statistics");
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Number statistics");

		this.browser.open(url("/statistics?game=daily&period=dates&from=" + this.drawn.get(0).drawDate() + "&to="
				+ this.drawn.get(DRAWS - 1).drawDate()));
		assertThat(this.browser.find(By.id("stats-summary")).getText()).startsWith(DRAWS + " draws of Novanta 6/90");
		WebElement chart = this.browser.find(By.cssSelector("#stats-chart svg"));
		assertThat(chart.getAttribute("role")).isEqualTo("img");
		assertThat(chart.findElements(By.cssSelector("g.tile"))).hasSize(90);
		assertThat(chart.getSize().getWidth()).isGreaterThan(500);
		assertThat(this.browser.findAll(By.cssSelector("#stats-chart g.tile-hot"))).hasSizeGreaterThanOrEqualTo(1);
		assertThat(this.browser.findAll(By.cssSelector("#stats-table tbody tr"))).hasSize(90);
		long total = this.browser.findAll(By.cssSelector("#stats-table tbody tr td:nth-child(2)"))
			.stream()
			.mapToLong((cell) -> Long.parseLong(cell.getText()))
			.sum();
		assertThat(total).isEqualTo(6L * DRAWS);
		List<String> hot = this.browser.findAll(By.cssSelector("#stats-hot .ball"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(hot).hasSize(6);
		for (String number : hot) {
			assertThat(this.browser.find(By.xpath("//table[@id='stats-table']//tr[th/span[text()='" + number + "']]"))
				.getText()).contains("hot");
		}
		this.browser.screenshot("statistics");
		scrollTo("stats-chart");
		this.browser.screenshot("statistics-chart");

		this.browser.setWindowSize(390, 844);
		this.browser.open(url("/statistics?game=daily&period=dates&from=" + this.drawn.get(0).drawDate() + "&to="
				+ this.drawn.get(DRAWS - 1).drawDate()));
		this.browser.screenshot("statistics-phone");
		scrollTo("stats-hot");
		this.browser.screenshot("statistics-phone-highlights");
		scrollTo("stats-chart");
		this.browser.screenshot("statistics-phone-chart");
		scrollTo("stats-table");
		this.browser.screenshot("statistics-phone-table");
		this.browser.setWindowSize(1280, 900);

		// with htmx the results change in place, and the address follows
		new Select(this.browser.find(By.id("stats-period"))).selectByValue("dates");
		this.browser.type(By.id("stats-to"), "");
		((JavascriptExecutor) this.browser.driver()).executeScript("document.getElementById('stats-from').value = '';");
		this.browser.clickAndSettle(By.cssSelector("#explorer form button[type=submit]"));
		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("stats-from-error")));
		assertThat(this.browser.text(By.id("stats-from-error"))).isEqualTo("Enter a start date, an end date or both.");
		assertThat(this.browser.findAll(By.id("stats-chart"))).isEmpty();
		this.browser.checkAccessibility();

		new Select(this.browser.find(By.id("stats-period"))).selectByValue("30");
		this.browser.clickAndSettle(By.cssSelector("#explorer form button[type=submit]"));
		this.browser.waitUntil(ExpectedConditions.urlContains("period=30"));
		this.browser.waitUntil(ExpectedConditions.invisibilityOfElementLocated(By.id("stats-from-error")));
		assertThat(new Select(this.browser.find(By.id("stats-period"))).getFirstSelectedOption().getText())
			.isEqualTo("Last 30 days");
		this.browser.checkAccessibility();
	}

	private void scrollTo(String id) {
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView()",
				this.browser.find(By.id(id)));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
