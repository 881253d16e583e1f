package com.novanta.account;

import java.time.Instant;

/**
 * What the other modules know of an account: who it is, how to write to them and what the
 * public may see of them. Never its password hash, session epoch, limits or sign-in
 * history, which stay in this module ({@link Account}).
 *
 * @param id the account id
 * @param email where to write
 * @param name the full name
 * @param publicName the first name and the initial of the last ("Ada L.")
 * @param city the city, if given
 * @param language the language of their emails
 * @param timeZone their time zone
 * @param active whether the account may sign in (not disabled or deleted)
 * @param admin whether they are an admin
 * @param noWinEmails whether they turned "no win" emails off
 * @param excludedUntil until when they excluded themselves from play, if they did
 * @param reminders the reminder emails they asked for
 */
public record Participant(String id, String email, String name, String publicName, String city, String language,
		String timeZone, boolean active, boolean admin, boolean noWinEmails, Instant excludedUntil,
		Reminders reminders) {

	/** The participant an account is. */
	public static Participant of(Account account) {
		return new Participant(account.id(), account.email(), account.name(), account.publicName(), account.city(),
				account.language(), account.timeZone(), account.isActive(), account.isAdmin(), account.noWinEmails(),
				account.responsiblePlay().excludedUntil(), account.reminders());
	}

	/** The jackpot in euros they want an alert at for the game, if they want one. */
	public Long jackpotThreshold(String gameId) {
		return this.reminders.jackpotThreshold(gameId);
	}

	/** Whether they are excluded from play at that instant. */
	public boolean isExcludedAt(Instant instant) {
		return this.excludedUntil != null && instant.isBefore(this.excludedUntil);
	}

}
