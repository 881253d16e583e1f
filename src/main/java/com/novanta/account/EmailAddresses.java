package com.novanta.account;

import java.util.Locale;

/** The one way email addresses are compared and stored: trimmed and lower-case. */
final class EmailAddresses {

	private EmailAddresses() {
	}

	static String normalize(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
	}

}
