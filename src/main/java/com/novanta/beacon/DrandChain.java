package com.novanta.beacon;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;

import org.apache.milagro.amcl.BLS381.ECP2;

/**
 * A drand chain of the {@code bls-unchained-g1-rfc9380} scheme (quicknet): its hash,
 * public key and schedule, pinned in configuration rather than read from the network, and
 * how one of its rounds is checked. Round r is published at genesis + (r - 1) x period;
 * its signature signs SHA-256(r as 8 bytes, big-endian) hashed to G1 with the RFC 9380
 * tag below; its randomness is SHA-256(signature).
 */
final class DrandChain {

	static final String SCHEME = "bls-unchained-g1-rfc9380";

	static final String QUICKNET_DST = "BLS_SIG_BLS12381G1_XMD:SHA-256_SSWU_RO_NUL_";

	private final String hash;

	private final byte[] publicKeyBytes;

	private final ECP2 publicKey;

	private final Instant genesis;

	private final Duration period;

	/**
	 * @throws IllegalArgumentException when the public key is no valid G2 point or the
	 * schedule makes no sense
	 */
	DrandChain(String hash, String publicKey, Instant genesis, Duration period) {
		if (period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("a beacon's period is positive, not " + period);
		}
		this.hash = hash;
		this.publicKeyBytes = HexFormat.of().parseHex(publicKey);
		this.publicKey = Bls12381.decodeG2(this.publicKeyBytes);
		this.genesis = genesis;
		this.period = period;
	}

	String hash() {
		return this.hash;
	}

	String publicKeyHex() {
		return HexFormat.of().formatHex(this.publicKeyBytes);
	}

	Instant genesis() {
		return this.genesis;
	}

	Duration period() {
		return this.period;
	}

	Instant publishedAt(long round) {
		if (round < 1) {
			throw new IllegalArgumentException("drand rounds start at 1, not " + round);
		}
		return this.genesis.plus(this.period.multipliedBy(round - 1));
	}

	long roundAt(Instant instant) {
		if (!instant.isAfter(this.genesis)) {
			return 1;
		}
		long elapsed = Duration.between(this.genesis, instant).toNanos();
		long period = this.period.toNanos();
		// ceiling: a round published exactly at the instant counts
		return (elapsed + period - 1) / period + 1;
	}

	/**
	 * The message a round's signature signs: SHA-256 of the round, 8 bytes big-endian.
	 */
	static byte[] message(long round) {
		MessageDigest sha256 = HashToG1.sha256();
		byte[] bytes = new byte[8];
		for (int i = 0; i < 8; i++) {
			bytes[i] = (byte) (round >>> (56 - 8 * i));
		}
		return sha256.digest(bytes);
	}

	static byte[] randomness(byte[] signature) {
		return HashToG1.sha256().digest(signature);
	}

	/**
	 * Checks a round as a relay served it and returns its randomness.
	 * @throws BeaconInvalid when anything does not verify
	 */
	byte[] verify(long round, byte[] signature, byte[] randomness) {
		boolean valid;
		try {
			valid = Bls12381.verify(signature, message(round), QUICKNET_DST, this.publicKey);
		}
		catch (IllegalArgumentException ex) {
			throw new BeaconInvalid(round, "round " + round + ": the signature is no point of G1: " + ex.getMessage(),
					ex);
		}
		if (!valid) {
			throw new BeaconInvalid(round,
					"round " + round + ": the signature does not verify under chain " + this.hash + "'s public key");
		}
		byte[] expected = randomness(signature);
		if (randomness != null && !Arrays.equals(expected, randomness)) {
			throw new BeaconInvalid(round, "round " + round + ": the randomness is not SHA-256 of the signature");
		}
		return expected;
	}

}
