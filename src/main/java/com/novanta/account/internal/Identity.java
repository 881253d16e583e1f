package com.novanta.account.internal;

import java.time.Instant;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A Google or Facebook sign-in linked to an account. Keyed by provider and subject (the
 * provider's permanent id for the person), never by email.
 *
 * @param id provider and subject
 * @param provider the provider's registration id, for example {@code google}
 * @param subject the provider's id for the person
 * @param accountId the account it signs in to
 * @param email the email the provider reported when it was linked
 * @param linkedAt when it was linked
 */
@Document("account_identities")
public record Identity(@Id String id, String provider, String subject, String accountId, String email,
		Instant linkedAt) {

	static String key(String provider, String subject) {
		return provider + ":" + subject;
	}

}
