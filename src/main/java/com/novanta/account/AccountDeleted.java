package com.novanta.account;

/**
 * A participant deleted their account: its personal data is gone, and modules that keep
 * their own data about the participant (saved lines) delete theirs. Published after the
 * account is marked deleted, on the thread that deleted it; a listener must be
 * idempotent, since a deletion repeated (two tabs) publishes it again.
 *
 * @param accountId the account
 */
public record AccountDeleted(String accountId) {
}
