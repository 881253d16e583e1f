package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

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
		this.browser.find(By.cssSelector("form[action='/password/reset'] button[type=submit]")).click();
		this.browser.waitUntil(ExpectedConditions.urlMatches("/signin$"));
	}

}
