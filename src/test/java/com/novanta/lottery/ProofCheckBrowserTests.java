package com.novanta.lottery;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.TestSlips;
import com.novanta.draw.TestPipelines;
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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A participant opens their ballot's inclusion proof from their receipt on
 * {@code /verify}, where their browser checks it: the real proof is valid, and any
 * changed part of it (the leaf, a hash of the path, the root, the index) is not.
 */
@BrowserTest
class ProofCheckBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	MockMvc mvc;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
	}

	@Test
	void aRealProofIsValidAndATamperedOneIsNot() {
		Lottery lottery = new TestLotteries(this.context).open("daily");
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount marie = participants.verified("Marie Curie");
		CurrentAccount other = participants.verified("Lise Meitner");
		TestSlips slips = new TestSlips(this.context);
		slips.play(other, lottery, 4, 8, 15, 16, 23, 42);
		BallotSlip mine = slips.play(marie, lottery, List.of(List.of(1, 2, 3, 4, 5, 6), List.of(7, 8, 9, 10, 11, 12)),
				false);
		slips.play(other, lottery, 11, 22, 33, 44, 55, 66);
		TestPipelines.drawAtClose(this.context, lottery);

		SignInPage.open(this.browser, url("")).signIn(marie.email(), TestParticipants.PASSWORD);
		this.browser.open(url("/my/ballots/" + mine.id()));
		// the second line of the slip: ballot 3 of 4, a path of two hashes
		this.browser.follow(By.cssSelector(".proof-lines > li:nth-child(2) a.proof-check"));
		assertThat(this.browser.driver().getCurrentUrl()).startsWith(url("/verify#leaf=" + mine.leafHash(1)));
		assertThat(outcome()).isEqualTo("valid");
		assertThat(this.browser.text(By.id("verify-result"))).startsWith("Valid:");
		assertThat(value("index")).isEqualTo("2");
		assertThat(value("size")).isEqualTo("4");
		SoftAssertions findings = new SoftAssertions();
		this.browser.onComputerAndPhone("verify-valid", findings);
		findings.assertAll();
		assertThat(outcome()).isEqualTo("valid");

		String leaf = value("leaf");
		String path = value("path");
		String root = value("root");
		String index = value("index");
		checkTampered("leaf", changed(leaf), leaf, "invalid");
		checkTampered("path", changed(path.substring(0, 64)) + path.substring(64), path, "invalid");
		checkTampered("root", changed(root), root, "invalid");
		checkTampered("index", "1", index, "invalid");
		checkTampered("leaf", "not a hash", leaf, "malformed");
		this.browser.screenshot("verify-tampered");

		// the lottery page says how it was drawn and links to its public ballots
		this.browser.open(url("/lotteries/" + lottery.id()));
		assertThat(this.browser.text(By.id("verify-recipe"))).startsWith("Drawn with recipe 3");
		this.browser.follow(By.id("verify-ballots"));
		assertThat(this.browser.texts(By.cssSelector("#public-ballots tbody tr"))).hasSize(4);
		this.browser.onComputerAndPhone("public-ballots", findings);
		findings.assertAll();
	}

	@Test
	void withoutJavaScriptThePageSaysWhatToDo() throws Exception {
		String page = this.mvc.perform(get("/verify"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("<noscript>", "JavaScript is off", "verify_draw.py")
			.contains("<form id=\"verify-form\" class=\"card verify-proof\" hidden>");
	}

	/** Changes one field: not valid; puts it back: valid again. */
	private void checkTampered(String field, String tampered, String original, String expected) {
		type(field, tampered);
		this.browser.click(By.cssSelector("#verify-form button[type=submit]"));
		assertThat(outcome()).as("%s changed to %s", field, tampered).isEqualTo(expected);
		assertThat(this.browser.text(By.id("verify-result"))).startsWith("Not valid:");
		type(field, original);
		this.browser.click(By.cssSelector("#verify-form button[type=submit]"));
		assertThat(outcome()).as("%s put back", field).isEqualTo("valid");
	}

	/** The outcome of the check, once the browser has one. */
	private String outcome() {
		return this.browser.waitUntil((page) -> page.findElement(By.id("verify-result")).getAttribute("data-outcome"));
	}

	private String value(String field) {
		return this.browser.find(By.id("verify-" + field)).getAttribute("value");
	}

	private void type(String field, String text) {
		this.browser.type(By.id("verify-" + field), text);
	}

	/** The hash with its first hex digit changed. */
	private static String changed(String hash) {
		return ((hash.charAt(0) == '0') ? "1" : "0") + hash.substring(1);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
