package com.novanta.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What protects every account page: CSRF tokens, sign-in redirects, security headers. */
@IntegrationTest
class AccountSecurityTests {

	static final String PASSWORD = "a long passphrase";

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	TestParticipants accounts;

	final RequestPostProcessor client = TestParticipants.newClient();

	Account account;

	@BeforeEach
	void createAccount() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.account = this.accounts.verifiedAccount(TestParticipants.email("csrf"), PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/signup", "/signin", "/signout", "/password/forgot", "/password/reset", "/account",
			"/account/password", "/account/delete", "/account/verify/resend", "/signin/link", "/signin/link/email",
			"/account/identities/google/link", "/account/identities/google/unlink", "/account/signout-everywhere" })
	void everyFormIsRefusedWithoutACsrfToken(String path) throws Exception {
		this.mvc.perform(post(path).with(this.client).with(TestParticipants.signedIn(this.account)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(path).with(this.client).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
	}

	/**
	 * With the token, each form gets its own handler's answer, exactly: a page (200) or a
	 * redirect to where that handler sends. The forms are posted with the fields their
	 * pages always send (the checkbox markers, the profile's settings), so that the
	 * answer is the handler's decision, not a form that could not be built.
	 */
	@ParameterizedTest(name = "{0} {1}")
	@CsvSource(delimiter = '|', nullValues = "-",
			textBlock = """
					/signup                          | _adult=on&_terms=on                                      | 200 | -
					/signin                          | -                                                        | 302 | /signin?error
					/signout                         | -                                                        | 302 | /?signedOut
					/password/forgot                 | -                                                        | 200 | -
					/password/reset                  | -                                                        | 200 | -
					/account                         | name=Ada&timeZone=Europe/Rome&language=en&_noWinEmails=on | 302 | /account
					/account/password                | -                                                        | 200 | -
					/account/delete                  | -                                                        | 302 | /account#delete
					/account/verify/resend           | -                                                        | 302 | /account
					/signin/link                     | -                                                        | 302 | /signin
					/signin/link/email               | -                                                        | 302 | /signin
					/account/identities/google/link  | -                                                        | 302 | /account
					/account/identities/google/unlink | -                                                       | 302 | /account
					/account/signout-everywhere      | -                                                        | 302 | /?signedOutEverywhere
					""")
	void everyFormIsAcceptedWithTheCsrfToken(String path, String fields, int expectedStatus, String redirect)
			throws Exception {
		MockHttpServletRequestBuilder request = post(path).with(this.client)
			.with(TestParticipants.signedIn(this.account))
			.with(csrf());
		if (fields != null) {
			for (String field : fields.split("&")) {
				String[] nameAndValue = field.split("=", 2);
				request.param(nameAndValue[0], nameAndValue[1]);
			}
		}
		MockHttpServletResponse response = this.mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(expectedStatus);
		assertThat(response.getRedirectedUrl()).as(path).isEqualTo(redirect);
	}

	@Test
	void deletingWithoutACsrfTokenChangesNothing() throws Exception {
		this.mvc
			.perform(post("/account/delete").param("confirmation", PASSWORD)
				.with(this.client)
				.with(TestParticipants.signedIn(this.account)))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.reload(this.account).status()).isEqualTo(AccountStatus.ACTIVE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/account", "/account/verify/resend" })
	void accountPagesSendVisitorsToSignIn(String path) throws Exception {
		this.mvc.perform(get(path)).andExpect(status().isFound()).andExpect(redirectedUrl("/signin"));
	}

	@Test
	void anHtmxRequestWithoutASessionRefreshesThePageInsteadOfSwappingInTheSignInForm() throws Exception {
		this.mvc.perform(get("/account").header("HX-Request", "true"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void anHtmxRequestOnASessionThatWasEndedRefreshesThePage() throws Exception {
		MockHttpSession session = signIn();
		this.mvc.perform(get("/account").session(session)).andExpect(status().isOk());

		// Elsewhere, the password was changed: every other session ends.
		this.repository.update(this.account.id(), new Update().inc("sessionEpoch", 1));

		this.mvc.perform(get("/account").session(session).header("HX-Request", "true"))
			.andExpect(status().isForbidden())
			.andExpect(header().string("HX-Refresh", "true"));
	}

	@Test
	void accountPagesSendSecurityHeaders() throws Exception {
		MockHttpSession session = signIn();
		for (String page : new String[] { "/signin", "/signup", "/password/forgot", "/account" }) {
			this.mvc.perform(get(page).session(session))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
				.andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
				.andExpect(header().string("Content-Security-Policy", containsString("frame-ancestors 'none'")))
				.andExpect(header().string("X-Content-Type-Options", "nosniff"))
				.andExpect(header().string("X-Frame-Options", "SAMEORIGIN"))
				.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
				.andExpect(header().string("Cache-Control", containsString("no-store")));
		}
	}

	@Test
	void theSessionAndRememberMeCookiesAreHttpOnly() throws Exception {
		// Over real HTTP, to see the cookies as the servlet container sends them. (Where
		// the CSRF token is kept is left alone: in this shared context, MockMvc's csrf()
		// swaps the filter's token repository for a session-based one.)
		WebVisitor visitor = new WebVisitor("http://localhost:" + this.port);
		visitor.get("/signin");
		WebVisitor.Page signedIn = visitor.post("/signin", Map.of("email", List.of(this.account.email()), "password",
				List.of(PASSWORD), "remember", List.of("true")));

		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.location()).isEqualTo("/");
		assertThat(cookie(signedIn, "NOVANTA-SESSION")).contains("HttpOnly").containsIgnoringCase("SameSite=Lax");
		assertThat(cookie(signedIn, "NOVANTA-REMEMBER")).contains("HttpOnly");
	}

	@Test
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession session = signIn();

		this.mvc.perform(post("/signout").session(session).with(csrf())).andExpect(redirectedUrl("/?signedOut"));

		assertThat(session.isInvalid()).isTrue();
	}

	private static String cookie(WebVisitor.Page page, String name) {
		return page.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter((cookie) -> cookie.startsWith(name + "="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No " + name + " cookie in " + page.headers().map()));
	}

	private MockHttpSession signIn() throws Exception {
		return TestParticipants.signInThroughForm(this.mvc, this.account.email(), PASSWORD, this.client);
	}

}
