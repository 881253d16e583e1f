package com.novanta.account;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;

import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant chooses their time zone on the account page, from a list grouped by
 * region with the common zones first, each with its offset now: a plain form, looked at
 * on a computer and on a phone.
 */
@BrowserTest
class AccountTimeZoneBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	Clock clock;

	SoftAssertions phones = new SoftAssertions();

	@Test
	void aParticipantChoosesTheirTimeZoneFromTheGroupedList() {
		CurrentAccount me = new TestParticipants(this.context).verified("Zone Chooser");
		Browser browser = Browser.get();
		SignInPage.open(browser, url("")).signIn(me.email(), TestParticipants.PASSWORD);
		browser.open(url("/account"));
		browser.onComputerAndPhone("account", this.phones);

		List<String> groups = browser.findAll(By.cssSelector("#timeZone > optgroup"))
			.stream()
			.map((group) -> group.getAttribute("label"))
			.toList();
		assertThat(groups).startsWith("Common time zones", "Europe", "Americas");
		String rome = "Rome (UTC" + ZoneId.of("Europe/Rome").getRules().getOffset(this.clock.instant()) + ")";
		assertThat(new Select(browser.find(By.id("timeZone"))).getFirstSelectedOption().getText()).isEqualTo(rome);

		String tokyo = "Tokyo (UTC+09:00)";
		new Select(browser.find(By.id("timeZone"))).selectByVisibleText(tokyo);
		browser.follow(By.cssSelector("form[action='/account'] button[type=submit]"));

		WebElement selected = new Select(browser.find(By.id("timeZone"))).getFirstSelectedOption();
		assertThat(selected.getText()).isEqualTo(tokyo);
		assertThat(selected.findElement(By.xpath("..")).getAttribute("label")).isEqualTo("Common time zones");
		this.phones.assertAll();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
