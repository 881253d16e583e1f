package com.novanta.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.novanta.account.TestParticipants;
import com.novanta.testing.DatabaseSnapshot;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.WebVisitor;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
		WebVisitor visitor = visitor();
		HttpRequest.Builder request = HttpRequest.newBuilder(visitor.uri(hostile.url(this.fixture::reference)));
		hostile.headers().forEach(request::header);
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		WebVisitor.Page response = visitor.send(request.GET());
		before.assertUnchanged();

		assertThat(response.status()).as(hostile.toString()).isEqualTo(hostile.status());
		HostileRequests.assertAnswerIsClean(response.body());
		String text = Html.parse(response.body()).text();
		if (hostile.text() != null) {
			assertThat(text).contains(hostile.text());
		}
		if (hostile.status() >= 400 && hostile.headers().containsKey("HX-Request")) {
			assertThat(response.header("HX-Retarget")).isEqualTo("#alerts");
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
		WebVisitor visitor = visitor();
		visitor.get("/signup");

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		WebVisitor.Page response = visitor.post("/signup",
				Map.of("name", List.of("n".repeat(200_000)), "email", List.of("big@example.com"), "password",
						List.of("a long passphrase"), "adult", List.of("true"), "terms", List.of("true")));
		before.assertNothingChanged();

		assertThat(response.status()).isEqualTo(413);
		HostileRequests.assertAnswerIsClean(response.body());
		assertThat(Html.parse(response.body()).text()).contains("Error 413")
			.contains("The form was larger than any of our pages sends.");
	}

	/**
	 * A body that announces 20 MB is answered with a 413 as soon as its headers arrive,
	 * and the connection is closed long before the body could be read. Over a raw socket,
	 * with the answer read while the body is still being sent: an HTTP client that writes
	 * the whole body first sees only the closed connection (and a connection refused or
	 * reset for any other reason must not pass for a 413).
	 */
	@Test
	void aBodyFarTooLargeIsAnsweredAndNotReadAndChangesNothing() throws Exception {
		long announced = 20_000_000;
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		ExecutorService reader = Executors.newSingleThreadExecutor();
		try (Socket socket = new Socket("localhost", port())) {
			socket.setSoTimeout(30_000);
			InputStream in = socket.getInputStream();
			Future<String> answer = reader.submit(() -> readUntilClosed(in));
			OutputStream out = socket.getOutputStream();
			out.write(("POST /signup HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
					+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + announced + "\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			byte[] chunk = ("name=" + "n".repeat(65_531)).getBytes(StandardCharsets.ISO_8859_1);
			long sent = 0;
			IOException refused = null;
			try {
				while (sent < announced) {
					int length = (int) Math.min(chunk.length, announced - sent);
					out.write(chunk, 0, length);
					sent += length;
				}
				out.flush();
			}
			catch (IOException ex) {
				refused = ex;
			}
			String response = answer.get(60, TimeUnit.SECONDS);
			before.assertNothingChanged();
			assertThat(response).startsWith("HTTP/1.1 413 ").contains("\r\nConnection: close\r\n");
			HostileRequests.assertAnswerIsClean(response);
			// Tomcat's own page answers here, not ours: rendering ours reads the
			// request's
			// parameters, which Tomcat refuses to parse from a body over its 2 MB limit
			assertThat(Html.parse(response.substring(response.indexOf("\r\n\r\n"))).text()).contains("HTTP Status 413")
				.doesNotContain("Apache Tomcat/");
			assertThat(refused).as("the server closed the connection before the body was sent").isNotNull();
			assertThat(sent).isLessThan(announced);
		}
		finally {
			reader.shutdownNow();
		}
	}

	@Test
	void tooManyParametersAreABadRequest() throws Exception {
		WebVisitor visitor = visitor();
		visitor.get("/signup");
		Map<String, List<String>> form = new LinkedHashMap<>();
		for (int i = 0; i < 5000; i++) {
			form.put("p" + i, List.of("x"));
		}

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		WebVisitor.Page response = visitor.post("/signup", form);
		before.assertNothingChanged();

		assertThat(response.status()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
	}

	@Test
	void aMultipartBodyIsNotAFormOfOurs() throws Exception {
		WebVisitor visitor = visitor();
		visitor.get("/signup");
		String token = visitor.csrfToken();
		String boundary = "hostile-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + token + "\r\n--"
				+ boundary + "\r\nContent-Disposition: form-data; name=\"name\"; filename=\"big.bin\"\r\n"
				+ "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(3_000_000) + "\r\n--" + boundary
				+ "--\r\n";

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		WebVisitor.Page response = visitor.postRaw("/signup", "multipart/form-data; boundary=" + boundary, body);
		before.assertNothingChanged();

		// larger than any form of ours: refused before it is read, like a form
		assertThat(response.status()).isEqualTo(413);
		HostileRequests.assertAnswerIsClean(response.body());
	}

	@Test
	void aLineOfABallotFormThatCannotExistGetsTheBadRequestPage() throws Exception {
		WebVisitor visitor = visitor();
		assertThat(visitor.signIn(this.fixture.participant.email(), TestParticipants.PASSWORD)).isTrue();
		visitor.get("/play/" + this.fixture.lottery.id());

		DatabaseSnapshot before = this.fixture.snapshot();
		WebVisitor.Page response = visitor.post("/play/" + this.fixture.lottery.id(),
				Map.of("key", List.of("http-hostile"), "lines[5000].numbers", List.of("1")));
		before.assertUnchanged();

		assertThat(response.status()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
		assertThat(Html.parse(response.body()).text()).contains("Error 400")
			.contains("We could not understand that request");
	}

	@Test
	void aJackpotAlertThatIsNotAnAmountIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
		WebVisitor visitor = visitor();
		assertThat(visitor.signIn(this.fixture.participant.email(), TestParticipants.PASSWORD)).isTrue();
		visitor.get("/account");

		DatabaseSnapshot before = this.fixture.snapshot();
		WebVisitor.Page response = visitor.post("/account/notifications",
				Map.of("_noWinEmails", List.of("on"), "_closing", List.of("on"), "closing", List.of("daily"),
						"thresholds[0]", List.of("€ 5.000,50"), "thresholds[1]", List.of("")));
		before.assertUnchanged();

		assertThat(response.status()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
		Document page = Html.parse(response.body());
		assertThat(page.select("#threshold-daily-error").text()).startsWith("Write a whole number of euros");
		assertThat(page.select("#threshold-daily").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.select("#threshold-daily").val()).isEqualTo("€ 5.000,50");
		assertThat(page.select("#closing-daily").hasAttr("checked")).as("kept as sent").isTrue();
	}

	@Test
	void aRenamedFieldOfTheSignUpFormGetsTheBadRequestPage() throws Exception {
		WebVisitor visitor = visitor();
		visitor.get("/signup");

		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		WebVisitor.Page response = visitor.post("/signup",
				Map.of("name.x", List.of("Mallory"), "email", List.of("renamed-http@example.com"), "password",
						List.of("a long hostile passphrase"), "adult", List.of("true"), "terms", List.of("true")));
		before.assertUnchanged();

		assertThat(response.status()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
		assertThat(Html.parse(response.body()).text()).contains("Error 400")
			.contains("We could not understand that request");
	}

	@Test
	void aNumberOfABallotAtAnOperatorGetsTheBadRequestPage() throws Exception {
		WebVisitor visitor = visitor();
		assertThat(visitor.signIn(this.fixture.participant.email(), TestParticipants.PASSWORD)).isTrue();
		visitor.get("/play/" + this.fixture.lottery.id());

		DatabaseSnapshot before = this.fixture.snapshot();
		WebVisitor.Page response = visitor.post("/play/" + this.fixture.lottery.id(),
				Map.of("key", List.of("http-renamed"), "lines[0].numbers[$ne]", List.of("1")));
		before.assertUnchanged();

		assertThat(response.status()).isEqualTo(400);
		HostileRequests.assertAnswerIsClean(response.body());
		assertThat(Html.parse(response.body()).text()).contains("Error 400")
			.contains("We could not understand that request");
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			//evil.example                      | 400
			//evil.example/%2e%2e               | 400
			/%2F%2Fevil.example                 | 400
			/\\evil.example                     | 400
			/lotteries/..%2F..%2Fadmin          | 400
			/lotteries;jsessionid=forged        | 400
			/lotteries/%0d%0aSet-Cookie:%20x=y  | 400
			/lotteries/%00                      | 400
			/./admin                            | 400
			/lotteries/../admin                 | 400
			/admin/%2e%2e/account               | 400
			http://evil.example/lotteries       | 400
			/signin?continue=//evil.example     | 200
			""")
	void pathsNoBrowserSendsGoNowhere(String target, int expectedStatus) throws Exception {
		String response = raw("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
				+ "Connection: close\r\n\r\n");

		String head = response.substring(0, Math.max(0, response.indexOf("\r\n\r\n")));
		int status = Integer.parseInt(head.substring(9, 12));
		assertThat(status).as(head).isEqualTo(expectedStatus);
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

	/**
	 * What the server sent until it closed the connection (a reset after its answer ends
	 * the reading, not the test).
	 */
	private static String readUntilClosed(InputStream in) {
		ByteArrayOutputStream read = new ByteArrayOutputStream();
		byte[] buffer = new byte[8192];
		try {
			for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
				read.write(buffer, 0, n);
			}
		}
		catch (IOException ex) {
			// reset after the answer: what was read stands
		}
		return read.toString(StandardCharsets.UTF_8);
	}

	private int port() {
		return Integer.parseInt(this.environment.getRequiredProperty("local.server.port"));
	}

	private WebVisitor visitor() {
		return new WebVisitor("http://localhost:" + port());
	}

}
