package com.novanta.account;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.WebVisitor;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant who fears someone else is signed in as them (a lost phone that stays
 * signed in) signs out everywhere from the account page: the other device is signed out
 * and its "keep me signed in" no longer works.
 */
@BrowserTest
class SignOutEverywhereBrowserTests {

	static final String PASSWORD = "a long passphrase";

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
	void signsOutTheLostPhoneFromTheAccountPage() {
		String email = TestParticipants.email("careful");
		new TestParticipants(this.repository, this.passwordEncoder, this.clock).verifiedAccount(email, PASSWORD);
		WebVisitor lostPhone = new WebVisitor(baseUrl());
		lostPhone.get("/signin");
		lostPhone.post("/signin",
				Map.of("email", List.of(email), "password", List.of(PASSWORD), "remember", List.of("true")));
		assertThat(lostPhone.get("/account").status()).isEqualTo(200);

		SignInPage.open(this.browser, baseUrl()).signIn(email, PASSWORD);
		this.browser.open(baseUrl() + "/account#everywhere");
		this.browser.screenshot("account-sign-out-everywhere");
		this.browser.setWindowSize(390, 844);
		this.browser.open(baseUrl() + "/account#everywhere");
		this.browser.screenshot("account-sign-out-everywhere-phone");
		this.browser.follow(By.cssSelector("#everywhere button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("signedOutEverywhere");

		assertThat(this.browser.find(By.cssSelector("main .alert-info")).getText())
			.isEqualTo("You are signed out on every device.");
		assertThat(SignInPage.signedIn(this.browser)).isFalse();
		assertThat(lostPhone.get("/account").location()).endsWith("/signin");
		assertThat(lostPhone.get("/account").location()).endsWith("/signin");
	}

	private String baseUrl() {
		return "http://localhost:" + this.port;
	}

}
