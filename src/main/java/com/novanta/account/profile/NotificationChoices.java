package com.novanta.account.profile;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.novanta.account.Account;
import com.novanta.account.Reminders;
import com.novanta.game.Game;
import com.novanta.game.TypedEuros;

/**
 * The notifications form read against the games: what to store, or what is wrong with
 * each field (keyed by the field's id, valued by a message key). Plain Java: the rules of
 * the form are here, tested on their own.
 *
 * @param noWinEmails whether they want "no win" emails
 * @param closing the games whose closing reminders they want
 * @param typed the jackpot thresholds as typed, by game id
 * @param thresholds the jackpot thresholds read, by game id (only the valid ones)
 * @param errors what is wrong, by field id ({@code closing}, {@code threshold-daily})
 */
record NotificationChoices(boolean noWinEmails, Set<String> closing, Map<String, String> typed,
		Map<String, Long> thresholds, Map<String, String> errors) {

	/** The largest jackpot alert, in euros: a billion, more than any jackpot paid. */
	static final long MAX_EUROS = TypedEuros.MAX;

	/** What the account has now. */
	static NotificationChoices of(Account account) {
		Map<String, String> typed = new LinkedHashMap<>();
		account.reminders().jackpot().forEach((game, euros) -> typed.put(game, euros.toString()));
		return new NotificationChoices(account.noWinEmails(), account.reminders().closing(), typed,
				account.reminders().jackpot(), Map.of());
	}

	/**
	 * Reads the form.
	 * @param form what was sent
	 * @param games the games on offer (every game for closing reminders)
	 * @param jackpotGames the games with a jackpot, in the order of the form's thresholds
	 * @return the choices, or empty when the form is not one the page sends (thresholds
	 * missing or too many)
	 */
	static Optional<NotificationChoices> read(NotificationsForm form, List<Game> games, List<Game> jackpotGames) {
		List<String> sent = (form.thresholds() != null) ? form.thresholds() : List.of();
		if (sent.size() != jackpotGames.size()) {
			return Optional.empty();
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Set<String> closing = new LinkedHashSet<>();
		for (String id : (form.closing() != null) ? form.closing() : List.<String>of()) {
			if (games.stream().anyMatch((game) -> game.id().equals(id))) {
				closing.add(id);
			}
			else {
				errors.put("closing", "notifications.closing.invalid");
			}
		}
		Map<String, String> typed = new LinkedHashMap<>();
		Map<String, Long> thresholds = new LinkedHashMap<>();
		for (int i = 0; i < jackpotGames.size(); i++) {
			String id = jackpotGames.get(i).id();
			String text = (sent.get(i) != null) ? sent.get(i) : "";
			typed.put(id, text);
			String problem = problem(text);
			if (problem != null) {
				errors.put("threshold-" + id, problem);
			}
			else if (!text.isBlank()) {
				thresholds.put(id, TypedEuros.read(text).euros());
			}
		}
		return Optional.of(new NotificationChoices(form.noWinEmails(), closing, typed, thresholds, errors));
	}

	/** What is wrong with a typed threshold (a message key), or {@code null}. */
	static String problem(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		TypedEuros.Problem problem = TypedEuros.read(text).problem();
		if (problem == null) {
			return null;
		}
		return (problem == TypedEuros.Problem.OUT_OF_RANGE) ? "notifications.jackpot.range"
				: "notifications.jackpot.invalid";
	}

	public boolean hasErrors() {
		return !this.errors.isEmpty();
	}

	public boolean hasError(String field) {
		return this.errors.containsKey(field);
	}

	/** What to store. */
	Reminders reminders() {
		return new Reminders(this.closing, this.thresholds);
	}

}
