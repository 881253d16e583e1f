package com.novanta.config;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The pages that are the same for every visitor who is not signed in (home, the lotteries
 * and their results, statistics, the number checker, the terms) are rendered at most once
 * a second of the application's clock for each address, language and {@code Accept}
 * header, and served from memory to every other such visitor in that second: what takes a
 * page its time is rendering it (issue 17's profiles), and a second is as fresh as a
 * visitor can tell.
 *
 * <p>
 * What differs between two visitors in the same second goes into the copy as it is
 * served: the visitor's own CSRF token (the page is rendered with a marker in its place,
 * which is replaced by the token of each visitor, who gets its cookie as from any page),
 * and the server's clock in {@code <meta name="server-time">} (to the millisecond, for
 * the countdowns). A page that sets a cookie (a language chosen with {@code ?lang=}),
 * answers other than 200 with HTML, or is larger than {@value #MAX_PAGE_BYTES} bytes is
 * served and not kept. Signed-in visitors, visitors with a session, htmx requests and
 * every other method than GET are never served from here. Concurrent requests for a page
 * not yet rendered in this second wait for the one rendering it rather than render it
 * too. A change shows on these pages within a second on this instance, and on every
 * instance within a second of it being stored.
 */
final class SharedPages extends OncePerRequestFilter {

	/** The pages shared by visitors, by path; {@code /lotteries/{id}} is one of them. */
	static final Set<String> PATHS = Set.of("/", "/lotteries", "/statistics", "/checker", "/terms");

	static final String LOTTERY_PAGES = "/lotteries/";

	static final int MAX_PAGE_BYTES = 256 * 1024;

	/** How many different pages are kept in one second; more are served, not kept. */
	static final int MAX_PAGES = 256;

	private static final String SERVER_TIME = "<meta name=\"server-time\" content=\"";

	private final Clock clock;

	private final LocaleResolver locales;

	private final String csrfHeader;

	private final String csrfParameter;

	/** Stands for the visitor's CSRF token in a page kept here; unguessable. */
	private final String marker;

	private final AtomicReference<Second> current = new AtomicReference<>(new Second(Long.MIN_VALUE));

	SharedPages(Clock clock, LocaleResolver locales, String csrfHeader, String csrfParameter) {
		this.clock = clock;
		this.locales = locales;
		this.csrfHeader = csrfHeader;
		this.csrfParameter = csrfParameter;
		byte[] random = new byte[20];
		new SecureRandom().nextBytes(random);
		this.marker = "csrf" + HexFormat.of().formatHex(random);
	}

	/** Whether a request may be answered with a page shared by visitors. */
	static boolean isShareable(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod()) || request.getHeader("HX-Request") != null
				|| request.getRequestedSessionId() != null) {
			return false;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean shared = PATHS.contains(path) || (path.startsWith(LOTTERY_PAGES)
				&& path.length() > LOTTERY_PAGES.length() && path.indexOf('/', LOTTERY_PAGES.length()) < 0);
		if (!shared) {
			return false;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || authentication instanceof AnonymousAuthenticationToken;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !isShareable(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Instant now = this.clock.instant();
		Second second = second(now.getEpochSecond());
		Key key = new Key(request.getScheme(), request.getServerName(), request.getServerPort(),
				request.getRequestURI(), request.getQueryString(), this.locales.resolveLocale(request),
				request.getHeader(HttpHeaders.ACCEPT), DevMode.isFromThisMachine(request));
		CompletableFuture<Page> mine = new CompletableFuture<>();
		// a page kept is served even once the second holds as many as it may keep
		CompletableFuture<Page> theirs = second.pages.get(key);
		if (theirs == null && second.pages.size() < MAX_PAGES) {
			theirs = second.pages.putIfAbsent(key, mine);
		}
		if (theirs != null && theirs != mine) {
			Page page = awaitPage(theirs);
			if (page != null) {
				page.serve(request, response, this.clock.instant());
				return;
			}
			mine = new CompletableFuture<>();
		}
		Page page = null;
		try {
			page = render(request, response, chain);
		}
		finally {
			if (page != null && page.keep()) {
				mine.complete(page);
			}
			else {
				// not kept: it holds no place among those the second may keep
				second.pages.remove(key, mine);
				mine.complete(null);
			}
		}
	}

	private static Page awaitPage(CompletableFuture<Page> page) {
		try {
			return page.get(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (Exception ex) {
			return null;
		}
	}

	private Second second(long epochSecond) {
		while (true) {
			Second second = this.current.get();
			if (second.epochSecond == epochSecond) {
				return second;
			}
			Second next = new Second(epochSecond);
			if (this.current.compareAndSet(second, next)) {
				return next;
			}
		}
	}

	/**
	 * Renders the page with a marker for the CSRF token, serves it with the visitor's own
	 * token, and says whether it may be kept.
	 */
	private Page render(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object token = request.getAttribute(CsrfToken.class.getName());
		Object tokenAlias = request.getAttribute(this.csrfParameter);
		CsrfToken marker = new DefaultCsrfToken(this.csrfHeader, this.csrfParameter, this.marker);
		if (token != null) {
			request.setAttribute(CsrfToken.class.getName(), marker);
		}
		if (tokenAlias != null) {
			request.setAttribute(this.csrfParameter, marker);
		}
		Set<String> before = new HashSet<>(response.getHeaderNames());
		ContentCachingResponseWrapper rendered = new ContentCachingResponseWrapper(response);
		try {
			chain.doFilter(request, rendered);
		}
		finally {
			if (token != null) {
				request.setAttribute(CsrfToken.class.getName(), token);
			}
			if (tokenAlias != null) {
				request.setAttribute(this.csrfParameter, tokenAlias);
			}
		}
		if (response.isCommitted()) {
			// an error or a redirect the container answers itself
			return null;
		}
		List<Map.Entry<String, String>> headers = new ArrayList<>();
		for (String name : response.getHeaderNames()) {
			if (!before.contains(name)) {
				for (String value : response.getHeaders(name)) {
					headers.add(Map.entry(name, value));
				}
			}
		}
		String encoding = rendered.getCharacterEncoding();
		Charset charset = (encoding != null && Charset.isSupported(encoding)) ? Charset.forName(encoding)
				: StandardCharsets.UTF_8;
		String body = new String(rendered.getContentAsByteArray(), charset);
		boolean html = rendered.getContentType() != null
				&& MediaType.TEXT_HTML.isCompatibleWith(MediaType.parseMediaType(rendered.getContentType()));
		boolean keep = rendered.getStatus() == HttpServletResponse.SC_OK && html
				&& headers.stream().noneMatch((header) -> header.getKey().equalsIgnoreCase(HttpHeaders.SET_COOKIE))
				&& rendered.getContentSize() <= MAX_PAGE_BYTES;
		Page page = Page.of(rendered.getStatus(), headers, body, charset, this.marker, keep);
		// the headers went out already; what is left is the body, with this visitor's
		// token
		page.serveBody(request, response, this.clock.instant());
		return page;
	}

	/** The pages of one second of the application's clock. */
	private static final class Second {

		final long epochSecond;

		final Map<Key, CompletableFuture<Page>> pages = new ConcurrentHashMap<>();

		Second(long epochSecond) {
			this.epochSecond = epochSecond;
		}

	}

	/**
	 * What a page shared by visitors depends on: the address it was asked at (links made
	 * absolute from the request, such as the calendar's, name its host: one host's page
	 * is never served to another), the language, what was accepted, and whether it came
	 * from this machine (which sees the dev mailbox's link in dev mode).
	 */
	private record Key(String scheme, String host, int port, String path, String query, Locale locale, String accept,
			boolean fromThisMachine) {

	}

	/**
	 * A rendered page, in pieces: between two pieces goes the visitor's CSRF token or the
	 * server's time, as {@link #gaps} say.
	 */
	record Page(int status, List<Map.Entry<String, String>> headers, List<byte[]> pieces, List<Gap> gaps,
			Charset charset, boolean keep) {

		enum Gap {

			TOKEN, TIME

		}

		static Page of(int status, List<Map.Entry<String, String>> headers, String body, Charset charset, String marker,
				boolean keep) {
			List<byte[]> pieces = new ArrayList<>();
			List<Gap> gaps = new ArrayList<>();
			int from = 0;
			int time = body.indexOf(SERVER_TIME);
			int timeStart = (time >= 0) ? time + SERVER_TIME.length() : -1;
			int timeEnd = (timeStart >= 0) ? body.indexOf('"', timeStart) : -1;
			while (true) {
				int token = body.indexOf(marker, from);
				boolean timeNext = timeEnd >= 0 && timeStart >= from && (token < 0 || timeStart < token);
				if (timeNext) {
					pieces.add(body.substring(from, timeStart).getBytes(charset));
					gaps.add(Gap.TIME);
					from = timeEnd;
				}
				else if (token >= 0) {
					pieces.add(body.substring(from, token).getBytes(charset));
					gaps.add(Gap.TOKEN);
					from = token + marker.length();
				}
				else {
					pieces.add(body.substring(from).getBytes(charset));
					return new Page(status, List.copyOf(headers), List.copyOf(pieces), List.copyOf(gaps), charset,
							keep);
				}
			}
		}

		void serve(HttpServletRequest request, HttpServletResponse response, Instant now) throws IOException {
			response.setStatus(this.status);
			for (Map.Entry<String, String> header : this.headers) {
				response.addHeader(header.getKey(), header.getValue());
			}
			serveBody(request, response, now);
		}

		void serveBody(HttpServletRequest request, HttpServletResponse response, Instant now) throws IOException {
			byte[] token = null;
			byte[] time = null;
			int length = 0;
			for (byte[] piece : this.pieces) {
				length += piece.length;
			}
			for (Gap gap : this.gaps) {
				if (gap == Gap.TOKEN) {
					if (token == null) {
						// the visitor's own token; a first visitor's cookie is set here,
						// before the body
						CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
						token = ((csrf != null) ? csrf.getToken() : "").getBytes(this.charset);
					}
					length += token.length;
				}
				else {
					if (time == null) {
						time = now.toString().getBytes(this.charset);
					}
					length += time.length;
				}
			}
			response.setContentLength(length);
			var out = response.getOutputStream();
			for (int i = 0; i < this.pieces.size(); i++) {
				out.write(this.pieces.get(i));
				if (i < this.gaps.size()) {
					out.write((this.gaps.get(i) == Gap.TOKEN) ? token : time);
				}
			}
			out.flush();
		}

	}

}
