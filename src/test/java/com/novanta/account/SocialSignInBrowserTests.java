package com.novanta.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.WebVisitor;
import com.novanta.testing.pages.SignInPage;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signing in with Google, end to end, against an OpenID Connect provider running in this
 * JVM (mock-oauth2-server, with its interactive login form) that stands in for Google.
 * Its own application context, since the provider must be configured before start-up (its
 * {@code DynamicPropertySource} gives it a context of its own).
 */
@BrowserTest
class SocialSignInBrowserTests {

	static final String PASSWORD = "my existing passphrase";

	/** In {@code LOTTERY_ADMIN_EMAILS}: its verified owner becomes an admin. */
	static final String ADMIN_EMAIL = TestParticipants.email("boss");

	static final MockOAuth2Server provider = new MockOAuth2Server(new OAuth2Config(true));

	static {
		provider.start();
	}

	@DynamicPropertySource
	static void google(DynamicPropertyRegistry registry) {
		String google = "spring.security.oauth2.client.";
		registry.add(google + "registration.google.client-id", () -> "novanta-test");
		registry.add(google + "registration.google.client-secret", () -> "novanta-test-secret");
		registry.add(google + "registration.google.scope", () -> "openid,email,profile");
		registry.add(google + "provider.google.issuer-uri", () -> provider.issuerUrl("google").toString());
		registry.add("lottery.accounts.admin-emails", () -> ADMIN_EMAIL);
	}

