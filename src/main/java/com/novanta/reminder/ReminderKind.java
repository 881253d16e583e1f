package com.novanta.reminder;

import com.novanta.account.EmailPreferences;

/**
 * The two kinds of reminder. The outbox key of one is its kind, the lottery and the
 * participant: written twice, by two instances or after a crash, it is stored (and sent)
 * once.
 */
enum ReminderKind {

	/** The lottery closes soon. */
	CLOSING("remind-closing", "reminder/closing", EmailPreferences.Kind.CLOSING_REMINDERS),

	/** The lottery's jackpot reached the amount the participant set. */
	JACKPOT("remind-jackpot", "reminder/jackpot", EmailPreferences.Kind.JACKPOT_ALERTS);

	private final String prefix;

	private final String template;

	private final EmailPreferences.Kind unsubscribe;

	ReminderKind(String prefix, String template, EmailPreferences.Kind unsubscribe) {
		this.prefix = prefix;
		this.template = template;
		this.unsubscribe = unsubscribe;
	}

	/** The outbox key: {@code remind-closing:daily-2026-12-02:ACCOUNT}. */
	String key(String lotteryId, String accountId) {
		return this.prefix + ":" + lotteryId + ":" + accountId;
	}

	String template() {
		return this.template;
	}

	/** The mail category (metrics, the admin outbox). */
	String category() {
		return this.prefix;
	}

	/** Which emails its one-click link stops. */
	EmailPreferences.Kind unsubscribe() {
		return this.unsubscribe;
	}

}
