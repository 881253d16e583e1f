package com.novanta.account;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

import com.novanta.responsibleplay.ResponsiblePlay;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A person who plays (and maybe runs) the lottery.
 *
 * @param id the account id
 * @param email the email address, lower-case (unique)
 * @param emailVerified whether the owner proved the address is theirs
 * @param passwordHash the password hash, or {@code null} for an account that only signs
 * in through Google or Facebook
 * @param name the name
 * @param city the city, optional (a winner may share it publicly)
 * @param roles the roles
 * @param timeZone the time zone times are shown in
 * @param language the language tag of the site and emails
 * @param noWinEmails whether the owner wants the "no win this time" emails
 * @param status whether the account can be used
 * @param sessionEpoch bumped to end every session of the account at once
 * @param createdAt when it was created
 * @param verifiedAt when the email was verified
 * @param lastSignInAt when its owner last signed in
 * @param responsiblePlay the owner's limits of ballots and self-exclusion (never
 * {@code null}: {@link ResponsiblePlay#NONE} if they chose nothing)
 * @param reminders the reminder emails they asked for (never {@code null}:
 * {@link Reminders#NONE} if they asked for none)
 */
@Document("accounts")
public record Account(@Id String id, String email, boolean emailVerified, String passwordHash, String name, String city,
		Set<Role> roles, String timeZone, String language, boolean noWinEmails, AccountStatus status, int sessionEpoch,
		Instant createdAt, Instant verifiedAt, Instant lastSignInAt, ResponsiblePlay responsiblePlay,
		Reminders reminders) {

	public Account {
		responsiblePlay = (responsiblePlay != null) ? responsiblePlay : ResponsiblePlay.NONE;
		reminders = (reminders != null) ? reminders : Reminders.NONE;
	}

	public boolean isAdmin() {
		return this.roles != null && this.roles.contains(Role.ADMIN);
	}

	public boolean hasPassword() {
		return this.passwordHash != null;
	}

	public boolean isActive() {
		return this.status == AccountStatus.ACTIVE;
	}

	/** The first name and the initial of the last, for public pages: "Ada L." */
	public String publicName() {
		if (this.name == null || this.name.isBlank()) {
			return "";
		}
		String[] parts = this.name.trim().split("\\s+");
		if (parts.length == 1) {
			return parts[0];
		}
		return parts[0] + " " + parts[parts.length - 1].substring(0, 1).toUpperCase(Locale.ROOT) + ".";
	}

}
