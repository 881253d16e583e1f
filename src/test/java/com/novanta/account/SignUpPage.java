package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The sign-up page, as a visitor uses it. */
final class SignUpPage {

	private final Browser browser;

	private SignUpPage(Browser browser) {
		this.browser = browser;
	}

	static SignUpPage open(Browser browser, String baseUrl) {
		browser.open(baseUrl + "/signup");
		return new SignUpPage(browser);
	}

	SignUpPage fill(String name, String email, String password) {
		this.browser.type(By.id("name"), name);
		this.browser.type(By.id("email"), email);
		this.browser.type(By.id("password"), password);
		return this;
	}

	SignUpPage confirmAdultAndTerms() {
		this.browser.find(By.cssSelector("input[type=checkbox][name=adult]")).click();
		this.browser.find(By.cssSelector("input[type=checkbox][name=terms]")).click();
		return this;
	}

	/** Submits the form and waits for the "check your email" page. */
	String submit() {
		this.browser.follow(By.cssSelector("form[action='/signup'] button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/signup/check-email");
		return this.browser.find(By.tagName("h1")).getText();
	}

}
