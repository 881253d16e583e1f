package com.novanta.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/** The dev mailbox: the mail the embedded SMTP server caught. */
final class DevMailboxPage {

	private final Browser browser;

	private DevMailboxPage(Browser browser) {
		this.browser = browser;
	}

	static DevMailboxPage open(Browser browser, String baseUrl) {
		browser.open(baseUrl + "/dev/mailbox");
		return new DevMailboxPage(browser);
	}

	/** Opens the newest message to that address with that subject. */
	DevMailboxPage openMessage(String to, String subject) {
		List<WebElement> rows = this.browser.findAll(By.cssSelector("table tbody tr"))
			.stream()
			.filter((row) -> row.findElements(By.tagName("td")).get(1).getText().equals(to))
			.filter((row) -> row.findElement(By.tagName("a")).getText().equals(subject))
			.toList();
		assertThat(rows).as("messages to %s titled '%s'", to, subject).isNotEmpty();
		String message = rows.get(0).findElement(By.tagName("a")).getDomAttribute("href");
		this.browser.follow(By.cssSelector("main a[href='" + message + "']"));
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo(subject);
		return this;
	}

	/** Whether the open message shows its HTML part in a frame. */
	boolean showsHtmlPart() {
		return !this.browser.findAll(By.cssSelector("iframe.mail-frame")).isEmpty();
	}

	/** The link in the open message's plain-text part. */
	String link() {
		String text = this.browser.find(By.cssSelector("pre.mail-text")).getText();
		Matcher link = Pattern.compile("https?://\\S+").matcher(text);
		assertThat(link.find()).as("a link in:%n%s", text).isTrue();
		return link.group();
	}

}