	@AfterAll
	static void stopProvider() {
		provider.shutdown();
	}

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.get();
		// The provider's own login page is not ours to check.
		this.browser.ignoreAccessibilityOf(provider.baseUrl().toString());
	}

	@Test
	void aFirstSignInCreatesAVerifiedAccount() {
		String email = TestParticipants.email("newcomer");
		String subject = subject();

		signInWithGoogle(subject, email, "Grace Hopper");

		this.browser.waitUntil(ExpectedConditions.urlMatches("^" + baseUrl() + "/(\\?.*)?$"));
		assertThat(SignInPage.signedIn(this.browser)).isTrue();
		assertThat(this.browser.findAll(By.cssSelector(".verify-banner"))).isEmpty();
		this.browser.screenshot("account-google-first-sign-in");

		Account account = this.repository.findByEmail(email).orElseThrow();
		assertThat(account.emailVerified()).isTrue();
		assertThat(account.hasPassword()).isFalse();
		assertThat(account.name()).isEqualTo("Grace Hopper");
		assertThat(account.roles()).containsExactly(Role.PARTICIPANT);
		assertThat(this.repository.findIdentity("google", subject))
			.hasValueSatisfying((identity) -> assertThat(identity.accountId()).isEqualTo(account.id()));
	}

	@Test
	void anExistingPasswordAccountIsLinkedOnlyAfterItsOwnerProvesItIsTheirs() {
		String email = TestParticipants.email("existing");
		Account existing = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(email, PASSWORD);
		String subject = subject();

		signInWithGoogle(subject, email, "Ada Lovelace");

		this.browser.waitUntil(ExpectedConditions.urlToBe(baseUrl() + "/signin/link"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Link Google to your account");
		assertThat(this.browser.find(By.cssSelector("main .lead")).getText()).contains(email);
		assertThat(SignInPage.signedIn(this.browser)).isFalse();
		assertThat(this.repository.findIdentity("google", subject)).isEmpty();

		this.browser.type(By.id("password"), "not my password");
		this.browser.follow(By.cssSelector("form[action='/signin/link'] button[type=submit]"));
		assertThat(this.browser.text(By.cssSelector("main .alert-error"))).isEqualTo("That password is not right.");
		assertThat(this.repository.findIdentity("google", subject)).isEmpty();

		this.browser.type(By.id("password"), PASSWORD);
		this.browser.follow(By.cssSelector("form[action='/signin/link'] button[type=submit]"));

		assertThat(this.browser.driver().getCurrentUrl()).isEqualTo(baseUrl() + "/account");
		assertThat(this.browser.find(By.cssSelector("main .alert-success")).getText())
			.isEqualTo("Google is now linked: you can sign in with it.");
		assertThat(SignInPage.signedIn(this.browser)).isTrue();
		assertThat(this.repository.findIdentity("google", subject))
			.hasValueSatisfying((identity) -> assertThat(identity.accountId()).isEqualTo(existing.id()));
		this.browser.screenshot("account-google-linked");

		SignInPage.signOut(this.browser);
		signInWithGoogle(subject, email, "Ada Lovelace");

		this.browser.waitUntil(ExpectedConditions.urlMatches("^" + baseUrl() + "/(\\?.*)?$"));
		assertThat(SignInPage.signedIn(this.browser)).isTrue();
		assertThat(this.repository.findByEmail(email).orElseThrow().id()).isEqualTo(existing.id());
		this.browser.screenshot("account-google-sign-in-again");
	}

	@Test
	void whoeverSignedUpFirstWithSomeoneElsesAddressLosesTheAccountToItsOwner() {
		// Mallory signs up with the admin's address, never verifies it, and stays signed
		// in
		WebVisitor mallory = new WebVisitor(baseUrl());
		mallory.get("/signup");
		assertThat(mallory.post("/signup",
				Map.of("name", List.of("Mallory"), "email", List.of(ADMIN_EMAIL), "password", List.of(PASSWORD),
						"adult", List.of("true"), "terms", List.of("true")))
			.location()).endsWith("/signup/check-email");
		assertThat(mallory.signIn(ADMIN_EMAIL, PASSWORD)).isTrue();
		assertThat(mallory.get("/admin").status()).isEqualTo(403);

		// the owner of the address signs in with Google, which vouches for it
		String subject = subject();
		signInWithGoogle(subject, ADMIN_EMAIL, "Grace Hopper");

		this.browser.waitUntil(ExpectedConditions.urlMatches("^" + baseUrl() + "/(\\?.*)?$"));
		assertThat(SignInPage.signedIn(this.browser)).isTrue();
		this.browser.open(baseUrl() + "/admin");
		assertThat(this.browser.driver().getCurrentUrl()).startsWith(baseUrl() + "/admin");
		Account account = this.repository.findByEmail(ADMIN_EMAIL).orElseThrow();
		assertThat(account.roles()).contains(Role.ADMIN);
		assertThat(account.name()).isEqualTo("Grace Hopper");
		assertThat(account.hasPassword()).isFalse();
		this.browser.screenshot("account-google-takes-unverified-account");

		// Mallory's session is over, her password gone, and the admin area closed to her
		assertThat(mallory.get("/account").location()).endsWith("/signin");
		assertThat(mallory.signIn(ADMIN_EMAIL, PASSWORD)).isFalse();
		assertThat(mallory.get("/admin").status()).isNotEqualTo(200);
	}

	@Test
	void anEmailTheProviderDoesNotVouchForCreatesNoAccount() {
		String email = TestParticipants.email("unvouched");

		SignInPage.open(this.browser, baseUrl()).continueWith("Google");
		new ProviderLoginPage(this.browser).signIn(subject(), email, "Mallory", false);

		this.browser.waitUntil(ExpectedConditions.urlToBe(baseUrl() + "/signin?social=unverified"));
		assertThat(SignInPage.at(this.browser, baseUrl()).alert())
			.startsWith("Your provider did not confirm that email address");
		assertThat(SignInPage.signedIn(this.browser)).isFalse();
		assertThat(this.repository.findByEmail(email)).isEmpty();
	}

	private void signInWithGoogle(String subject, String email, String name) {
		SignInPage.open(this.browser, baseUrl()).continueWith("Google");
		new ProviderLoginPage(this.browser).signIn(subject, email, name);
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

	private static String subject() {
		return "google-" + UUID.randomUUID();
	}

}
