package com.novanta.testing.pages;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The sign-in page. */
public final class SignInPage {

	private final Browser browser;

	private final String baseUrl;

	public SignInPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	public SignInPage open() {
		this.browser.open(this.baseUrl + "/signin");
		return this;
	}

	/** Signs in and waits for the page that follows. */
	public void signIn(String email, String password) {
		this.browser.find(By.id("email")).sendKeys(email);
		this.browser.find(By.id("password")).sendKeys(password);
		this.browser.find(By.cssSelector("form[action='/signin'] button[type=submit]")).click();
		this.browser.waitUntil(ExpectedConditions.not(ExpectedConditions.urlContains("/signin")));
	}

}
