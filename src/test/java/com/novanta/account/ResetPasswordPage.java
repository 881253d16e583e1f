package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The page a reset link opens: choose a new password. */
final class ResetPasswordPage {

	private final Browser browser;

	private ResetPasswordPage(Browser browser) {
		this.browser = browser;
	}

	static ResetPasswordPage open(Browser browser, String link) {
		browser.open(link);
		return new ResetPasswordPage(browser);
	}

	/** Sets the new password and waits for the sign-in page. */
	void choose(String password) {
		this.browser.type(By.id("password"), password);
		this.browser.type(By.id("confirmation"), password);
		this.browser.follow(By.cssSelector("form[action='/password/reset'] button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/signin");
	}

}
