package com.novanta.config;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

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
