package com.novanta.account.internal;

import java.util.Locale;

/** The one way email addresses are compared and stored: trimmed and lower-case. */
public final class EmailAddresses {

	private EmailAddresses() {
	}

	public static String normalize(String email) {
		return (email != null) ? email.trim().toLowerCase(Locale.ROOT) : "";
	}

}
