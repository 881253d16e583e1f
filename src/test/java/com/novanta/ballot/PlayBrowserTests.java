package com.novanta.ballot;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Browser;
import com.novanta.testing.BrowserTest;
import com.novanta.testing.pages.SignInPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A participant plays every game in a real browser and finds the ballots in My ballots.
 */
@BrowserTest
class PlayBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@Autowired
	GameCatalog games;

	Browser browser;

	@BeforeEach
	void setUp() {
		this.browser = Browser.get();
	}

	@ParameterizedTest
	@ValueSource(strings = { "daily", "saturday" })
	void picksNumbersAddsAQuickPickLineAndFindsBothInMyBallots(String gameId) {
		Game game = this.games.get(gameId);
		String lotteryId = new TestLotteries(this.context).open(gameId).id();
		CurrentAccount player = new TestParticipants(this.context).verified("Lise Meitner");
		SignInPage.open(this.browser, url("")).signIn(player.email(), TestParticipants.PASSWORD);

		this.browser.open(url("/"));
		this.browser.follow(By.cssSelector("a[href='/play/" + lotteryId + "']"));
		assertThat(this.browser.driver().getCurrentUrl()).endsWith("/play/" + lotteryId);

		PlayPage play = new PlayPage(this.browser);
		int[] mine = (game.picks() == 6) ? new int[] { 7, 12, 23, 34, 45, 88 } : new int[] { 3, 11, 27, 38, 49 };
		String price = money(game.price());
		assertThat(play.total()).containsExactly("No complete line yet · €0.00",
				"Line 1 is empty: it will not be played.");
		play.tick(0, mine);
		assertThat(play.status(0)).startsWith(game.picks() + " of " + game.picks() + " chosen");
		this.browser.waitUntil((driver) -> play.total().equals(List.of("1 line to play · " + price)));
		this.browser.waitUntil((driver) -> play.folded(0));
		assertThat(play.focused()).as("the focus leaves the folded grid for its Change button").isEqualTo("change-0");
		assertThat(this.browser.find(By.cssSelector("#line-0 .line-balls")).getAttribute("aria-label"))
			.isEqualTo("Line 1: " + String.join(", ", Arrays.stream(mine).mapToObj(String::valueOf).toList()));
		play.addLine();
		assertThat(play.focused()).as("the new line has the focus").isEqualTo("line-1");
		assertThat(play.total()).containsExactly("1 line to play · " + price,
				"Line 2 is empty: it will not be played.");
		play.quickPick(1, game.picks());
		assertThat(play.focused()).as("the quick pick folds the line: its Change button has the focus")
			.isEqualTo("change-1");
		assertThat(play.folded(0)).as("a complete line shows only its balls").isTrue();
		assertThat(play.folded(1)).isTrue();
		assertThat(play.height(0)).as("a folded line is a row, not a grid").isLessThan(160);
		assertThat(play.chosen(1)).hasSize(game.picks())
			.allSatisfy((n) -> assertThat(n).isBetween(1, game.maxNumber()));
		assertThat(play.total()).containsExactly("2 lines to play · " + money(2 * game.price()));
		List<Integer> quickPicked = play.chosen(1);
		this.browser.checkAccessibility();
		this.browser.screenshot("play-" + gameId + "-folded");
		this.browser.setWindowSize(390, 844);
		this.browser.screenshot("play-" + gameId + "-folded-phone");
		assertThat(this.browser.widthBeyondWindow()).isLessThanOrEqualTo(0);
		this.browser.setWindowSize(1280, 900);
		play.change(0);
		assertThat(play.focused()).as("Change puts the focus on the line's first number").isEqualTo("l0n" + mine[0]);
		assertThat(play.folded(1)).isTrue();
		this.browser.checkAccessibility();
		this.browser.screenshot("play-" + gameId);
		assertThat(play.submitTwice()).as("the second tap stopped; the button busy, saying so")
			.containsExactly(true, "true", "Sending your ballots…");

		assertThat(this.browser.find(By.cssSelector(".alert-success")).getText()).contains("Your 2 ballots are in");
		this.browser.follow(By.linkText("My ballots"));
		WebElement slip = this.browser.find(By.cssSelector(".slip"));
		List<WebElement> rows = slip.findElements(By.cssSelector("tbody tr"));
		assertThat(rows).hasSize(2);
		assertThat(numbers(rows.get(0))).containsExactly(Arrays.stream(mine).boxed().toArray(Integer[]::new));
		assertThat(numbers(rows.get(1))).containsExactlyElementsOf(quickPicked);
		assertThat(rows.get(1).getText()).contains("Quick pick");
		assertThat(slip.findElement(By.cssSelector(".slip-stake")).getText())
			.isEqualTo("Stake " + money(2 * game.price()));
		assertThat(this.browser.findAll(By.cssSelector(".slip"))).as("one slip, sent once").hasSize(1);
		this.browser.screenshot("my-ballots-" + gameId);
	}

	private static String money(long cents) {
		return String.format(Locale.ROOT, "€%d.%02d", cents / 100, cents % 100);
	}

	private static List<Integer> numbers(WebElement row) {
		return row.findElements(By.cssSelector(".ball > span:first-child"))
			.stream()
			.map((ball) -> Integer.valueOf(ball.getText()))
			.toList();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
