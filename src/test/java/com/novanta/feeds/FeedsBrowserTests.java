package com.novanta.feeds;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.rometools.rome.feed.atom.Feed;
import net.fortuna.ical4j.model.Calendar;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor finds the open results from the results page, on a computer and on a phone,
 * in English and in Italian; each link leads to what it says, in the format it says
 * (fetched as a program would, and read by a real parser), and the JSON opens in the
 * browser too.
 */
@BrowserTest
class FeedsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	Browser browser;

	OpenResultsFixture fixture;

	final HttpClient http = HttpClient.newHttpClient();

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
		// a JSON document or a feed is not a page of ours: the browser shows it its own
		// way
		this.browser.ignoreAccessibilityOf(url("/api/"));
		this.browser.ignoreAccessibilityOf(url("/feeds/"));
		this.fixture = new OpenResultsFixture(this.context);
	}

	@Test
	void aVisitorFindsEveryFeedOfAGameFromTheResultsPage() throws Exception {
		this.browser.open(url("/"));
		this.browser.follow(By.linkText("Results"));
		assertThat(this.browser.text(By.id("feeds-heading"))).isEqualTo("Open results");
		assertThat(this.browser.texts(By.cssSelector("#feeds-daily a"))).containsExactly("Latest draw (JSON)",
				"All draws (JSON)", "Atom feed", "History (CSV)", "Add the draws to your calendar",
				"Calendar file (iCalendar)");
		SoftAssertions findings = new SoftAssertions();
		this.browser.onComputerAndPhone("feeds/results", findings);
		scrollTo("feeds");
		this.browser.screenshot("feeds/results-feeds");
		this.browser.setWindowSize(390, 844);
		scrollTo("feeds");
		this.browser.screenshot("feeds/results-feeds-phone");
		this.browser.setWindowSize(1280, 900);

		// each link, fetched as a program or a feed reader would
		HttpResponse<String> latest = fetch(href("#feeds-daily a.feed-json"));
		assertThat(latest.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(JsonPath.parse(latest.body()).read("$.lottery", String.class)).isEqualTo(this.fixture.newest().id());

		HttpResponse<String> archive = fetch(href("#feeds-daily a.feed-archive"));
		DocumentContext page = JsonPath.parse(archive.body());
		assertThat(page.read("$.draws[0].lottery", String.class)).isEqualTo(this.fixture.newest().id());

		HttpResponse<String> atom = fetch(href("#feeds-daily a.feed-atom"));
		assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
		Feed feed = AtomFeeds.parse(atom.body());
		assertThat(feed.getEntries().get(0).getAlternateLinks().get(0).getHref())
			.isEqualTo(url("/lotteries/" + this.fixture.newest().id()));

		HttpResponse<String> csv = fetch(href("#feeds-daily a.feed-csv"));
		assertThat(csv.headers().firstValue("Content-Disposition"))
			.hasValue("attachment; filename=\"novanta-daily-draws.csv\"");
		List<CSVRecord> rows = HistoryCsvTests.parse(csv.body());
		assertThat(rows.get(rows.size() - 1).get("lottery")).isEqualTo(this.fixture.newest().id());

		String webcal = href("#feeds-daily a.feed-webcal");
		assertThat(webcal).isEqualTo("webcal://localhost:" + this.port + "/feeds/daily/calendar.ics");
		HttpResponse<String> calendar = fetch(webcal.replaceFirst("^webcal:", "http:"));
		assertThat(calendar.headers().firstValue("Content-Type")).hasValue("text/calendar;charset=UTF-8");
		Calendar parsed = Calendars.parse(calendar.body());
		assertThat(Calendars.events(parsed)).hasSize(7);
		assertThat(href("#feeds-daily a.feed-ics")).isEqualTo(url("/feeds/daily/calendar.ics"));

		HttpResponse<String> openApi = fetch(href("#feeds a.feed-openapi"));
		assertThat(JsonPath.parse(openApi.body()).read("$.info.title", String.class)).isEqualTo("Novanta open results");

		// a feed reader given the page finds the feeds in its head
		assertThat(this.browser.findAll(By.cssSelector("head link[rel=alternate][type='application/atom+xml']")))
			.extracting((link) -> link.getDomProperty("href"))
			.containsExactly(url("/feeds/daily/atom.xml"), url("/feeds/saturday/atom.xml"));

		// and the JSON opens in the browser
		this.browser.follow(By.cssSelector("#feeds-daily a.feed-json"));
		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(url("/api/v1/games/daily/latest"));
		assertThat(this.browser.driver().getPageSource())
			.contains("\"lottery\":\"" + this.fixture.newest().id() + "\"");
		findings.assertAll();
	}

	@Test
	void anItalianVisitorReadsTheLinksInItalian() {
		this.browser.open(url("/lotteries"));
		this.browser.follow(By.cssSelector("a[hreflang='it']"));
		assertThat(this.browser.text(By.id("feeds-heading"))).isEqualTo("Risultati aperti");
		assertThat(this.browser.findAll(By.cssSelector(".feeds-game"))).hasSize(2);
		// the results of one game: its feeds alone
		new Select(this.browser.find(By.id("game"))).selectByValue("saturday");
		this.browser.follow(By.cssSelector("form.filters button[type=submit]"));
		assertThat(this.browser.findAll(By.cssSelector(".feeds-game"))).hasSize(1);
		assertThat(this.browser.findAll(By.cssSelector("head link[rel=alternate]")))
			.extracting((link) -> link.getDomProperty("href"))
			.containsExactly(url("/feeds/saturday/atom.xml"));
		assertThat(this.browser.texts(By.cssSelector("#feeds-saturday a"))).containsExactly("Ultima estrazione (JSON)",
				"Tutte le estrazioni (JSON)", "Feed Atom", "Storico (CSV)", "Aggiungi le estrazioni al tuo calendario",
				"File del calendario (iCalendar)");
		this.browser.checkAccessibility();
		SoftAssertions findings = new SoftAssertions();
		scrollTo("feeds");
		this.browser.onComputerAndPhone("feeds/results-it", findings);
		this.browser.follow(By.cssSelector("a[hreflang='en']"));
		findings.assertAll();
	}

	private String href(String selector) {
		return this.browser.find(By.cssSelector(selector)).getDomProperty("href");
	}

	private HttpResponse<String> fetch(String address) throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(address)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(address).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag")).as(address).isPresent();
		return response;
	}

	private void scrollTo(String id) {
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView()",
				this.browser.find(By.id(id)));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
