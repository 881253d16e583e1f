package com.novanta.ballot;

import java.util.List;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The page where a participant fills and submits ballots. */
final class PlayPage {

	private final Browser browser;

	PlayPage(Browser browser) {
		this.browser = browser;
	}

	/** Ticks numbers on a line's grid, waiting for the count to follow each tick. */
	PlayPage tick(int line, int... numbers) {
		for (int n : numbers) {
			int before = chosen(line).size();
			this.browser.find(By.cssSelector("label[for='l" + line + "n" + n + "']")).click();
			this.browser.waitUntil(
					(driver) -> chosen(line).size() == before + 1 && status(line).contains((before + 1) + " of"));
		}
		return this;
	}

	PlayPage addLine() {
		int lines = lines();
		this.browser.find(By.cssSelector("button[value=addLine]")).click();
		this.browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.line"), lines + 1));
		return this;
	}

	PlayPage quickPick(int line, int picks) {
		this.browser.find(By.cssSelector("button[value='quickPick:" + line + "']")).click();
		this.browser.waitUntil((driver) -> chosen(line).size() == picks);
		return this;
	}

	String status(int line) {
		return this.browser.find(By.id("line-" + line + "-status")).getText();
	}

	List<Integer> chosen(int line) {
		return this.browser.findAll(By.cssSelector("#line-" + line + " input.number-input:checked"))
			.stream()
			.map((input) -> Integer.valueOf(input.getAttribute("value")))
			.toList();
	}

	int lines() {
		return this.browser.findAll(By.cssSelector("fieldset.line")).size();
	}

	/** Submits and waits for the receipt. */
	void submit() {
		WebElement button = this.browser.find(By.cssSelector("#play-form > button[type=submit]"));
		button.click();
		this.browser.waitUntil(ExpectedConditions.urlContains("/my/ballots/"));
	}

}
