package com.novanta.lines;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant saves two lines on My lines, plays one in a single tap on the play page
 * and finds it on their slip, checks the other in the number checker without typing it;
 * and, in Italian, is told a name is taken, deletes a line and brings it back with Undo.
 */
@BrowserTest
class LinesBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SavedLines savedLines;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
	}

	@Test
	void savesTwoLinesPlaysOneInATapAndChecksTheOther() {
		String lotteryId = new TestLotteries(this.context).open("daily").id();
		CurrentAccount player = new TestParticipants(this.context).verified("Rosalind Franklin");
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		SoftAssertions findings = new SoftAssertions();

		// from the account area to My lines
		this.browser.follow(By.linkText("My ballots"));
		this.browser.follow(By.cssSelector("main a[href='/my/lines']"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("My lines");
		assertThat(this.browser.text(By.id("saved-lines-heading"))).isEqualTo("Your lines (0 of 20)");

		saveLine("Family birthdays", "daily", "3 17 22 45 61 88");
		assertThat(this.browser.text(By.id("line-saved"))).isEqualTo("“Family birthdays” is saved.");
		saveLine("Lucky Saturday", "saturday", "47, 5, 12, 19, 33");
		assertThat(this.browser.text(By.id("line-saved"))).isEqualTo("“Lucky Saturday” is saved.");
		assertThat(this.browser.text(By.id("saved-lines-heading"))).isEqualTo("Your lines (2 of 20)");
		assertThat(names()).containsExactly("Family birthdays", "Lucky Saturday");
		assertThat(this.browser.find(By.id("line-name")).getDomProperty("value")).as("the form is ready for another")
			.isEmpty();
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("lines/mine", findings);

		// a bad line is refused next to its field, and nothing is saved
		saveLine("Too short", "daily", "1 2 3");
		assertThat(this.browser.text(By.id("line-numbers-error")))
			.isEqualTo("Enter exactly 6 numbers: there are fewer.");
		assertThat(this.browser.find(By.id("line-numbers")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.find(By.id("line-name")).getDomProperty("value")).isEqualTo("Too short");
		assertThat(names()).hasSize(2);
		this.browser.checkAccessibility();
		this.browser.screenshot("lines/mine-invalid");

		// the play page offers the daily line; one tap puts it on the slip
		this.browser.open(url("/"));
		this.browser.follow(By.cssSelector("a[href='/play/" + lotteryId + "']"));
		assertThat(this.browser.texts(By.cssSelector("#saved-picks .saved-pick-name")))
			.containsExactly("Family birthdays");
		this.browser.clickAndSettle(By.cssSelector("#saved-picks button.saved-pick"));
		// a complete line folds to its balls: its count is read as a screen reader reads
		// it
		this.browser.waitUntil((driver) -> driver.findElement(By.id("line-0-status"))
			.getDomProperty("textContent")
			.replaceAll("\\s+", " ")
			.strip()
			.startsWith("6 of 6 chosen: 3, 17, 22, 45, 61, 88"));
		assertThat(this.browser.find(By.cssSelector("#line-0 .line-balls")).getDomAttribute("aria-label"))
			.isEqualTo("Line 1: 3, 17, 22, 45, 61, 88");
		this.browser.checkAccessibility();
		// photographed without a reload, which would give a fresh slip
		this.browser.screenshot("lines/play-saved");
		this.browser.setWindowSize(390, 844);
		this.browser.screenshot("lines/play-saved-phone");
		findings.assertThat(this.browser.widthBeyondWindow()).as("the play page on a phone").isLessThanOrEqualTo(0);
		this.browser.setWindowSize(1280, 900);
		this.browser.follow(By.cssSelector("#play-form > button.button-gold"));
		assertThat(this.browser.text(By.cssSelector(".alert-success"))).startsWith("Your ballot is in.");
		this.browser.follow(By.linkText("My ballots"));
		List<WebElement> rows = this.browser.find(By.cssSelector(".slip")).findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0)
			.findElements(By.cssSelector(".ball > span:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList()).containsExactly("3", "17", "22", "45", "61", "88");

		// the checker offers both lines; a tap checks the weekly one, with its own game
		this.browser.open(url("/checker"));
		assertThat(this.browser.texts(By.cssSelector("#check-saved .saved-pick-name")))
			.containsExactly("Family birthdays", "Lucky Saturday");
		this.browser
			.clickAndSettle(By.xpath("//fieldset[@id='check-saved']//button[.//span[text()='Lucky Saturday']]"));
		this.browser.waitUntil(ExpectedConditions.urlContains("line="));
		assertThat(this.browser.text(By.id("check-summary-heading"))).isEqualTo("Sabato 5/50 · Last 365 days");
		assertThat(this.browser.texts(By.cssSelector("#check-summary .check-line .ball > span:first-child")))
			.containsExactly("5", "12", "19", "33", "47");
		assertThat(this.browser.find(By.id("check-numbers")).getDomProperty("value")).isEqualTo("5 12 19 33 47");
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("lines/checker-saved", findings);
		findings.assertAll();
	}

	@Test
	void anItalianParticipantIsToldANameIsTakenDeletesALineAndUndoesIt() {
		CurrentAccount player = new TestParticipants(this.context).verified("Rita Levi-Montalcini");
		TestSavedLines lines = new TestSavedLines(this.context);
		lines.save(player, "Compleanni di famiglia", "daily", 3, 17, 22, 45, 61, 88);
		lines.save(player, "Sabato fortunato", "saturday", 5, 12, 19, 33, 47);
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		SoftAssertions findings = new SoftAssertions();

		this.browser.open(url("/account"));
		this.browser.follow(By.cssSelector("a[hreflang='it']"));
		this.browser.follow(By.cssSelector("#saved-lines a[href='/my/lines']"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Le mie combinazioni");

		saveLine("compleanni DI famiglia", "saturday", "1 2 3 4 5");
		assertThat(this.browser.text(By.id("line-name-error")))
			.isEqualTo("Hai già una combinazione con questo nome: scegline un altro.");
		assertThat(names()).hasSize(2);
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("lines/mine-taken-it", findings);

		String id = this.savedLines.of(player.id())
			.stream()
			.filter((line) -> line.name().equals("Compleanni di famiglia"))
			.findFirst()
			.orElseThrow()
			.id();
		this.browser.clickAndSettle(By.cssSelector("#line-" + id + " form button"));
		assertThat(this.browser.text(By.cssSelector("#line-deleted p")))
			.isEqualTo("«Compleanni di famiglia» è eliminata.");
		assertThat(names()).containsExactly("Sabato fortunato");
		this.browser.checkAccessibility();
		this.browser.screenshot("lines/mine-deleted-it");

		this.browser.clickAndSettle(By.id("undo-delete"));
		assertThat(this.browser.text(By.id("line-saved"))).isEqualTo("«Compleanni di famiglia» è salvata.");
		assertThat(names()).containsExactly("Compleanni di famiglia", "Sabato fortunato");
		assertThat(this.savedLines.of(player.id()).get(0).numbers()).containsExactly(3, 17, 22, 45, 61, 88);
		this.browser.checkAccessibility();
		findings.assertAll();
	}

	private void saveLine(String name, String game, String numbers) {
		this.browser.type(By.id("line-name"), name);
		new Select(this.browser.find(By.id("line-game"))).selectByValue(game);
		this.browser.type(By.id("line-numbers"), numbers);
		this.browser.clickAndSettle(By.id("save-line"));
	}

	private List<String> names() {
		return this.browser.texts(By.cssSelector("#saved-lines .saved-line-name"));
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
