package com.novanta.beacon;

import java.net.URI;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A verified beacon round, with everything an auditor needs to verify it again without
 * trusting us: the chain (its hash and public key, which identify it on every drand
 * relay), the round, its signature and the value derived from it, and where it was read.
 *
 * @param chainHash the drand chain's hash (for the dev beacon, a name starting with
 * {@code DEV})
 * @param scheme how the signature is made, e.g. {@code bls-unchained-g1-rfc9380}
 * @param publicKey the chain's public key, hex
 * @param round the round number
 * @param publishedAt when the round was published, from the chain's schedule
 * @param signature the BLS signature of SHA-256(round as 8 bytes big-endian), hex
 * @param value the randomness: SHA-256 of the signature, hex (32 bytes)
 * @param source the address the round was read from
 * @param dev whether this round comes from the dev beacon (a key made on this machine,
 * worthless as public randomness)
 */
public record BeaconRound(String chainHash, String scheme, String publicKey, long round, Instant publishedAt,
		String signature, String value, URI source, boolean dev) {

	/** The value's 32 bytes. */
	public byte[] valueBytes() {
		return HexFormat.of().parseHex(this.value);
	}

}
