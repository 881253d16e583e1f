package com.novanta.config;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseReads;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.WebVisitor;
import io.micrometer.core.instrument.MeterRegistry;
import org.awaitility.Awaitility;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pages shared by visitors who are not signed in ({@link SharedPages}), over real HTTP
 * with the whole application: rendered once a second of the application's clock, each
 * visitor served the page with a CSRF token of their own that works, and the server's
 * time as it is served; signed-in visitors and each language served their own.
 */
@IntegrationTest
@TestPropertySource(properties = "lottery.web.shared-pages=true")
class SharedPagesIntegrationTests {

	private static final Pattern META_TOKEN = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\">");

	/** The marker a page is rendered with in place of the visitor's token. */
	private static final Pattern MARKER = Pattern.compile("csrf[0-9a-f]{40}");

	private static final Pattern SERVER_TIME = Pattern.compile("<meta name=\"server-time\" content=\"([^\"]+)\">");

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	/** A whole second of the clock, so that moving it by less stays in that second. */
	private Instant second;

	@BeforeEach
	void stopTheClockAtAWholeSecond() {
		this.second = Instant.ofEpochSecond(this.clock.instant().getEpochSecond() + 1);
		this.clock.freezeAt(this.second);
	}

	@Test
	void aSecondVisitorInTheSameSecondIsServedThePageKeptWithATokenOfTheirOwnThatWorks() {
		WebVisitor first = visitor();
		WebVisitor second = visitor();
		WebVisitor.Page firstHome = first.get("/");
		WebVisitor.Page secondHome;
		try (DatabaseReads.Recording reads = DatabaseReads.finds("lotteries")) {
			secondHome = second.get("/");
			assertThat(reads.filters()).as("the page was not rendered again").isEmpty();
		}
		assertThat(firstHome.status()).isEqualTo(200);
		assertThat(secondHome.status()).isEqualTo(200);
		assertThat(secondHome.header("Content-Type")).isEqualTo(firstHome.header("Content-Type"));
		assertThat(secondHome.header("Content-Security-Policy")).isEqualTo(firstHome.header("Content-Security-Policy"));

		String firstToken = token(firstHome.body());
		String secondToken = token(secondHome.body());
		assertThat(secondToken).isNotEqualTo(firstToken).doesNotStartWith("csrf");
		assertThat(second.cookie("NOVANTA-XSRF")).isNotNull().isNotEqualTo(first.cookie("NOVANTA-XSRF"));
		assertThat(withoutTokens(secondHome.body())).isEqualTo(withoutTokens(firstHome.body()));

		// each visitor's htmx post carries the token its own page gave it
		assertThat(luckyNumbers(second, secondHome.body()).status()).isEqualTo(200);
		assertThat(luckyNumbers(first, firstHome.body()).status()).isEqualTo(200);
		// and a page's token is no good with another visitor's cookie
		assertThat(luckyNumbers(second, firstHome.body()).status()).isEqualTo(403);
		// the no-JavaScript form too
		Element form = Html.parse(secondHome.body()).selectFirst("form[action=/lucky-numbers]");
		assertThat(form.selectFirst("input[name=_csrf]").val()).isEqualTo(secondToken);
	}

	@Test
	void aChangeShowsTheNextSecond() {
		WebVisitor visitor = visitor();
		visitor.get("/");
		Lottery opened = new TestLotteries(this.context).open("daily");
		String link = "/play/" + opened.id();

		assertThat(visitor.get("/").body()).as("kept for the rest of the second").doesNotContain(link);
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(visitor().get("/").body()).contains(link);
	}

	@Test
	void theServerTimeIsWhenThePageIsServed() {
		String rendered = visitor().get("/").body();
		this.clock.advance(Duration.ofMillis(437));
		WebVisitor.Page served;
		try (DatabaseReads.Recording reads = DatabaseReads.finds("lotteries")) {
			served = visitor().get("/");
			assertThat(reads.filters()).isEmpty();
		}
		assertThat(serverTime(rendered)).isEqualTo(this.second.toString());
		assertThat(serverTime(served.body())).isEqualTo(this.second.plusMillis(437).toString());
	}

	@Test
	void signedInVisitorsHaveTheirOwnPage() {
		String anonymous = visitor().get("/").body();
		CurrentAccount player = new TestParticipants(this.context).verified("Shared Pages");
		WebVisitor signedIn = visitor();
		assertThat(signedIn.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();

		String own = signedIn.get("/").body();

		assertThat(anonymous).doesNotContain("/my/ballots");
		assertThat(own).contains("/my/ballots").contains("/signout");
		assertThat(visitor().get("/").body()).doesNotContain("/my/ballots");
	}

	@Test
	void eachLanguageHasItsPage() {
		assertThat(Html.parse(visitor().get("/lotteries").body()).selectFirst("html").attr("lang")).isEqualTo("en");
		WebVisitor italian = visitor();
		assertThat(Html.parse(italian.get("/lotteries?lang=it").body()).selectFirst("html").attr("lang"))
			.isEqualTo("it");
		assertThat(Html.parse(italian.get("/lotteries").body()).selectFirst("html").attr("lang")).isEqualTo("it");
		assertThat(Html.parse(visitor().get("/lotteries").body()).selectFirst("html").attr("lang")).isEqualTo("en");
	}

	@Test
	void aPageNotFoundIsNotKept() {
		WebVisitor visitor = visitor();
		assertThat(visitor.get("/lotteries/no-such-lottery").status()).isEqualTo(404);
		WebVisitor.Page again = visitor().get("/lotteries/no-such-lottery");
		assertThat(again.status()).isEqualTo(404);
		assertThat(MARKER.matcher(again.body()).find()).isFalse();
		assertThat(token(again.body())).isNotEmpty();
	}

	@Test
	void aPageAskedForWithAnotherHostIsNeverServedToThisOnesVisitors() {
		String poisoned = visitor().raw(
				"GET /lotteries HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html,application/xhtml+xml,*/*;q=0.8\r\n"
						+ "Accept-Language: en\r\nConnection: close\r\n\r\n");
		assertThat(poisoned).startsWith("HTTP/1.1 200").contains("webcal://evil.example/");

		String page = visitor().get("/lotteries").body();

		assertThat(page).doesNotContain("evil.example").contains("webcal://localhost:" + this.port + "/");
	}

	@Test
	void theDevMailboxLinkOnlyForThoseItAnswers() {
		assertThat(visitor().get("/").body()).contains("/dev/mailbox");
		WebVisitor.Page proxied = visitor()
			.send(HttpRequest.newBuilder(visitor().uri("/")).header("X-Forwarded-For", "203.0.113.9").GET());
		assertThat(proxied.body()).doesNotContain("/dev/mailbox");
	}

	@Test
	void requestsAreMeasuredWithoutAnObservationForEveryFilter() {
		visitor().get("/terms");
		MeterRegistry meters = this.context.getBean(MeterRegistry.class);
		// the request is timed once its answer is sent, which the visitor may read first
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(meters.find("http.server.requests").tag("uri", "/terms").timer()).isNotNull());
		assertThat(meters.getMeters()).noneMatch((meter) -> meter.getId().getName().startsWith("spring.security"));
	}

	private WebVisitor visitor() {
		return new WebVisitor("http://localhost:" + this.port);
	}

	private static WebVisitor.Page luckyNumbers(WebVisitor visitor, String page) {
		Element form = Html.parse(page).selectFirst("form[hx-post]");
		Matcher header = Pattern.compile("\\{\"([\\w-]+)\":\"([^\"]+)\"}").matcher(form.attr("hx-headers"));
		assertThat(header.matches()).as(form.attr("hx-headers")).isTrue();
		return visitor.send(HttpRequest.newBuilder(visitor.uri(form.attr("hx-post")))
			.header("HX-Request", "true")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header(header.group(1), header.group(2))
			.POST(HttpRequest.BodyPublishers.noBody()));
	}

	private static String token(String page) {
		Matcher token = META_TOKEN.matcher(page);
		assertThat(token.find()).isTrue();
		return token.group(1);
	}

	private static String serverTime(String page) {
		Matcher time = SERVER_TIME.matcher(page);
		assertThat(time.find()).isTrue();
		return time.group(1);
	}

	/** The page with its CSRF token taken out, wherever it is written. */
	private static String withoutTokens(String page) {
		assertThat(MARKER.matcher(page).find()).isFalse();
		return page.replace(token(page), "TOKEN");
	}

}
