package com.novanta.testing;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One browser serves every browser test, and leaves nothing of one test to the next: what
 * a test's pages fail is reported on that test, and cookies and storage are gone.
 */
@BrowserTest
class SharedBrowserTests {

	/** Lets the fixture's tests run: only when this class runs them. */
	static volatile boolean runningFixture;

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Test
	void aViolationOnTheLastPageOfATestFailsThatTestAndNotTheNext() {
		Map<String, TestExecutionResult> results = run(EndsOnAnInaccessiblePage.class);

		assertThat(results).containsOnlyKeys("reachesItWithoutLooking()", "comesNext()", "reachesItByANavigation()",
				"comesLast()");
		assertThat(results.get("reachesItWithoutLooking()").getThrowable())
			.hasValueSatisfying((failure) -> assertThat(failure).hasMessageContaining("image-alt")
				.hasMessageContaining("/lotteries/test-inaccessible"));
		assertThat(results.get("reachesItByANavigation()").getThrowable())
			.hasValueSatisfying((failure) -> assertThat(failure).hasMessageContaining("image-alt"));
		assertThat(results.get("comesNext()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
		assertThat(results.get("comesLast()").getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
	}

	@Test
	void aPageThatMakesAPhoneScrollSidewaysFailsTheTestThatReachedIt() {
		Browser browser = Browser.get();

		assertThatThrownBy(() -> browser.open(url("/lotteries/test-too-wide"))).isInstanceOf(AssertionError.class)
			.hasMessageContaining("/lotteries/test-too-wide is wider than the screen")
			.hasMessageContaining("by 0 CSS pixels on a 1280 px computer screen")
			.hasMessageMatching("(?s).*by \\d+ on a 390 px phone.*")
			.hasMessageContaining("svg.too-wide 480 px in main");

		browser.open(url("/"));
		assertThat(browser.widthBeyondWindow()).as("the next page, back at a computer's width").isLessThanOrEqualTo(0);
	}

	@Test
	void nothingAPageKeptInStorageOrCookiesIsLeftForTheNextTest() {
		Browser browser = Browser.get();
		browser.open(url("/"));
		script(browser, "localStorage.setItem('left', 'behind'); sessionStorage.setItem('left', 'behind');"
				+ " document.cookie = 'left=behind; path=/';");
		assertThat(script(browser, "return localStorage.getItem('left') + sessionStorage.getItem('left')"))
			.isEqualTo("behindbehind");

		Browser next = Browser.get();
		next.open(url("/"));

		assertThat(script(next, "return localStorage.getItem('left')")).as("local storage").isNull();
		assertThat(script(next, "return sessionStorage.getItem('left')")).as("session storage").isNull();
		assertThat((String) script(next, "return document.cookie")).as("cookies").doesNotContain("left=");
	}

	/**
	 * The status of an open lottery's page polls, and htmx replaces it, Play button and
	 * all: a button found before is gone, the button found again works.
	 */
	@Test
	void aClickFindsAgainTheElementThatHtmxReplaced() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		Browser browser = Browser.get();
		browser.open(url("/lotteries/" + lottery.id()));
		By play = By.cssSelector("#status a[href='/play/" + lottery.id() + "']");
		WebElement foundBefore = browser.find(play);

		browser.waitUntil(ExpectedConditions.stalenessOf(foundBefore));
		assertThatThrownBy(foundBefore::click).isInstanceOf(StaleElementReferenceException.class);
		browser.follow(play);

		assertThat(browser.driver().getCurrentUrl()).as("the Play button's page (signing in first)")
			.endsWith("/signin");
	}

	private static Object script(Browser browser, String script) {
		return ((JavascriptExecutor) browser.driver()).executeScript(script);
	}

	/** Runs the tests of a fixture class, in their order; their results by name. */
	private static Map<String, TestExecutionResult> run(Class<?> fixture) {
		Map<String, TestExecutionResult> results = new ConcurrentHashMap<>();
		runningFixture = true;
		try {
			LauncherFactory.create()
				.execute(LauncherDiscoveryRequestBuilder.request()
					.selectors(DiscoverySelectors.selectClass(fixture))
					.build(), new TestExecutionListener() {

						@Override
						public void executionFinished(TestIdentifier test, TestExecutionResult result) {
							if (test.isTest()) {
								results.put(test.getDisplayName(), result);
							}
						}

					});
		}
		finally {
			runningFixture = false;
		}
		return results;
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/**
	 * Browser tests that end on a page with an accessibility violation, each followed by
	 * one that does not. Run only by the test above.
	 */
	@BrowserTest
	@EnabledIf("runningFixture")
	@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
	static class EndsOnAnInaccessiblePage {

		@LocalServerPort
		int port;

		static boolean runningFixture() {
			return runningFixture;
		}

		/** The page is reached by a script, and the test ends without a look at it. */
		@Test
		@Order(1)
		void reachesItWithoutLooking() {
			Browser browser = Browser.get();
			browser.open(url("/"));
			((JavascriptExecutor) browser.driver()).executeScript("location.href = arguments[0]",
					url("/lotteries/test-inaccessible"));
			new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
				.until(ExpectedConditions.urlContains("/lotteries/test-inaccessible"));
		}

		@Test
		@Order(2)
		void comesNext() {
			Browser.get().open(url("/"));
		}

		/**
		 * The browser checks the page on arrival; the test ends before it hears of it.
		 */
		@Test
		@Order(3)
		void reachesItByANavigation() {
			Browser.get().driver().navigate().to(url("/lotteries/test-inaccessible"));
		}

		@Test
		@Order(4)
		void comesLast() {
			Browser.get().open(url("/"));
		}

		private String url(String path) {
			return "http://localhost:" + this.port + path;
		}

	}

}
