package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The login form of the test OpenID Connect provider (mock-oauth2-server): any subject,
 * and the claims to put in its tokens as JSON.
 */
final class ProviderLoginPage {

	private final Browser browser;

	ProviderLoginPage(Browser browser) {
		this.browser = browser;
	}

	/**
	 * Signs in at the provider as a person with a verified email address, and waits for
	 * the page the provider sends them back to.
	 */
	void signIn(String subject, String email, String name) {
		signIn(subject, email, name, true);
	}

	/**
	 * Signs in at the provider as a person whose email the provider may not vouch for.
	 */
	void signIn(String subject, String email, String name, boolean emailVerified) {
		this.browser.waitUntil(ExpectedConditions.presenceOfElementLocated(By.name("username")));
		this.browser.type(By.name("username"), subject);
		this.browser.type(By.name("claims"), "{\"email\": \"" + email + "\", \"email_verified\": " + emailVerified
				+ ", \"name\": \"" + name + "\"}");
		this.browser.follow(By.cssSelector("input[type=submit]"));
	}

}
