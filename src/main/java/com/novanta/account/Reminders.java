package com.novanta.account;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reminder emails a participant asked for (all off by default: they are opt-in).
 * Stored in the account document, so that a change is one atomic write and deleting the
 * account deletes them.
 *
 * @param closing the games whose lotteries they want to hear about shortly before they
 * close
 * @param jackpot for each game they want a jackpot alert about, the jackpot in whole
 * euros that it must reach
 */
public record Reminders(Set<String> closing, Map<String, Long> jackpot) {

	/** No reminders at all. */
	public static final Reminders NONE = new Reminders(Set.of(), Map.of());

	public Reminders {
		closing = (closing != null) ? Set.copyOf(closing) : Set.of();
		jackpot = (jackpot != null) ? Map.copyOf(jackpot) : Map.of();
	}

	public boolean wantsClosing(String gameId) {
		return this.closing.contains(gameId);
	}

	/** The jackpot in euros that the game's must reach for an alert, if they want one. */
	public Long jackpotThreshold(String gameId) {
		return this.jackpot.get(gameId);
	}

	/** "daily, saturday": the games with closing reminders, for the audit log. */
	public String describeClosing() {
		return String.join(", ", new TreeSet<>(this.closing));
	}

	/** "daily ≥ 5000000": the jackpot alerts, for the audit log. */
	public String describeJackpot() {
		StringBuilder text = new StringBuilder();
		new TreeMap<>(this.jackpot).forEach((game, euros) -> {
			if (!text.isEmpty()) {
				text.append(", ");
			}
			text.append(game).append(" ≥ €").append(euros);
		});
		return text.toString();
	}

}
