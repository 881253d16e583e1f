package com.novanta.testing.pages;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sign-in page, and the header of a signed-in page: the one page object for signing
 * in and out, for the browser tests of every module.
 */
public final class SignInPage {

	private static final By SIGN_OUT = By.cssSelector("header form[action='/signout'] button");

	private final Browser browser;

	private final String baseUrl;

	private SignInPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	/** Opens the sign-in page of the application at {@code baseUrl}. */
	public static SignInPage open(Browser browser, String baseUrl) {
		browser.open(baseUrl + "/signin");
		return new SignInPage(browser, baseUrl);
	}

	/**
	 * The sign-in page the browser is on (where a page that needs signing in sent it).
	 */
	public static SignInPage at(Browser browser, String baseUrl) {
		assertThat(browser.driver().getCurrentUrl()).as("on the sign-in page").startsWith(baseUrl + "/signin");
		return new SignInPage(browser, baseUrl);
	}

	/** Signs in with a password, and waits for the page that follows. */
	public void signIn(String email, String password) {
		submit(email, password);
		assertThat(this.browser.driver().getCurrentUrl())
			.as(() -> "signed in as " + email + ", but the page says: "
					+ this.browser.findAll(By.tagName("main")).stream().map(WebElement::getText).toList())
			.doesNotStartWith(this.baseUrl + "/signin");
	}

	/** Signs in with a password that is refused; returns the message shown. */
	public String signInRefused(String email, String password) {
		submit(email, password);
		assertThat(this.browser.driver().getCurrentUrl()).as("refused").contains("/signin?");
		return alert();
	}

	/** The message the page shows. */
	public String alert() {
		return this.browser.text(By.cssSelector("main .alert"));
	}

	public ForgotPasswordPage forgotPassword() {
		this.browser.follow(By.linkText("Forgot your password?"));
		return new ForgotPasswordPage(this.browser);
	}

	/**
	 * Follows the "Continue with ..." button of a sign-in provider, to the provider's
	 * page.
	 */
	public void continueWith(String provider) {
		this.browser.follow(By.linkText("Continue with " + provider));
	}

	private void submit(String email, String password) {
		this.browser.type(By.id("email"), email);
		this.browser.type(By.id("password"), password);
		this.browser.follow(By.cssSelector("main form[action='/signin'] button[type=submit]"));
	}

	/** Whether the page's header shows a signed-in visitor. */
	public static boolean signedIn(Browser browser) {
		return !browser.findAll(SIGN_OUT).isEmpty();
	}

	/** Signs out with the header's button, and waits for the page that says so. */
	public static void signOut(Browser browser) {
		browser.follow(SIGN_OUT);
		assertThat(browser.driver().getCurrentUrl()).as("signed out").contains("signedOut");
	}

}
