package com.novanta.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.UriComponentsBuilder;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * One row of a hostile-input table: a request someone could send on purpose, and the
 * answer it must get. Path variables and parameter values starting with {@code @} name
 * things of the {@link HostileFixture} ({@code @lottery}, {@code @otherSlip}...), made
 * once the application runs.
 */
final class HostileRequest {

	/** Who sends it. */
	enum Who {

		ANONYMOUS, PARTICIPANT, UNVERIFIED, ADMIN

	}

	private static final Pattern REFERENCE = Pattern.compile("@(\\w+)(.*)", Pattern.DOTALL);

	/** The CSRF token a form carries. */
	enum Csrf {

		VALID, MISSING, INVALID

	}

	private final String what;

	private final HttpMethod method;

	private final String path;

	private final List<String> pathVariables;

	private final List<Map.Entry<String, String>> params = new ArrayList<>();

	private final Map<String, String> headers = new LinkedHashMap<>();

	private Who who = Who.ANONYMOUS;

	private Csrf csrf = Csrf.VALID;

	private int status = 200;

	private String text;

	private String location;

	private String flash;

	private boolean refusedByTomcat;

	private boolean fromLoopback;

	private HostileRequest(String what, HttpMethod method, String path, String... pathVariables) {
		this.what = what;
		this.method = method;
		this.path = path;
		this.pathVariables = List.of(pathVariables);
	}

	/** Another request like this one, to change without changing this one. */
	HostileRequest copy() {
		return copy(this.what);
	}

	/** Another request like this one, described otherwise. */
	HostileRequest copy(String what) {
		HostileRequest copy = new HostileRequest(what, this.method, this.path,
				this.pathVariables.toArray(String[]::new));
		copy.params.addAll(this.params);
		copy.headers.putAll(this.headers);
		copy.who = this.who;
		copy.csrf = this.csrf;
		copy.status = this.status;
		copy.text = this.text;
		copy.location = this.location;
		copy.flash = this.flash;
		copy.refusedByTomcat = this.refusedByTomcat;
		copy.fromLoopback = this.fromLoopback;
		return copy;
	}

	static HostileRequest get(String what, String path, String... pathVariables) {
		return new HostileRequest(what, HttpMethod.GET, path, pathVariables);
	}

	static HostileRequest post(String what, String path, String... pathVariables) {
		return new HostileRequest(what, HttpMethod.POST, path, pathVariables);
	}

	HostileRequest as(Who who) {
		this.who = who;
		return this;
	}

	/** The parameter's values, instead of any it had. */
	HostileRequest param(String name, String... values) {
		this.params.removeIf((param) -> param.getKey().equals(name));
		for (String value : values) {
			this.params.add(Map.entry(name, value));
		}
		return this;
	}

	/** Without the parameter at all. */
	HostileRequest without(String name) {
		this.params.removeIf((param) -> param.getKey().equals(name));
		return this;
	}

	/**
	 * The parameter's values under another name, or {@code on} (as a checkbox marker
	 * sends) when it had none.
	 */
	HostileRequest rename(String name, String to) {
		List<String> values = this.params.stream()
			.filter((param) -> param.getKey().equals(name))
			.map(Map.Entry::getValue)
			.toList();
		this.params.removeIf((param) -> param.getKey().equals(name));
		return param(to, values.isEmpty() ? new String[] { "on" } : values.toArray(String[]::new));
	}

	HostileRequest header(String name, String value) {
		this.headers.put(name, value);
		return this;
	}

	HostileRequest htmx() {
		return header("HX-Request", "true");
	}

	HostileRequest withoutCsrfToken() {
		return csrfToken(Csrf.MISSING);
	}

	HostileRequest csrfToken(Csrf csrf) {
		this.csrf = csrf;
		return this;
	}

	/** The expected status. */
	HostileRequest expect(int status) {
		this.status = status;
		return this;
	}

