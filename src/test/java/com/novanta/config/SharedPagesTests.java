package com.novanta.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.novanta.testing.MutableClock;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which requests {@link SharedPages} may answer with a page kept for visitors, and how a
 * kept page is served to each: their token, the time of serving.
 */
class SharedPagesTests {

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@ParameterizedTest
	@CsvSource({ "GET, /, true", "GET, /lotteries, true", "GET, /lotteries/daily-2026-12-02, true",
			"GET, /statistics, true", "GET, /checker, true", "GET, /terms, true", "HEAD, /, false", "POST, /, false",
			"GET, /lotteries/daily-2026-12-02/ballots, false", "GET, /lotteries/, false", "GET, /play, false",
			"GET, /signin, false", "GET, /account, false", "GET, /my/ballots, false", "GET, /admin, false",
			"GET, /unsubscribe/no-win, false", "GET, /statistics/x, false" })
	void onlyThePublicPagesReadWithGet(String method, String path, boolean shareable) {
		assertThat(SharedPages.isShareable(new MockHttpServletRequest(method, path))).isEqualTo(shareable);
	}

	@Test
	void aVisitorWhoIsNotSignedInIsAnonymousToSecurity() {
		SecurityContextHolder.getContext()
			.setAuthentication(new AnonymousAuthenticationToken("key", "anonymous",
					AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")));
		assertThat(SharedPages.isShareable(new MockHttpServletRequest("GET", "/"))).isTrue();
	}

	@Test
	void notForSignedInVisitors() {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("ada", null,
					AuthorityUtils.createAuthorityList("ROLE_PARTICIPANT")));
		assertThat(SharedPages.isShareable(new MockHttpServletRequest("GET", "/"))).isFalse();
	}

	@Test
	void notForHtmxRequests() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/statistics");
		request.addHeader("HX-Request", "true");
		assertThat(SharedPages.isShareable(request)).isFalse();
	}

	@Test
	void notForVisitorsWithASession() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setRequestedSessionId("abc");
		assertThat(SharedPages.isShareable(request)).isFalse();
	}

	@Test
	void aPageIsRenderedOnceASecondAndAtMostMaxPagesAreKept() throws Exception {
		MutableClock clock = new MutableClock();
		clock.freezeAt(Instant.parse("2026-12-02T10:00:00Z"));
		SharedPages pages = new SharedPages(clock, new AcceptHeaderLocaleResolver(), "X-XSRF-TOKEN", "_csrf");
		AtomicInteger renders = new AtomicInteger();
		HttpServlet page = new HttpServlet() {
			@Override
			protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
				renders.incrementAndGet();
				response.setContentType("text/html;charset=UTF-8");
				if (request.getParameter("cookie") != null) {
					response.addCookie(new Cookie("novanta-lang", "it"));
				}
				response.getWriter().write("<p>" + request.getQueryString() + "</p>");
			}
		};

		assertThat(get(pages, page, "a=1")).isEqualTo("<p>a=1</p>");
		assertThat(get(pages, page, "a=1")).isEqualTo("<p>a=1</p>");
		assertThat(renders).as("the second from memory").hasValue(1);

		get(pages, page, "cookie=1");
		get(pages, page, "cookie=1");
		assertThat(renders).as("a page that sets a cookie is not kept").hasValue(3);

		// any query string is a page of its own: a flood of them keeps no more than the
		// bound, and the rest are rendered each time
		renders.set(0);
		for (int round = 0; round < 2; round++) {
			for (int i = 0; i < SharedPages.MAX_PAGES + 50; i++) {
				assertThat(get(pages, page, "q=" + i)).isEqualTo("<p>q=" + i + "</p>");
			}
		}
		// kept: "a=1" and the first MAX_PAGES - 1 of the flood
		assertThat(renders).hasValue(SharedPages.MAX_PAGES + 50 + 50 + 1);

		clock.advance(Duration.ofSeconds(1));
		renders.set(0);
		get(pages, page, "a=1");
		assertThat(renders).as("a new second renders again").hasValue(1);
	}

	private static String get(SharedPages pages, HttpServlet page, String query) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/statistics");
		request.setQueryString(query);
		for (String pair : query.split("&")) {
			String[] nameValue = pair.split("=", 2);
			request.addParameter(nameValue[0], nameValue[1]);
		}
		MockHttpServletResponse response = new MockHttpServletResponse();
		pages.doFilter(request, response, new MockFilterChain(page));
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void aKeptPageIsServedWithTheVisitorsTokenAndTheTimeOfServing() throws Exception {
		String marker = "csrf0123456789abcdef0123456789abcdef01234567";
		String body = "<meta name=\"csrf-token\" content=\"" + marker + "\">"
				+ "<meta name=\"server-time\" content=\"2026-12-02T09:00:00Z\">"
				+ "<form><input name=\"_csrf\" value=\"" + marker + "\"></form>é";
		SharedPages.Page page = SharedPages.Page.of(200, List.of(), body, StandardCharsets.UTF_8, marker, true);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-XSRF-TOKEN", "_csrf", "visitors"));
		MockHttpServletResponse response = new MockHttpServletResponse();

		page.serve(request, response, Instant.parse("2026-12-02T09:00:00.437Z"));

		String expected = "<meta name=\"csrf-token\" content=\"visitors\">"
				+ "<meta name=\"server-time\" content=\"2026-12-02T09:00:00.437Z\">"
				+ "<form><input name=\"_csrf\" value=\"visitors\"></form>é";
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(response.getContentLength()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void aPageWithoutTokenOrTimeIsServedAsItIs() throws Exception {
		SharedPages.Page page = SharedPages.Page.of(200, List.of(), "<p>plain</p>", StandardCharsets.UTF_8,
				"csrf0123456789abcdef0123456789abcdef01234567", true);
		MockHttpServletResponse response = new MockHttpServletResponse();
		page.serve(new MockHttpServletRequest("GET", "/terms"), response, Instant.EPOCH);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo("<p>plain</p>");
	}

}
