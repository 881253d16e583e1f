package com.novanta.subscription;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lines.SavedLine;
import com.novanta.lines.TestSavedLines;
import com.novanta.lottery.Lottery;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant plays a slip, starts a subscription of its lines for 3 draws from the
 * receipt (reviewing the price and the total), finds it on My subscriptions with its
 * first slip placed, pauses, resumes and cancels it, and reads the email that sums it up;
 * and, in Italian, subscribes a saved line every draw until they stop, is told what is
 * wrong with a minimum jackpot, then pauses and cancels it.
 */
@BrowserTest
class SubscriptionsBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	SubscriptionPlacements placements;

	@Autowired
	Subscriptions subscriptions;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
	}

	@Test
	void playsASlipSubscribesItsLinesForThreeDrawsThenPausesResumesAndCancels() {
		Lottery next = this.placements.nextLotteries().get("daily");
		CurrentAccount player = new TestParticipants(this.context).verified("Katherine Johnson");
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		SoftAssertions findings = new SoftAssertions();

		// a slip of one quick pick line for the next draw
		this.browser.open(url("/play/" + next.id()));
		this.browser.clickAndSettle(By.id("quick-pick-0"));
		this.browser.waitUntil((driver) -> driver.findElement(By.id("line-0-status"))
			.getDomProperty("textContent")
			.contains("6 of 6 chosen"));
		this.browser.follow(By.cssSelector("#play-form > button.button-gold"));
		assertThat(this.browser.text(By.cssSelector(".alert-success"))).startsWith("Your ballot is in.");

		// from the receipt: the same lines in several draws
		this.browser.follow(By.id("subscribe-slip"));
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Play these lines in several draws");
		assertThat(this.browser.text(By.cssSelector(".subscription-price"))).isEqualTo("1 line: €1.00 a draw");
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("subscription/new", findings);
		this.browser.type(By.id("draws"), "3");
		this.browser.follow(By.id("review-subscription"));

		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("Check your subscription");
		assertThat(this.browser.text(By.id("summary-draws"))).isEqualTo("3 draws");
		assertThat(this.browser.text(By.id("summary-total"))).isEqualTo("€3.00");
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("subscription/confirm", findings);
		this.browser.follow(By.id("start-subscription"));

		// My subscriptions: the first draw placed at once, with its receipt
		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("My subscriptions");
		assertThat(this.browser.text(By.id("subscription-started"))).startsWith("Your subscription has started.")
			.contains("is placed");
		assertThat(this.browser.text(By.cssSelector(".subscription-status"))).isEqualTo("Active");
		assertThat(this.browser.text(By.cssSelector(".subscription-facts"))).contains("1 played of 3, 2 left");
		assertThat(this.browser.texts(By.cssSelector(".placement a"))).singleElement()
			.satisfies((receipt) -> assertThat(receipt).startsWith("receipt D-"));
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("subscription/mine", findings);

		// pause, resume, cancel: each in place
		this.browser.clickAndSettle(By.cssSelector(".subscription-pause"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.cssSelector(".subscription-status")).getText().equals("Paused"));
		assertThat(this.browser.text(By.cssSelector(".subscription-changed")))
			.isEqualTo("Paused: nothing is placed until you resume it.");
		this.browser.checkAccessibility();
		this.browser.screenshot("subscription/mine-paused");
		this.browser.clickAndSettle(By.cssSelector(".subscription-resume"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.cssSelector(".subscription-status")).getText().equals("Active"));
		this.browser.clickAndSettle(By.cssSelector(".subscription-cancel"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.cssSelector(".subscription-status")).getText().equals("Cancelled"));
		assertThat(this.browser.findAll(By.cssSelector(".subscription-actions"))).isEmpty();
		this.browser.reload();
		assertThat(this.browser.text(By.cssSelector(".subscription-status"))).as("as stored").isEqualTo("Cancelled");
		assertThat(this.subscriptions.of(player.id())).singleElement()
			.satisfies((subscription) -> assertThat(subscription.status()).isEqualTo(SubscriptionStatus.CANCELLED));

		// the email that sums it up, as the dev mailbox shows it
		this.browser.open(url("/dev/mailbox"));
		this.browser.follow(By.xpath("//a[text()='Your Novanta 6/90 subscription has started']"));
		this.browser.open(this.browser.find(By.cssSelector("iframe.mail-frame")).getDomProperty("src"));
		assertThat(this.browser.text(By.tagName("body"))).contains("For 3 draws").contains("€3.00 in all");
		this.browser.screenshot("subscription/mail-started");
		findings.assertAll();
	}

	@Test
	void anItalianParticipantSubscribesASavedLineUntilTheyStop() {
		CurrentAccount player = new TestParticipants(this.context).verified("Maria Gaetana Agnesi");
		SavedLine line = new TestSavedLines(this.context).save(player, "Sabato fortunato", "saturday", 5, 12, 19, 33,
				47);
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);
		SoftAssertions findings = new SoftAssertions();

		this.browser.open(url("/account"));
		this.browser.follow(By.cssSelector("a[hreflang='it']"));
		this.browser.follow(By.cssSelector("#saved-lines a[href='/my/lines']"));
		this.browser.follow(By.cssSelector("a[href='/my/subscriptions/new?line=" + line.id() + "']"));
		assertThat(this.browser.find(By.tagName("h1")).getText())
			.isEqualTo("Gioca queste combinazioni in più estrazioni");

		// every draw until they stop, with a minimum that is not a whole number of euros
		this.browser.click(By.id("kind-open"));
		this.browser.type(By.id("min-jackpot"), "10,5");
		this.browser.follow(By.id("review-subscription"));
		assertThat(this.browser.text(By.id("min-jackpot-error")))
			.isEqualTo("Inserisci un numero intero di euro, come 5000000, oppure lascialo vuoto.");
		assertThat(this.browser.find(By.id("min-jackpot")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(this.browser.find(By.id("kind-open")).isSelected()).as("the choice is kept").isTrue();
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("subscription/new-invalid-it", findings);

		this.browser.type(By.id("min-jackpot"), "");
		this.browser.follow(By.id("review-subscription"));
		assertThat(this.browser.text(By.id("summary-draws"))).isEqualTo("Ogni estrazione finché non mi fermo");
		assertThat(this.browser.findAll(By.id("summary-total"))).as("no total until stopped").isEmpty();
		this.browser.follow(By.id("start-subscription"));

		assertThat(this.browser.find(By.tagName("h1")).getText()).isEqualTo("I miei abbonamenti");
		assertThat(this.browser.text(By.cssSelector(".subscription-status"))).isEqualTo("Attivo");
		assertThat(this.browser.text(By.cssSelector(".subscription-facts")))
			.contains("Ogni estrazione finché non ti fermi");
		this.browser.checkAccessibility();
		this.browser.onComputerAndPhone("subscription/mine-it", findings);

		this.browser.clickAndSettle(By.cssSelector(".subscription-pause"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.cssSelector(".subscription-status")).getText().equals("In pausa"));
		this.browser.clickAndSettle(By.cssSelector(".subscription-cancel"));
		this.browser.waitUntil(
				(driver) -> driver.findElement(By.cssSelector(".subscription-status")).getText().equals("Annullato"));
		assertThat(this.browser.text(By.cssSelector(".subscription-changed"))).startsWith("Annullato: non si gioca");
		this.browser.checkAccessibility();
		findings.assertAll();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
