package com.novanta.audit;

import java.util.Optional;

/**
 * Every kind of entry the audit log records. The log stores the kind by its name, so a
 * name never changes once entries carry it; the admin pages show each kind as a sentence
 * from the message bundle ({@code audit.event.<NAME>}), and a test fails when a kind has
 * none.
 */
public enum AuditAction {

	// accounts
	ACCOUNT_CREATED, DEMO_ADMIN_CREATED, EMAIL_VERIFIED, UNVERIFIED_ACCOUNT_CLAIMED, PROFILE_UPDATED,
	UNSUBSCRIBED_NO_WIN, ACCOUNT_DELETED, UNSUBSCRIBED_CLOSING_REMINDERS, UNSUBSCRIBED_JACKPOT_ALERTS,

	// signing in and out
	SIGN_IN, SIGN_IN_FAILED, SIGN_IN_LOCKED, SIGN_IN_REFUSED_LOCKED, SIGN_OUT, SIGNED_OUT_EVERYWHERE, IDENTITY_LINKED,
	IDENTITY_UNLINKED,

	// passwords
	PASSWORD_CHANGED, PASSWORD_SET, PASSWORD_CHANGE_FAILED, PASSWORD_CHECK_REFUSED_LOCKED, PASSWORD_RESET_REQUESTED,
	PASSWORD_RESET,

	// responsible play
	PLAY_LIMITS_CHANGED, SELF_EXCLUDED, PLAY_RESTRICTIONS_KEPT, PLAY_RESTRICTIONS_RESTORED,

	// roles and status, by admins or by configuration
	ADMIN_ROLE_GRANTED, ADMIN_ROLE_REVOKED, ROLE_GRANTED, ACCOUNT_DISABLED, ACCOUNT_ENABLED,

	// lotteries and wins
	LOTTERY_DRAWN, LOTTERY_DRAW_REFUSED, LOTTERY_SETTLED, ADMIN_DRAW_NOW, LOTTERY_BEACON_OVERRIDDEN,
	WIN_PUBLICITY_CHANGED, ADMIN_WINNERS_EXPORTED,

	// the embedded database
	ADMIN_DATABASE_BACKED_UP,

	// email
	ADMIN_MAIL_RETRIED;

	/** The kind an entry names, if this version knows it (entries outlive versions). */
	public static Optional<AuditAction> of(String name) {
		if (name == null) {
			return Optional.empty();
		}
		for (AuditAction action : values()) {
			if (action.name().equals(name)) {
				return Optional.of(action);
			}
		}
		return Optional.empty();
	}

}
