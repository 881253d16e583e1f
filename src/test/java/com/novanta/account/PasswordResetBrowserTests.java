package com.novanta.account;

import java.time.Clock;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/** A forgotten password: ask for a link, choose a new password, sign in with it. */
@BrowserTest
class PasswordResetBrowserTests {

	static final String OLD_PASSWORD = "the one I forgot";

	static final String NEW_PASSWORD = "the one I will remember";

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
	}

	@Test
	void resetsAForgottenPasswordAndSignsInWithTheNewOne() {
		String email = TestParticipants.email("forgetful");
		new TestParticipants(this.repository, this.passwordEncoder, this.clock).verifiedAccount(email, OLD_PASSWORD);

		String sent = SignInPage.open(this.browser, baseUrl()).forgotPassword().requestLink(email);
		assertThat(sent).contains("If an account uses that address, we sent it a link.");

		String link = DevMailboxPage.open(this.browser, baseUrl()).openMessage(email, "Reset your password").link();
		assertThat(link).startsWith(baseUrl() + "/password/reset?token=");
		ResetPasswordPage.open(this.browser, link).choose(NEW_PASSWORD);

		SignInPage signIn = SignInPage.at(this.browser, baseUrl());
		assertThat(signIn.alert()).isEqualTo("Your password was changed. Sign in with the new one.");
		assertThat(signIn.signInRefused(email, OLD_PASSWORD)).startsWith("That email and password do not match");
		signIn.signIn(email, NEW_PASSWORD);
		assertThat(SignInPage.signedIn(this.browser)).isTrue();
		this.browser.screenshot("account-password-reset-signed-in");

		this.browser.open(link);
		assertThat(this.browser.find(By.cssSelector("main .alert-error")).getText())
			.startsWith("That link does not work any more");
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
