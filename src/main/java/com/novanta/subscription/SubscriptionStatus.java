package com.novanta.subscription;

import java.util.Locale;

/**
 * Where a subscription stands, as stored. "Suspended" is not stored: it is how an active
 * subscription is shown while its participant is excluded from play.
 */
enum SubscriptionStatus {

	/** Placed in every coming draw (while the participant may play). */
	ACTIVE,

	/** Placed in no draw until resumed. */
	PAUSED,

	/** Stopped by the participant for good. */
	CANCELLED,

	/** All its draws are placed. */
	FINISHED;

	/** Its name in message keys: {@code active}, {@code paused}, ... */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

}
