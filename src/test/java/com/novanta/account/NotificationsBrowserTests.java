package com.novanta.account;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.reminder.ReminderRun;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.MutableClock;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant opts in to closing reminders and a jackpot alert on the account page,
 * sees them kept, gets the reminder before the draw closes and stops it from the email;
 * an Italian participant is told what is wrong with an amount, corrects it, and stops the
 * reminders in Italian. On a computer and on a phone.
 */
@BrowserTest
class NotificationsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	@Autowired
	ReminderRun reminders;

	@Autowired
	MongoOperations mongo;

	Browser browser;

	SoftAssertions findings = new SoftAssertions();

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
	}

	@Test
	void aParticipantOptsInGetsAReminderAndStopsItFromTheEmail() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		// the afternoon before the close: a session opened now lasts until the reminder
		this.clock.freezeAt(lottery.closesAt().minus(Duration.ofMinutes(100)));
		CurrentAccount me = new TestParticipants(this.context).verified("Nora Notified");
		SignInPage.open(this.browser, url("")).signIn(me.email(), TestParticipants.PASSWORD);

		this.browser.open(url("/account#notifications"));
		assertThat(this.browser.text(By.id("notifications-heading"))).isEqualTo("Notifications");
		assertThat(this.browser.find(By.id("closing-daily")).isSelected()).as("opt-in").isFalse();
		this.browser.click(By.id("closing-daily"));
		this.browser.type(By.id("threshold-daily"), "5.000.000");
		this.browser.clickAndSettle(By.cssSelector("#notifications-form button[type=submit]"));
		assertThat(this.browser.text(By.id("notifications-saved"))).isEqualTo("Your notifications are saved.");
		this.browser.checkAccessibility();
		lookAtTheSection("notifications/saved");

		// kept: the page loaded again shows them
		this.browser.open(url("/account#notifications"));
		assertThat(this.browser.find(By.id("closing-daily")).isSelected()).isTrue();
		assertThat(this.browser.find(By.id("closing-saturday")).isSelected()).isFalse();
		assertThat(this.browser.find(By.id("threshold-daily")).getDomProperty("value")).isEqualTo("5000000");

		// the reminder, from the dev mailbox, and its link
		this.reminders.run();
		String subject = "Novanta 6/90 closes in about 2 hours";
		String link = unsubscribeLink(me.email(), subject, "closing-reminders");
		this.browser.screenshot("notifications/reminder-email");
		this.browser.open(link);
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Closing reminders");
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("notifications/unsubscribe", this.findings);
		this.browser.follow(By.xpath("//button[text()='Stop closing reminders']"));
		assertThat(this.browser.text(By.cssSelector("main .alert-success")))
			.isEqualTo("Done: you will no longer get closing reminders.");

		this.browser.follow(By.linkText("Notifications"));
		assertThat(this.browser.find(By.id("closing-daily")).isSelected()).as("stopped").isFalse();
		assertThat(this.browser.find(By.id("threshold-daily")).getDomProperty("value")).as("the other kind stays")
			.isEqualTo("5000000");
		this.findings.assertAll();
	}

	@Test
	void anItalianParticipantCorrectsAnAmountAndStopsTheRemindersInItalian() {
		Lottery lottery = new TestLotteries(this.context).open("saturday");
		this.clock.freezeAt(lottery.closesAt().minus(Duration.ofMinutes(110)));
		CurrentAccount me = new TestParticipants(this.context).verified("Italo Avvisato");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(me.id())), new Update().set("language", "it"),
				"accounts");
		SignInPage.open(this.browser, url("")).signIn(me.email(), TestParticipants.PASSWORD);

		this.browser.open(url("/account?lang=it#notifications"));
		assertThat(this.browser.text(By.id("notifications-heading"))).isEqualTo("Notifiche");
		this.browser.click(By.id("closing-saturday"));
		this.browser.type(By.id("threshold-saturday"), "250.000,50");
		this.browser.clickAndSettle(By.cssSelector("#notifications-form button[type=submit]"));
		this.browser.waitUntil(ExpectedConditions.visibilityOfElementLocated(By.id("threshold-saturday-error")));
		assertThat(this.browser.text(By.id("threshold-saturday-error")))
			.isEqualTo("Scrivi un numero intero di euro, come 5000000, oppure lascia vuoto.");
		assertThat(this.browser.find(By.id("threshold-saturday")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.find(By.id("closing-saturday")).isSelected()).as("kept as chosen").isTrue();
		this.browser.checkAccessibility();
		this.browser.screenshot("notifications/invalid-it");

		this.browser.type(By.id("threshold-saturday"), "250.000");
		this.browser.clickAndSettle(By.cssSelector("#notifications-form button[type=submit]"));
		assertThat(this.browser.text(By.id("notifications-saved"))).isEqualTo("Le tue notifiche sono salvate.");
		assertThat(this.browser.findAll(By.id("threshold-saturday-error"))).isEmpty();
		lookAtTheSection("notifications/saved-it");

		this.reminders.run();
		String link = unsubscribeLink(me.email(), "Sabato 5/50 chiude tra circa 2 ore", "closing-reminders");
		this.browser.open(link);
		assertThat(this.browser.text(By.tagName("h1"))).isEqualTo("Promemoria di chiusura");
		this.browser.follow(By.xpath("//button[text()='Non inviarmi più i promemoria']"));
		assertThat(this.browser.text(By.cssSelector("main .alert-success")))
			.isEqualTo("Fatto: non riceverai più promemoria di chiusura.");
		this.browser.screenshot("notifications/unsubscribed-it");
		this.browser.follow(By.linkText("Notifiche"));
		assertThat(this.browser.find(By.id("closing-saturday")).isSelected()).isFalse();
		assertThat(this.browser.find(By.id("threshold-saturday")).getDomProperty("value")).isEqualTo("250000");
		this.findings.assertAll();
	}

	/**
	 * Screenshots of the page on a computer and on a phone (where it must fit), and of
	 * the section itself on the phone.
	 */
	private void lookAtTheSection(String name) {
		this.browser.onComputerAndPhone(name, this.findings);
		this.browser.setWindowSize(390, 844);
		this.browser.reload();
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView()",
				this.browser.find(By.id("notifications")));
		this.browser.screenshot(name + "-phone-section");
		this.browser.setWindowSize(1280, 900);
		this.browser.reload();
	}

	/** Opens the email in the dev mailbox, and reads its link that stops that kind. */
	private String unsubscribeLink(String to, String subject, String kind) {
		DevMailboxPage.open(this.browser, url("")).openMessage(to, subject);
		String text = this.browser.text(By.cssSelector("pre.mail-text"));
		Matcher link = Pattern.compile("https?://\\S+/unsubscribe/" + kind + "\\?\\S+").matcher(text);
		assertThat(link.find()).as("the link in:%n%s", text).isTrue();
		return link.group();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
