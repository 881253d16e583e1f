package com.novanta.responsibleplay;

import java.util.Optional;

/**
 * Where each participant's {@link ResponsiblePlay} is stored: with their account, which
 * is what the account module implements this with, so that verifying an email can bind
 * the account by choices kept from a deleted account in the same single-document write.
 * Every change is conditional on the revision it was worked out from.
 */
public interface PlayChoices {

	/** The participant's choices, empty for an unknown account. */
	Optional<ResponsiblePlay> find(String accountId);

	/**
	 * Replaces the participant's choices, if they are still at {@code revision}.
	 * @return the choices as stored, or empty if another change came first (or the
	 * account is gone)
	 */
	Optional<ResponsiblePlay> replace(String accountId, long revision, ResponsiblePlay choices);

}
