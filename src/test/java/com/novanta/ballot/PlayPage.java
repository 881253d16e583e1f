package com.novanta.ballot;

import java.util.List;

import com.novanta.testing.Browser;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The page where a participant fills and submits ballots. Its lines are replaced by htmx
 * (a line added, a quick pick, a line's status after each tick): every action finds its
 * element again and waits for the answer.
 */
final class PlayPage {

	private final Browser browser;

	PlayPage(Browser browser) {
		this.browser = browser;
	}

	/** Ticks numbers on a line's grid, waiting for the count to follow each tick. */
	PlayPage tick(int line, int... numbers) {
		for (int n : numbers) {
			int before = chosen(line).size();
			this.browser.click(By.cssSelector("label[for='l" + line + "n" + n + "']"));
			this.browser.waitUntil(
					(driver) -> chosen(line).size() == before + 1 && status(line).contains((before + 1) + " of"));
		}
		return this;
	}

	PlayPage addLine() {
		int lines = lines();
		this.browser.click(By.cssSelector("button[value=addLine]"));
		this.browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.line"), lines + 1));
		return this;
	}

	PlayPage quickPick(int line, int picks) {
		this.browser.click(By.cssSelector("button[value='quickPick:" + line + "']"));
		this.browser.waitUntil((driver) -> chosen(line).size() == picks);
		return this;
	}

	/** Removes a line, and waits for the lines that are left. */
	PlayPage removeLine(int line) {
		int lines = lines();
		this.browser.click(By.cssSelector("button[value='removeLine:" + line + "']"));
		this.browser.waitUntil(ExpectedConditions.numberOfElementsToBe(By.cssSelector("fieldset.line"), lines - 1));
		return this;
	}

	/** What the slip comes to, as the page says it under the lines. */
	List<String> total() {
		return this.browser.texts(By.cssSelector("#play-total p"));
	}

	/** The id of the element that has the keyboard's focus. */
	String focused() {
		return (String) ((JavascriptExecutor) this.browser.driver()).executeScript("return document.activeElement.id");
	}

	/**
	 * Sends the form twice in a row, as a double tap would, and waits for the receipt:
	 * whether the second was stopped, and what the button said meanwhile.
	 */
	@SuppressWarnings("unchecked")
	List<Object> submitTwice() {
		Object seen = ((JavascriptExecutor) this.browser.driver()).executeScript("""
				const form = document.getElementById('play-form');
				const button = form.querySelector(':scope > button[type=submit]');
				window.__novantaLeft = true;
				form.requestSubmit(button);
				const again = new SubmitEvent('submit', { bubbles: true, cancelable: true, submitter: button });
				form.dispatchEvent(again);
				return [again.defaultPrevented, button.getAttribute('aria-disabled'), button.textContent];
				""");
		this.browser.waitUntil((driver) -> driver.getCurrentUrl().contains("/my/ballots/"));
		return (List<Object>) seen;
	}

	/**
	 * A line's count, as a screen reader reads it (a folded line shows its balls
	 * instead).
	 */
	String status(int line) {
		return this.browser.find(By.id("line-" + line + "-status"))
			.getDomProperty("textContent")
			.replaceAll("\\s+", " ")
			.strip();
	}

	/** Whether a line is folded to its balls: its grid is not shown. */
	boolean folded(int line) {
		return !this.browser.find(By.cssSelector("#line-" + line + " .number-grid")).isDisplayed();
	}

	/** How tall a line is on the screen, in CSS pixels. */
	int height(int line) {
		return this.browser.find(By.id("line-" + line)).getRect().getHeight();
	}

	/** Opens a folded line again with its "Change" button. */
	PlayPage change(int line) {
		this.browser.click(By.id("change-" + line));
		this.browser.waitUntil((driver) -> !folded(line));
		return this;
	}

	List<Integer> chosen(int line) {
		return this.browser
			.waitUntil((driver) -> driver.findElements(By.cssSelector("#line-" + line + " input.number-input:checked"))
				.stream()
				.map((input) -> Integer.valueOf(input.getDomProperty("value")))
				.toList());
	}

	int lines() {
		return this.browser.findAll(By.cssSelector("fieldset.line")).size();
	}

	/** Submits, and waits for the receipt. */
	void submit() {
		this.browser.follow(By.cssSelector("#play-form > button[type=submit]"));
		assertThat(this.browser.driver().getCurrentUrl()).as("the receipt").contains("/my/ballots/");
	}

	/** Submits ballots that are refused, and returns why. */
	String submitRefused() {
		this.browser.follow(By.cssSelector("#play-form > button[type=submit]"));
		return this.browser.text(By.id("rejection"));
	}

}