	/** The expected status, and a text the answer shows. */
	HostileRequest expect(int status, String text) {
		this.status = status;
		this.text = text;
		return this;
	}

	/** A redirect to a URL starting with this. */
	HostileRequest redirectsTo(String location) {
		this.status = 302;
		this.location = location;
		return this;
	}

	/** A redirect to a URL starting with this, with a message for the next page. */
	HostileRequest redirectsTo(String location, String flash) {
		redirectsTo(location);
		this.flash = flash;
		return this;
	}

	/**
	 * Over real HTTP, Tomcat refuses it before the application sees it (with its own bare
	 * page, which names no version).
	 */
	HostileRequest refusedByTomcat() {
		this.refusedByTomcat = true;
		return this;
	}

	/**
	 * Sent from this machine (the dev mailbox answers no other), instead of a client
	 * address of its own.
	 */
	HostileRequest fromLoopback() {
		this.fromLoopback = true;
		return this;
	}

	boolean isFromLoopback() {
		return this.fromLoopback;
	}

	boolean isRefusedByTomcat() {
		return this.refusedByTomcat;
	}

	String flash() {
		return this.flash;
	}

	String what() {
		return this.what;
	}

	Who who() {
		return this.who;
	}

	HttpMethod method() {
		return this.method;
	}

	/** The names of its parameters. */
	List<String> paramNames() {
		return this.params.stream().map(Map.Entry::getKey).distinct().toList();
	}

	/** The path as written, with its variables. */
	String path() {
		return this.path;
	}

	int status() {
		return this.status;
	}

	String text() {
		return this.text;
	}

	String location() {
		return this.location;
	}

	Map<String, String> headers() {
		return this.headers;
	}

	/** The request for MockMvc, without who sends it. */
	MockHttpServletRequestBuilder build(Function<String, String> references) {
		Object[] variables = this.pathVariables.stream().map((value) -> resolve(value, references)).toArray();
		URI uri = UriComponentsBuilder.fromPath(this.path).encode().buildAndExpand(variables).toUri();
		MockHttpServletRequestBuilder builder = request(this.method, uri);
		for (Map.Entry<String, String> param : this.params) {
			String value = resolve(param.getValue(), references);
			if (this.method == HttpMethod.GET) {
				builder.queryParam(param.getKey(), value);
			}
			else {
				builder.param(param.getKey(), value);
			}
		}
		this.headers.forEach(builder::header);
		if (this.method != HttpMethod.GET) {
			switch (this.csrf) {
				case VALID -> builder.with(csrf());
				case INVALID -> builder.with(csrf().useInvalidToken());
				case MISSING -> {
				}
			}
		}
		return builder;
	}

	/** The URL (path and query, encoded) for a real HTTP client. */
	String url(Function<String, String> references) {
		UriComponentsBuilder builder = UriComponentsBuilder.fromPath(this.path);
		List<Object> variables = new ArrayList<>();
		this.pathVariables.forEach((value) -> variables.add(resolve(value, references)));
		for (Map.Entry<String, String> param : this.params) {
			builder.queryParam(param.getKey(), "{q" + variables.size() + "}");
			variables.add(resolve(param.getValue(), references));
		}
		// The template is encoded as is, the variables strictly (every reserved
		// character); they are expanded in order.
		return builder.encode().buildAndExpand(variables.toArray()).toUriString();
	}

	/** {@code @name} and whatever follows it, as in {@code @otherEmail\r\nBcc: ...}. */
	private static String resolve(String value, Function<String, String> references) {
		Matcher reference = REFERENCE.matcher((value != null) ? value : "");
		return reference.matches() ? references.apply(reference.group(1)) + reference.group(2) : value;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path + " (" + this.who.name().toLowerCase(Locale.ROOT)
				+ ((this.csrf != Csrf.VALID && this.method != HttpMethod.GET)
						? ", CSRF token " + this.csrf.name().toLowerCase(Locale.ROOT) : "")
				+ "): " + this.what + " → " + this.status;
	}

}
