package com.novanta.testing.pages;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** "Forgot your password?": asks for a reset link. */
public final class ForgotPasswordPage {

	private final Browser browser;

	ForgotPasswordPage(Browser browser) {
		this.browser = browser;
	}

	/** Asks for a link; returns the confirmation shown. */
	public String requestLink(String email) {
		this.browser.type(By.id("email"), email);
		this.browser.follow(By.cssSelector("main form button[type=submit]"));
		return this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".alert-success")))
			.getText();
	}

}
