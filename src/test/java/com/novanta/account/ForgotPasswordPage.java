package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Forgot your password?": asks for a reset link. */
final class ForgotPasswordPage {

	private final Browser browser;

	ForgotPasswordPage(Browser browser) {
		this.browser = browser;
	}

	/** Asks for a link; returns the confirmation shown. */
	String requestLink(String email) {
		this.browser.type(By.id("email"), email);
		this.browser.find(By.cssSelector("main form button[type=submit]")).click();
		return this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")))
			.getText();
	}

}
