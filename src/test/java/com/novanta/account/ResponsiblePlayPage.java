package com.novanta.account;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/** The responsible play section of the account page, and its confirmation page. */
public final class ResponsiblePlayPage {

	private final Browser browser;

	private final String baseUrl;

	public ResponsiblePlayPage(Browser browser, String baseUrl) {
		this.browser = browser;
		this.baseUrl = baseUrl;
	}

	public ResponsiblePlayPage open() {
		this.browser.open(this.baseUrl + "/account");
		return this;
	}

	/**
	 * Saves limits (empty for none) and returns what the page says.
	 */
	public String setLimits(String daily, String monthly) {
		this.browser.type(By.id("dailyLimit"), daily);
		this.browser.type(By.id("monthlyLimit"), monthly);
		this.browser.follow(By.cssSelector("#limits-form button[type=submit]"));
		return this.browser.text(By.id("limits-saved"));
	}

	/**
	 * Chooses how long to exclude oneself and goes on to the confirmation page.
	 * @return its heading
	 */
	public String chooseExclusion(String period) {
		this.browser.find(By.id("period-" + period)).click();
		this.browser.follow(By.cssSelector("#exclusion button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("/account/exclusion?period=" + period);
		return this.browser.find(By.tagName("h1")).getText();
	}

	/** Confirms the exclusion and returns the account page's exclusion status. */
	public String confirmExclusion() {
		this.browser.follow(By.id("confirm-exclusion"));
		return this.browser.text(By.id("exclusion-status"));
	}

}
