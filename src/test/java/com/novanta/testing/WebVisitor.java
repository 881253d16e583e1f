package com.novanta.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A visitor of the site over real HTTP, as a browser without JavaScript: it keeps its
 * cookies (session, CSRF, remember-me), sends the CSRF token of the last page it read
 * with every form, and does not follow redirects. Cookies are not tied to a port, so the
 * same visitor can go from one application instance to another, as behind a load
 * balancer. Thread-safe, so that one visitor can be shared; visitors share one HTTP
 * client.
 */
public final class WebVisitor {

	private static final HttpClient CLIENT = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	private static final Pattern CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

	private final Map<String, String> cookies = new ConcurrentHashMap<>();

	private volatile String baseUrl;

	private volatile String csrfToken = "";

	public WebVisitor(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/** From now on, talks to the instance at this address (cookies and token kept). */
	public WebVisitor at(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	public String csrfToken() {
		return this.csrfToken;
	}

	public String cookie(String name) {
		return this.cookies.get(name);
	}

	/** Holds a cookie, as if the site had set it (or it was copied from elsewhere). */
	public WebVisitor withCookie(String name, String value) {
		this.cookies.put(name, value);
		return this;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).GET());
	}

	/** A GET as htmx sends it. */
	public Page htmxGet(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path)).header("HX-Request", "true").GET());
	}

	/**
	 * Posts a form, with the CSRF token of the last page read. Values are lists, so that
	 * a field can repeat (the numbers of a line).
	 */
	public Page post(String path, Map<String, List<String>> form) {
		StringJoiner body = new StringJoiner("&");
		body.add("_csrf=" + encode(this.csrfToken));
		form.forEach((name, values) -> values.forEach((value) -> body.add(encode(name) + "=" + encode(value))));
		return send(HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body.toString())));
	}

	/**
	 * Posts a body exactly as given (no token added): for requests no page of ours would
	 * send.
	 */
	public Page postRaw(String path, String contentType, String body) {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", contentType)
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	/**
	 * Sends a request exactly as written, over a connection of its own (no cookies
	 * added): for what no HTTP client lets one send, such as another {@code Host}.
	 * @return the whole answer, status line and headers included
	 */
	public String raw(String request) {
		URI base = URI.create(this.baseUrl);
		try (Socket socket = new Socket(base.getHost(), base.getPort())) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The address of a path on the instance. */
	public URI uri(String path) {
		return URI.create(this.baseUrl + path);
	}

	/** Signs in through the form; {@code true} when the site let the visitor in. */
	public boolean signIn(String email, String password) {
		get("/signin");
		Page answer = post("/signin", Map.of("email", List.of(email), "password", List.of(password)));
		return answer.status() == 302 && !answer.location().contains("error");
	}

	/** Sends a request of one's own making, with this visitor's cookies. */
	public Page send(HttpRequest.Builder request) {
		// what a browser asks for a page, and what htmx asks for a fragment
		boolean htmx = request.copy().build().headers().firstValue("HX-Request").isPresent();
		request.timeout(Duration.ofSeconds(30))
			.header("Accept", htmx ? "*/*" : "text/html,application/xhtml+xml,*/*;q=0.8")
			.header("Accept-Language", "en");
		String cookieHeader = cookieHeader();
		if (!cookieHeader.isEmpty()) {
			request.header("Cookie", cookieHeader);
		}
		try {
			HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
			response.headers().allValues("Set-Cookie").forEach(this::remember);
			String body = response.body();
			Matcher token = CSRF.matcher(body);
			if (token.find() && !token.group(1).isEmpty()) {
				this.csrfToken = token.group(1);
			}
			return new Page(response.statusCode(), body, response.headers().firstValue("Location").orElse(""),
					response.headers());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The {@code Cookie} header this visitor sends. */
	public String cookieHeader() {
		StringJoiner header = new StringJoiner("; ");
		this.cookies.forEach((name, value) -> header.add(name + "=" + value));
		return header.toString();
	}

	private void remember(String setCookie) {
		String pair = setCookie.split(";", 2)[0];
		int equals = pair.indexOf('=');
		if (equals <= 0) {
			return;
		}
		String name = pair.substring(0, equals).trim();
		String value = pair.substring(equals + 1).trim();
		boolean expired = setCookie.toLowerCase(Locale.ROOT).contains("max-age=0") || value.isEmpty();
		if (expired) {
			this.cookies.remove(name);
		}
		else {
			this.cookies.put(name, value);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	/**
	 * One answer.
	 *
	 * @param status the HTTP status
	 * @param body the body
	 * @param location the {@code Location} header, or empty
	 * @param headers every header
	 */
	public record Page(int status, String body, String location, HttpHeaders headers) {

		public String header(String name) {
			return this.headers.firstValue(name).orElse(null);
		}

	}

}
