package com.novanta.lines;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.novanta.account.CurrentAccount;
import com.novanta.game.GameCatalog;

import org.springframework.context.ApplicationContext;

/** Saves lines for a test, as the My lines form would. */
public final class TestSavedLines {

	private final SavedLines lines;

	private final GameCatalog games;

	public TestSavedLines(ApplicationContext context) {
		this.lines = context.getBean(SavedLines.class);
		this.games = context.getBean(GameCatalog.class);
	}

	/** Saves a valid line; fails the test if it is not saved. */
	public SavedLine save(CurrentAccount who, String name, String gameId, int... numbers) {
		String typed = Arrays.stream(numbers).mapToObj(String::valueOf).collect(Collectors.joining(" "));
		LineEntry entry = LineEntry.of(name, gameId, typed, this.games.all());
		if (!entry.isValid()) {
			throw new IllegalArgumentException("Not a valid line: " + entry.errors());
		}
		SavedLines.Saved saved = this.lines.save(who.id(), entry);
		if (saved.outcome() != SavedLines.Outcome.SAVED) {
			throw new IllegalStateException("Not saved: " + saved.outcome());
		}
		return saved.line();
	}

}
