package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sign-in page, and the header of a signed-in page. */
final class SignInPage {

	private final Browser browser;

	private final String baseUrl;

	private SignInPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	static SignInPage open(Browser browser, String baseUrl) {
		browser.open(baseUrl + "/signin");
		return new SignInPage(browser, baseUrl);
	}

	static SignInPage at(Browser browser, String baseUrl) {
		return new SignInPage(browser, baseUrl);
	}

	/** Signs in with a password and waits to leave the sign-in page. */
	void signIn(String email, String password) {
		submit(email, password);
		this.browser.waitUntil((driver) -> !driver.getCurrentUrl().startsWith(this.baseUrl + "/signin"));
	}

	/** Signs in with a password that is refused; returns the message shown. */
	String signInRefused(String email, String password) {
		submit(email, password);
		this.browser.waitUntil(ExpectedConditions.urlContains("/signin?"));
		return alert();
	}

	String alert() {
		return this.browser.find(By.cssSelector("main .alert")).getText();
	}

	ForgotPasswordPage forgotPassword() {
		this.browser.find(By.linkText("Forgot your password?")).click();
		this.browser.waitUntil(ExpectedConditions.urlContains("/password/forgot"));
		return new ForgotPasswordPage(this.browser);
	}

	/** Follows the "Continue with ..." button of a sign-in provider. */
	void continueWith(String provider) {
		this.browser.find(By.linkText("Continue with " + provider)).click();
	}

	private void submit(String email, String password) {
		this.browser.type(By.id("email"), email);
		this.browser.type(By.id("password"), password);
		this.browser.find(By.cssSelector("main form[action='/signin'] button[type=submit]")).click();
	}

	/** Whether the page's header shows a signed-in visitor. */
	static boolean signedIn(Browser browser) {
		return !browser.findAll(By.cssSelector("header form[action='/signout'] button")).isEmpty();
	}

	/** Signs out with the header's button. */
	static void signOut(Browser browser) {
		browser.find(By.cssSelector("header form[action='/signout'] button")).click();
		browser.waitUntil(ExpectedConditions.urlContains("signedOut"));
	}

}
