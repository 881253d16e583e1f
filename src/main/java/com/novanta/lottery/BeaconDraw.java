package com.novanta.lottery;

import java.time.Instant;

/**
 * A lottery's public randomness (recipe 3): the beacon round fixed when the lottery was
 * created, and once the draw has it, the round as verified; or, while the round cannot be
 * had, how long the draw has waited for it; or the operator's public decision to draw
 * without it.
 *
 * @param chain the beacon chain (drand's chain hash; {@code DEV…} for the dev beacon)
 * @param round the round, fixed when the lottery was created: the first published at
 * least the margin after the close
 * @param due when the round is published, by the chain's schedule
 * @param fetched the round as fetched and verified, once it was
 * @param waiting how the draw has waited for an overdue round, while it does
 * @param overridden the operator's decision to draw without the round, if ever taken
 */
public record BeaconDraw(String chain, long round, Instant due, Fetched fetched, Waiting waiting,
		Overridden overridden) {

	/** The value the numbers are drawn with: the fetched round's, or none. */
	public String value() {
		return (this.fetched != null) ? this.fetched.value() : null;
	}

	/** A round fixed for a new lottery. */
	static BeaconDraw fixed(String chain, long round, Instant due) {
		return new BeaconDraw(chain, round, due, null, null, null);
	}

	/**
	 * Whether the draw can go on: the round was fetched, or the operator drew without it.
	 * (Not a bean getter: the record is stored, and this is no field of it.)
	 */
	public boolean decided() {
		return this.fetched != null || this.overridden != null;
	}

	/**
	 * The round as the draw read it, verified against the chain's pinned public key.
	 *
	 * @param scheme how the round is signed
	 * @param publicKey the chain's public key, hex
	 * @param signature the round's signature, hex
	 * @param value the randomness, SHA-256 of the signature, hex
	 * @param source where it was read
	 * @param dev whether it comes from the dev beacon (no public randomness)
	 * @param fetchedAt when it was read
	 */
	public record Fetched(String scheme, String publicKey, String signature, String value, String source, boolean dev,
			Instant fetchedAt) {
	}

	/**
	 * The draw waiting for a round that is due but cannot be had.
	 *
	 * @param since the first failed attempt
	 * @param lastAttempt the latest failed attempt
	 * @param attempts how many attempts failed
	 * @param reason why the latest failed
	 * @param invalid whether the beacon answered something that does not verify (rather
	 * than nothing)
	 */
	public record Waiting(Instant since, Instant lastAttempt, long attempts, String reason, boolean invalid) {
	}

	/**
	 * The operator drew without the round, which had been overdue for long: shown on the
	 * lottery's page with the reason.
	 *
	 * @param at when
	 * @param reason the operator's reason, published
	 * @param accountId the admin who decided (in the audit log, not published)
	 */
	public record Overridden(Instant at, String reason, String accountId) {
	}

}
