package com.novanta.admin;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An admin goes through the admin pages no other journey reaches (the lotteries, the
 * participants, the backups, the audit log) from the admin navigation, each checked
 * (accessibility) on a computer and on a phone, where it must not scroll sideways.
 */
@BrowserTest
class AdminPagesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	SoftAssertions phones = new SoftAssertions();

	@Test
	void anAdminGoesThroughTheLotteriesTheParticipantsAndTheAuditLog() {
		new TestLotteries(this.context).open("daily");
		CurrentAccount someone = new TestParticipants(this.context).verified("Listed Participant");
		CurrentAccount admin = new TestParticipants(this.context).admin("Touring Admin");
		Browser browser = Browser.get();
		SignInPage.open(browser, url("")).signIn(admin.email(), TestParticipants.PASSWORD);

		browser.follow(By.cssSelector("header nav a[href='/admin']"));
		browser.follow(By.cssSelector("nav.admin-nav a[href='/admin/lotteries']"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Lotteries");
		assertThat(browser.findAll(By.cssSelector("main tbody tr"))).isNotEmpty();
		browser.onComputerAndPhone("admin-lotteries", this.phones);

		browser.follow(By.cssSelector("nav.admin-nav a[href='/admin/participants']"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Participants");
		browser.type(By.id("q"), someone.email());
		browser.follow(By.cssSelector("main form[role=search] button[type=submit]"));
		assertThat(browser.findAll(By.cssSelector("main tbody tr"))).hasSize(1);
		browser.onComputerAndPhone("admin-participants", this.phones);

		// the tests' database is in memory: the page says backups are the database's own
		browser.follow(By.cssSelector("nav.admin-nav a[href='/admin/backups']"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Database backups");
		assertThat(browser.text(By.id("backups"))).contains("mongodump");
		browser.onComputerAndPhone("admin-backups", this.phones);

		browser.follow(By.cssSelector("nav.admin-nav a[href='/admin/audit']"));
		assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Audit log");
		browser.onComputerAndPhone("admin-audit", this.phones);
		// the admin's own sign-in, in words, filtered by its kind
		new Select(browser.find(By.id("action"))).selectByVisibleText("Signed in");
		browser.type(By.id("actor"), admin.email());
		browser.follow(By.cssSelector("main form[role=search] button[type=submit]"));
		assertThat(browser.texts(By.cssSelector("table.audit tbody tr .audit-sentence"))).isNotEmpty()
			.allSatisfy((sentence) -> assertThat(sentence).isEqualTo("Signed in"));
		assertThat(browser.text(By.cssSelector("table.audit tbody"))).contains("How: password")
			.doesNotContain("SIGN_IN", "{", "=");
		this.phones.assertAll();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
