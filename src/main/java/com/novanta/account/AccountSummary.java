package com.novanta.account;

import java.time.Instant;

/**
 * What admins see of an account: who it is, whether it can be used and when it was last
 * used. Never its password hash, session epoch or sign-in secrets.
 *
 * @param id the account id
 * @param email its email
 * @param name the name
 * @param city the city, if given
 * @param admin whether it is an admin
 * @param status whether it can be used
 * @param emailVerified whether its owner proved the address is theirs
 * @param createdAt when it was created
 * @param lastSignInAt when its owner last signed in
 */
public record AccountSummary(String id, String email, String name, String city, boolean admin, AccountStatus status,
		boolean emailVerified, Instant createdAt, Instant lastSignInAt) {

	/** The summary of an account. */
	static AccountSummary of(Account account) {
		return new AccountSummary(account.id(), account.email(), account.name(), account.city(), account.isAdmin(),
				account.status(), account.emailVerified(), account.createdAt(), account.lastSignInAt());
	}

	public boolean isAdmin() {
		return this.admin;
	}

}
