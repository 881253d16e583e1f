package com.novanta.beacon;

import java.time.Instant;

/**
 * A public randomness beacon: rounds published on a fixed schedule, each a value nobody
 * knew before it was published, signed so that anyone can check it came from the beacon.
 * A lottery fixes a round that is published after its close; the draw fetches that round
 * and mixes its value in.
 */
public interface RandomnessBeacon {

	/**
	 * The chain this beacon reads: drand's chain hash, or a name starting with
	 * {@code DEV} for the dev beacon. A lottery records it with its round.
	 */
	String chain();

	/**
	 * How its rounds are signed, e.g. {@code bls-unchained-g1-rfc9380}: published with a
	 * lottery's round before it is fetched, so that anyone can check it later.
	 */
	String scheme();

	/** The chain's public key (hex), which every round's signature verifies under. */
	String publicKey();

	/** The first round published at or after {@code instant}. */
	long roundAt(Instant instant);

	/** When {@code round} is (or was) published, from the beacon's schedule. */
	Instant publishedAt(long round);

	/**
	 * The round, verified against the beacon's pinned public key.
	 * @throws BeaconUnavailable when the round cannot be had now: not published yet, the
	 * beacon unreachable, too slow, or answering with an error; try again later
	 * @throws BeaconInvalid when what the beacon answered does not verify: never use it
	 */
	BeaconRound fetch(long round);

}
