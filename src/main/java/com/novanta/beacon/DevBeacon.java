package com.novanta.beacon;

import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dev beacon: in dev mode only (a laptop with no network must still draw), rounds
 * signed like quicknet's but with a key made on this machine at start-up, on quicknet's
 * schedule. Its rounds say so (chain {@value #CHAIN}, {@code dev} set, a {@code dev:}
 * source) and so does the log. Worthless as public randomness: whoever holds the key
 * knows every round in advance. Each round is verified like a real one, so the dev path
 * runs the same checks.
 */
class DevBeacon implements RandomnessBeacon {

	static final String CHAIN = "DEV-BEACON-not-drand";

	static final String SCHEME = "DEV " + DrandChain.SCHEME;

	private static final Logger log = LoggerFactory.getLogger(DevBeacon.class);

	private final BigInteger secretKey;

	private final DrandChain chain;

	private final Clock clock;

	DevBeacon(RandomGenerator random, Instant genesis, Duration period, Clock clock) {
		BigInteger key;
		do {
			byte[] bytes = new byte[48];
			random.nextBytes(bytes);
			key = new BigInteger(1, bytes).mod(Bls12381.ORDER);
		}
		while (key.signum() == 0);
		this.secretKey = key;
		this.chain = new DrandChain(CHAIN, HexFormat.of().formatHex(Bls12381.publicKey(key)), genesis, period);
		this.clock = clock;
		log.warn("DEV beacon (dev mode): beacon rounds are signed by a key made on this machine at start-up, "
				+ "not by drand; they are no public randomness. Public key {}", this.chain.publicKeyHex());
	}

	@Override
	public String chain() {
		return CHAIN;
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	@Override
	public String publicKey() {
		return this.chain.publicKeyHex();
	}

	@Override
	public long roundAt(Instant instant) {
		return this.chain.roundAt(instant);
	}

	@Override
	public Instant publishedAt(long round) {
		return this.chain.publishedAt(round);
	}

	@Override
	public BeaconRound fetch(long round) {
		Instant due = this.chain.publishedAt(round);
		if (this.clock.instant().isBefore(due)) {
			throw new BeaconUnavailable(round, "DEV beacon: round " + round + " is not published before " + due);
		}
		byte[] signature = Bls12381.sign(this.secretKey, DrandChain.message(round), DrandChain.QUICKNET_DST);
		byte[] value = this.chain.verify(round, signature, null);
		log.info("DEV beacon: round {} (a dev key's signature, not drand's)", round);
		return new BeaconRound(CHAIN, SCHEME, this.chain.publicKeyHex(), round, due,
				HexFormat.of().formatHex(signature), HexFormat.of().formatHex(value), URI.create("dev:beacon/" + round),
				true);
	}

}
