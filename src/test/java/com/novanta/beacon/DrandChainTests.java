package com.novanta.beacon;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Real quicknet rounds verify under the chain's real public key, and nothing else does;
 * the schedule's arithmetic.
 */
class DrandChainTests {

	static final String QUICKNET_HASH = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

	static final String QUICKNET_PUBLIC_KEY = "83cf0f2896adee7eb8b5f01fcad3912212c437e0073e911fb90022d3e760183c8c4b450b6a0a6c3ac6a5776a2d1064510d1fec758c921cc22b0e17e63aaf4bcb5ed66304de9cf809bd274ca73bab4af5a6e9c76a4bc09e76eae8991ef5ece45a";

	/** Another valid G2 point in the subgroup: the dev beacon's key for secret 7. */
	static final String OTHER_PUBLIC_KEY = HexFormat.of().formatHex(Bls12381.publicKey(BigInteger.valueOf(7)));

	static final Instant QUICKNET_GENESIS = Instant.ofEpochSecond(1692803367);

	private final DrandChain quicknet = new DrandChain(QUICKNET_HASH, QUICKNET_PUBLIC_KEY, QUICKNET_GENESIS,
			Duration.ofSeconds(3));

	@Test
	void verifiesRealQuicknetRounds() {
		assertThat(hex(this.quicknet.verify(1, bytes(
				"b55e7cb2d5c613ee0b2e28d6750aabbb78c39dcc96bd9d38c2c2e12198df95571de8e8e402a0cc48871c7089a2b3af4b"),
				null)))
			.isEqualTo("1466a6cd24e327188770752f6134001c64d6efcc590ccc26b721611ad96f165a");
		assertThat(hex(this.quicknet.verify(14517013, bytes(
				"83236a954108c9de257b6a10c838f3e3f215eb3bd25c2261f42b4a6204d6b00a3f216b8d88dcd7947cba97d39f2e16c5"),
				bytes("97d920a0817f74b4dbff89a721faeda4ea307bc5d8890ebb833700ea68b2d106"))))
			.isEqualTo("97d920a0817f74b4dbff89a721faeda4ea307bc5d8890ebb833700ea68b2d106");
	}

	@Test
	void aSignatureOfAnotherRoundFails() {
		assertThatExceptionOfType(BeaconInvalid.class).isThrownBy(() -> this.quicknet.verify(2, bytes(
				"b55e7cb2d5c613ee0b2e28d6750aabbb78c39dcc96bd9d38c2c2e12198df95571de8e8e402a0cc48871c7089a2b3af4b"),
				null));
	}

	@Test
	void anotherPublicKeyFails() {
		DrandChain other = new DrandChain(QUICKNET_HASH, OTHER_PUBLIC_KEY, QUICKNET_GENESIS, Duration.ofSeconds(3));
		assertThatExceptionOfType(BeaconInvalid.class).isThrownBy(() -> other.verify(1, bytes(
				"b55e7cb2d5c613ee0b2e28d6750aabbb78c39dcc96bd9d38c2c2e12198df95571de8e8e402a0cc48871c7089a2b3af4b"),
				null));
	}

	@Test
	void schedule() {
		assertThat(this.quicknet.publishedAt(1)).isEqualTo(QUICKNET_GENESIS);
		// the round recorded as published at 16:40:03 UTC on 8 January 2025
		assertThat(this.quicknet.publishedAt(14517013)).isEqualTo(Instant.parse("2025-01-08T16:40:03Z"));
		assertThat(this.quicknet.roundAt(Instant.parse("2025-01-08T16:40:03Z"))).isEqualTo(14517013);
		assertThat(this.quicknet.roundAt(Instant.parse("2025-01-08T16:40:03.001Z"))).isEqualTo(14517014);
		assertThat(this.quicknet.roundAt(Instant.parse("2025-01-08T16:40:02.999Z"))).isEqualTo(14517013);
		assertThat(this.quicknet.roundAt(QUICKNET_GENESIS.minusSeconds(3600))).isEqualTo(1);
	}

	private static byte[] bytes(String hex) {
		return HexFormat.of().parseHex(hex);
	}

	private static String hex(byte[] bytes) {
		return HexFormat.of().formatHex(bytes);
	}

}
