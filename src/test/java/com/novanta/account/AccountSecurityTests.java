package com.novanta.account;

import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
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

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	TestAccounts accounts;

	final RequestPostProcessor client = TestAccounts.newClient();

	Account account;

	@BeforeEach
	void createAccount() {
		this.accounts = new TestAccounts(this.repository, this.passwordEncoder);
		this.account = this.accounts.verified(TestAccounts.email("csrf"), PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/signup", "/signin", "/signout", "/password/forgot", "/password/reset", "/account",
			"/account/password", "/account/delete", "/account/verify/resend", "/signin/link", "/signin/link/email",
			"/account/identities/google/link", "/account/identities/google/unlink" })
	void everyFormIsRefusedWithoutACsrfToken(String path) throws Exception {
		this.mvc.perform(post(path).with(this.client).with(TestAccounts.signedIn(this.account)))
			.andExpect(status().isForbidden());
		this.mvc.perform(post(path).with(this.client).with(csrf().useInvalidToken())).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@ValueSource(strings = { "/signup", "/signin", "/signout", "/password/forgot", "/password/reset", "/account",
			"/account/password", "/account/delete", "/account/verify/resend", "/signin/link", "/signin/link/email",
			"/account/identities/google/link", "/account/identities/google/unlink" })
	void everyFormIsAcceptedWithTheCsrfToken(String path) throws Exception {
		int status = this.mvc
			.perform(post(path).with(this.client).with(TestAccounts.signedIn(this.account)).with(csrf()))
			.andReturn()
			.getResponse()
			.getStatus();
		assertThat(status).isNotEqualTo(403);
	}

	@Test
	void deletingWithoutACsrfTokenChangesNothing() throws Exception {
		this.mvc
			.perform(post("/account/delete").param("confirmation", PASSWORD)
				.with(this.client)
				.with(TestAccounts.signedIn(this.account)))
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
	void signingOutEndsTheSession() throws Exception {
		MockHttpSession session = signIn();

		this.mvc.perform(post("/signout").session(session).with(csrf())).andExpect(redirectedUrl("/?signedOut"));

		assertThat(session.isInvalid()).isTrue();
	}

	private MockHttpSession signIn() throws Exception {
		return (MockHttpSession) this.mvc
			.perform(post("/signin").param("email", this.account.email())
				.param("password", PASSWORD)
				.with(this.client)
				.with(csrf()))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

}
