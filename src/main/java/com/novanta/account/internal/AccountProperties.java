package com.novanta.account.internal;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Account settings.
 *
 * @param adminEmails emails that become admins once verified
 * ({@code LOTTERY_ADMIN_EMAILS}, comma-separated)
 * @param timeZone the time zone of new accounts and of visitors
 * ({@code LOTTERY_TIME_ZONE})
 * @param verificationValidity how long an email verification link works
 * @param resetValidity how long a password reset link works
 * @param demoAdmin whether to create a demo admin on the embedded database in dev mode
 * @param signIn how many password checks are allowed, and over how long
 */
@ConfigurationProperties("lottery.accounts")
public record AccountProperties(@DefaultValue List<String> adminEmails, @DefaultValue("Europe/Rome") String timeZone,
		@DefaultValue("24h") Duration verificationValidity, @DefaultValue("1h") Duration resetValidity,
		@DefaultValue("true") boolean demoAdmin, @DefaultValue SignInLimits signIn) {

	Set<String> normalizedAdminEmails() {
		return this.adminEmails.stream()
			.map((email) -> email.trim().toLowerCase(Locale.ROOT))
			.filter((email) -> !email.isEmpty())
			.collect(Collectors.toSet());
	}

	boolean isAdminEmail(String email) {
		return normalizedAdminEmails().contains(EmailAddresses.normalize(email));
	}

	/**
	 * How many password checks are allowed per window
	 * ({@code lottery.accounts.sign-in.*}).
	 *
	 * @param attemptsPerEmail checks of one email address's password
	 * @param attemptsPerClient failed checks from one client address, whatever the email
	 * @param attemptsPerDevice checks from a device where the account signed in before
	 * @param window how long a count lasts, from its first attempt
	 */
	public record SignInLimits(@DefaultValue("5") int attemptsPerEmail, @DefaultValue("30") int attemptsPerClient,
			@DefaultValue("5") int attemptsPerDevice, @DefaultValue("15m") Duration window) {

		/** The window in whole minutes, as the messages say it. */
		public long windowMinutes() {
			return this.window.toMinutes();
		}

	}

}
