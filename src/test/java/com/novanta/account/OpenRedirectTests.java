package com.novanta.account;

import java.time.Clock;
import java.util.stream.Stream;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Where signing in leads: back to the page the visitor was heading for on this site, or
 * home; never to an address given in the request, whatever it is called. (Paths such as
 * {@code //evil.example} never reach a page at all: see
 * {@code HostileHttpIntegrationTests}.)
 */
@IntegrationTest
class OpenRedirectTests {

	static final String PASSWORD = "a long passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	Account account;

	final RequestPostProcessor client = TestParticipants.newClient();

	@BeforeEach
	void setUp() {
		this.account = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(TestParticipants.email("redirect"), PASSWORD);
	}

	static Stream<Arguments> returnUrls() {
		return Stream
			.of("continue", "redirect", "redirect_uri", "redirectUrl", "returnUrl", "return_to", "next", "url",
					"target", "targetUrl", "spring-security-redirect", "from")
			.flatMap((name) -> Stream
				.of("https://evil.example/", "//evil.example", "/\\evil.example", "https:evil.example",
						" //evil.example", "javascript:alert(1)")
				.map((url) -> Arguments.of(name, url)));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("returnUrls")
	void aReturnUrlInTheSignInFormIsIgnored(String name, String url) throws Exception {
		this.mvc.perform(signIn(new MockHttpSession()).param(name, url)).andExpect(redirectedUrl("/"));
	}

	@ParameterizedTest(name = "{0}={1}")
	@MethodSource("returnUrls")
	void aReturnUrlInTheSignInPageAddressIsIgnored(String name, String url) throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/signin").param(name, url).session(session).with(this.client)).andExpect(status().isOk());
		this.mvc.perform(signIn(session).queryParam(name, url)).andExpect(redirectedUrl("/"));
	}

	@Test
	void theSavedRequestLeadsBackToThisSite() throws Exception {
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/my/ballots").param("date", "//evil.example").session(session).with(this.client))
			.andExpect(redirectedUrl("/signin"));

		String target = this.mvc.perform(signIn(session).param("continue", "https://evil.example/"))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(target).startsWith("/my/ballots?").doesNotContain("//evil");
	}

	@Test
	void aSavedRequestOfAnotherHostIsNotFollowed() throws Exception {
		// A request the server was tricked into taking for another host's (a Host header
		// no browser would send) is saved with that host: only its path may be used.
		MockHttpSession session = new MockHttpSession();
		this.mvc.perform(get("/account").header("Host", "evil.example").session(session).with(this.client).with((r) -> {
			r.setServerName("evil.example");
			return r;
		})).andExpect(status().isFound());

		String target = this.mvc.perform(signIn(session))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();

		assertThat(target).startsWith("/account").doesNotContain("evil.example");
	}

	private MockHttpServletRequestBuilder signIn(MockHttpSession session) {
		return post("/signin").param("email", this.account.email())
			.param("password", PASSWORD)
			.session(session)
			.with(this.client)
			.with(csrf());
	}

}
