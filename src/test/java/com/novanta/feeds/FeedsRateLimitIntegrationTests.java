package com.novanta.feeds;

import java.time.Duration;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import com.novanta.account.TestParticipants;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The open results' rate limit per client address: past it a 429 with Retry-After, JSON
 * from the API and text from the feeds, for that address only and until the window ends.
 */
@IntegrationTest
class FeedsRateLimitIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	/**
	 * The test profile's limit: high enough that no other test from the loopback reaches
	 * it.
	 */
	@Value("${lottery.feeds.rate-limit.requests}")
	int limit;

	@Test
	void aClientPastItsLimitIsToldToComeBackLater() throws Exception {
		String client = TestParticipants.clientAddress();
		String other = TestParticipants.clientAddress();
		// all but the last few of the client's requests counted without sending them (the
		// counting itself: ClientRateLimitTests), the last few sent
		ClientRateLimit counts = this.context.getBean("openResultsRateLimit", FilterRegistrationBean.class)
			.getFilter() instanceof RateLimitFilter filter ? filter.limit() : null;
		assertThat(counts.limit()).isEqualTo(this.limit);
		for (int i = 0; i < this.limit - 3; i++) {
			assertThat(counts.tryAcquire(client)).isZero();
		}
		for (String path : List.of("/api/v1/games", "/feeds/daily/draws.csv", "/api/v1/games/bingo/latest")) {
			assertThat(status(get(path), client)).as(path).isIn(200, 404);
		}

		MockHttpServletResponse refused = perform(get("/api/v1/games"), client);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		assertThat(refused.getContentType()).startsWith("application/json");
		assertThat(JsonPath.parse(refused.getContentAsString()).read("$.message", String.class))
			.startsWith("Too many requests from your address.");
		assertThat(refused.getHeader(HttpHeaders.ETAG)).isNull();

		MockHttpServletResponse feed = perform(get("/feeds/daily/atom.xml").header(HttpHeaders.ACCEPT_LANGUAGE, "it"),
				client);
		assertThat(feed.getStatus()).isEqualTo(429);
		assertThat(feed.getContentType()).startsWith("text/plain");
		assertThat(feed.getContentAsString()).startsWith("Troppe richieste dal tuo indirizzo.");

		assertThat(status(get("/api/v1/games"), other)).as("another address").isEqualTo(200);
		assertThat(status(get("/lotteries"), client)).as("the pages are not limited so").isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(Long.parseLong(refused.getHeader(HttpHeaders.RETRY_AFTER))));
		assertThat(status(get("/api/v1/games"), client)).as("once the window ended").isEqualTo(200);
	}

	private int status(MockHttpServletRequestBuilder request, String client) throws Exception {
		return perform(request, client).getStatus();
	}

	private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, String client) throws Exception {
		return this.mvc.perform(request.with((r) -> {
			r.setRemoteAddr(client);
			return r;
		})).andReturn().getResponse();
	}

}
