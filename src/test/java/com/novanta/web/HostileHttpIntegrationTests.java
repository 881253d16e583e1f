package com.novanta.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.stream.Stream;

import com.novanta.account.TestParticipants;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile requests that only a real server shows: bodies too large (Tomcat enforces the
 * limits), too many parameters, multipart bodies, paths the firewall refuses, request
 * lines and headers no browser sends, and the error pages every refusal renders. Over
 * real HTTP, on the application's random port.
 */
@IntegrationTest
class HostileHttpIntegrationTests {

	@Autowired
	Environment environment;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	HostileFixture fixture;

	@BeforeEach
	void setUp() {
		this.fixture = HostileFixture.of(this.context);
	}

	static Stream<HostileRequest> anonymousUrls() {
		return HostileUrlParameterTests.everyUrlParameter()
			.filter((hostile) -> hostile.who() == HostileRequest.Who.ANONYMOUS);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("anonymousUrls")
	void everyRefusalRendersItsPageWithoutDetails(HostileRequest hostile) throws Exception {
		Browser browser = new Browser();
		HttpRequest.Builder request = HttpRequest.newBuilder(browser.uri(hostile.url(this.fixture::reference)));
		hostile.headers().forEach(request::header);
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		if (!hostile.headers().containsKey("HX-Request")) {
			request.header("Accept", "text/html");
		}
		HttpResponse<String> response = browser.send(request.GET());
		before.assertUnchanged();

		assertThat(response.statusCode()).as(hostile.toString()).isEqualTo(hostile.status());
		HostileRequests.assertAnswerIsClean(response.body());
		String text = Html.parse(response.body()).text();
		if (hostile.text() != null) {
			assertThat(text).contains(hostile.text());
		}
		if (hostile.status() >= 400 && hostile.headers().containsKey("HX-Request")) {
			assertThat(response.headers().firstValue("HX-Retarget")).hasValue("#alerts");
			assertThat(response.body()).doesNotContain("<html").contains("role=\"alert\"");
		}
		else if (hostile.isRefusedByTomcat()) {
			assertThat(text).contains("HTTP Status " + hostile.status()).doesNotContain("Apache Tomcat/");
		}
		else if (hostile.status() >= 400 && hostile.text() == null) {
			assertThat(text).contains("Error " + hostile.status()).contains("Back to the home page");
		}
	}

	@Test
	void aFormTooLargeGetsTheTooLargePageAndChangesNothing() throws Exception {
		Browser browser = new Browser();
		String token = browser.csrfToken("/signup");
		String body = form("_csrf", token, "name", "n".repeat(200_000), "email", "big@example.com", "password",
				"a long passphrase", "adult", "true", "terms", "true");

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		HttpResponse<String> response = browser.post("/signup", body);
		before.assertNothingChanged();

		assertThat(response.statusCode()).isEqualTo(413);
		HostileRequests.assertAnswerIsClean(response.body());
		assertThat(Html.parse(response.body()).text()).contains("Error 413")
			.contains("The form was larger than any of our pages sends.");
	}

	@Test
	void aBodyFarTooLargeIsNotReadAndChangesNothing() throws Exception {
		Browser browser = new Browser();
		String token = browser.csrfToken("/signup");
		String body = form("_csrf", token, "name", "n".repeat(20_000_000));

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		int status;
		try {
			status = browser.post("/signup", body).statusCode();
		}
		catch (IOException ex) {
			// the server answered and closed the connection before reading it all
			status = 413;
		}
		before.assertNothingChanged();
		assertThat(status).isEqualTo(413);
	}

	@Test
	void tooManyParametersAreABadRequest() throws Exception {
		Browser browser = new Browser();
		String token = browser.csrfToken("/signup");
		StringBuilder body = new StringBuilder(form("_csrf", token));
		for (int i = 0; i < 5000; i++) {
			body.append("&p").append(i).append("=x");
		}

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		HttpResponse<String> response = browser.post("/signup", body.toString());
		before.assertNothingChanged();

		assertThat(response.statusCode()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
	}

	@Test
	void aMultipartBodyIsNotAFormOfOurs() throws Exception {
		Browser browser = new Browser();
		String token = browser.csrfToken("/signup");
		String boundary = "hostile-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"name\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(3_000_000) + "\r\n--" + boundary
				+ "--\r\n";

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		HttpResponse<String> response = browser.send(HttpRequest.newBuilder(browser.uri("/signup"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept", "text/html")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
		before.assertNothingChanged();

		assertThat(response.statusCode()).isBetween(400, 499);
		HostileRequests.assertAnswerIsClean(response.body());
	}

	@Test
	void aLineOfABallotFormThatCannotExistGetsTheBadRequestPage() throws Exception {
		Browser browser = new Browser();
		browser.signIn(this.fixture.participant.email(), TestParticipants.PASSWORD);
		String token = browser.csrfToken("/play/" + this.fixture.lottery.id());

		DatabaseSnapshot before = this.fixture.snapshot();
		HttpResponse<String> response = browser.post("/play/" + this.fixture.lottery.id(),
				form("_csrf", token, "key", "http-hostile", "lines[5000].numbers", "1"));
		before.assertUnchanged();

		assertThat(response.statusCode()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
		assertThat(Html.parse(response.body()).text()).contains("Error 400")
			.contains("We could not understand that request");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "//evil.example", "//evil.example/%2e%2e", "/%2F%2Fevil.example", "/\\evil.example",
			"/lotteries/..%2F..%2Fadmin", "/lotteries;jsessionid=forged", "/lotteries/%0d%0aSet-Cookie:%20x=y",
			"/lotteries/%00", "/./admin", "/lotteries/../admin", "/admin/%2e%2e/account",
			"http://evil.example/lotteries", "/signin?continue=//evil.example" })
	void pathsNoBrowserSendsGoNowhere(String target) throws Exception {
		String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");

		String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
		int status = Integer.parseInt(head.substring(9, 12));
		assertThat(status).as(head).isBetween(200, 499);
		assertThat(head).doesNotContainIgnoringCase("Location: http://evil")
			.doesNotContainIgnoringCase("Location: //evil")
			.doesNotContainIgnoringCase("Set-Cookie: x=");
		HostileRequests.assertAnswerIsClean(response);
		assertThat(response).doesNotContain("Apache Tomcat/");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "url", "header", "cookie" })
	void requestsTooLargeToReadGetABadRequest(String where) throws Exception {
		String big = "x".repeat(20_000);
		String request = switch (where) {
			case "url" -> "GET /lotteries?game=" + big + " HTTP/1.1\r\nHost: localhost\r\n";
			case "header" -> "GET /lotteries HTTP/1.1\r\nHost: localhost\r\nX-Hostile: " + big + "\r\n";
			default -> "GET /lotteries HTTP/1.1\r\nHost: localhost\r\nCookie: NOVANTA-SESSION=" + big + "\r\n";
		};
		String response = raw(request + "Accept: text/html\r\nConnection: close\r\n\r\n");

		assertThat(response).startsWith("HTTP/1.1 400");
		HostileRequests.assertAnswerIsClean(response);
		assertThat(response).doesNotContain("Apache Tomcat/");
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream read = new ByteArrayOutputStream();
			in.transferTo(read);
			return read.toString(StandardCharsets.UTF_8);
		}
	}

	private int port() {
		return Integer.parseInt(this.environment.getRequiredProperty("local.server.port"));
	}

	private static String form(String... namesAndValues) {
		StringBuilder form = new StringBuilder();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			if (!form.isEmpty()) {
				form.append('&');
			}
			form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8))
				.append('=')
				.append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	/**
	 * A client that keeps its cookies, as a browser does, and never follows redirects.
	 */
	final class Browser {

		private final HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(10))
			.build();

		URI uri(String path) {
			return URI.create("http://localhost:" + port() + path);
		}

		HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
			return this.client.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString());
		}

		HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
			return send(HttpRequest.newBuilder(uri(path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(form)));
		}

		/** The CSRF token of the page's form (and its cookie, kept). */
		String csrfToken(String path) throws IOException, InterruptedException {
			HttpResponse<String> page = send(HttpRequest.newBuilder(uri(path)).GET());
			assertThat(page.statusCode()).as(path).isEqualTo(200);
			return Html.parse(page.body()).select("input[name=_csrf]").first().val();
		}

		void signIn(String email, String password) throws IOException, InterruptedException {
			String token = csrfToken("/signin");
			HttpResponse<String> signedIn = post("/signin", form("_csrf", token, "email", email, "password", password));
			assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(
					(location) -> assertThat(location).doesNotContain("error").doesNotContain("locked"));
		}

	}

}
