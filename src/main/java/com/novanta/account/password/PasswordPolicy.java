package com.novanta.account.password;

import java.util.Locale;
import java.util.Optional;

import com.novanta.account.internal.EmailAddresses;

/**
 * Password rules as current guidance (NIST SP 800-63B) has them: long enough, any
 * characters allowed, not one of the most common passwords, not the email address. No
 * composition rules and no expiry.
 */
public final class PasswordPolicy {

	static final int MIN_LENGTH = 8;

	static final int MAX_LENGTH = 128;

	private final CommonPasswords common;

	public PasswordPolicy(CommonPasswords common) {
		this.common = common;
	}

	/**
	 * Checks a password chosen by the owner of {@code email}.
	 * @return the message key of the first broken rule, or empty if the password is fine
	 */
	public Optional<String> check(String password, String email) {
		if (password == null || password.isEmpty()) {
			return Optional.of("password.required");
		}
		int length = password.codePointCount(0, password.length());
		if (length < MIN_LENGTH) {
			return Optional.of("password.tooShort");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("password.tooLong");
		}
		if (this.common.contains(password)) {
			return Optional.of("password.common");
		}
		String normalizedEmail = EmailAddresses.normalize(email);
		if (!normalizedEmail.isEmpty()) {
			String lower = password.trim().toLowerCase(Locale.ROOT);
			int at = normalizedEmail.indexOf('@');
			if (lower.equals(normalizedEmail) || (at > 0 && lower.equals(normalizedEmail.substring(0, at)))) {
				return Optional.of("password.email");
			}
		}
		return Optional.empty();
	}

}
