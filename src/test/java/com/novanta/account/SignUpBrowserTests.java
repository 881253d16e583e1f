package com.novanta.account;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing up with email and password, confirming the address, signing in and out. */
@BrowserTest
class SignUpBrowserTests {

	static final String PASSWORD = "my lucky numbers are 7 and 42";

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository repository;

	Browser browser;

	@BeforeEach
	void openBrowser() {
		this.browser = Browser.get();
	}

	@Test
	void signsUpConfirmsTheEmailThenSignsInAndOut() {
		String email = TestParticipants.email("journey");

		String heading = SignUpPage.open(this.browser, baseUrl())
			.fill("Ada Lovelace", email, PASSWORD)
			.confirmAdultAndTerms()
			.submit();
		assertThat(heading).isEqualTo("Check your email");
		assertThat(this.browser.find(By.cssSelector("main .lead")).getText()).contains(email);

		DevMailboxPage mail = DevMailboxPage.open(this.browser, baseUrl())
			.openMessage(email, "Confirm your email address");
		assertThat(mail.showsHtmlPart()).isTrue();
		String link = mail.link();
		assertThat(link).startsWith(baseUrl() + "/account/verify?token=");

		this.browser.open(link);
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Confirm your email address");
		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isFalse();
		this.browser.follow(By.cssSelector("main form[action='/account/verify'] button[type=submit]"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Your email address is confirmed");
		assertThat(this.repository.findByEmail(email).orElseThrow().emailVerified()).isTrue();

		SignInPage.open(this.browser, baseUrl()).signIn(email, PASSWORD);
		assertThat(this.browser.driver().getCurrentUrl()).startsWith(baseUrl() + "/");
		assertThat(SignInPage.signedIn(this.browser)).isTrue();
		assertThat(this.browser.findAll(By.cssSelector(".verify-banner"))).isEmpty();
		this.browser.screenshot("account-sign-up-verify-sign-in");

		SignInPage.signOut(this.browser);
		assertThat(SignInPage.signedIn(this.browser)).isFalse();
		assertThat(this.browser.find(By.cssSelector("header")).getText()).contains("Sign in");
	}

	@Test
	void anUnverifiedAccountIsAskedToConfirmItsEmail() {
		String email = TestParticipants.email("unconfirmed");
		SignUpPage.open(this.browser, baseUrl()).fill("Ada Lovelace", email, PASSWORD).confirmAdultAndTerms().submit();

		SignInPage.open(this.browser, baseUrl()).signIn(email, PASSWORD);

		assertThat(
				this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".verify-banner")))
					.getText())
			.contains("Confirm your email address to play");
		this.browser.screenshot("account-unverified-banner");
	}

	@Test
	void signUpMistakesAreExplainedNextToTheirFields() {
		SignUpPage.open(this.browser, baseUrl()).fill("", "not-an-email", "short");
		this.browser.follow(By.cssSelector("form[action='/signup'] button[type=submit]"));

		assertThat(this.browser.find(By.id("name-error")).getText()).isEqualTo("Enter your name.");
		assertThat(this.browser.find(By.id("email-error")).getText())
			.isEqualTo("Enter a valid email address, like name@example.com.");
		assertThat(this.browser.find(By.id("password-error")).getText()).isEqualTo("Use at least 8 characters.");
		this.browser.checkAccessibility();
		this.browser.screenshot("account-sign-up-errors");
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
