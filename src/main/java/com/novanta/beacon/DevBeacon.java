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
class DevBeacon extends ChainBeacon {

	static final String CHAIN = "DEV-BEACON-not-drand";

	static final String SCHEME = "DEV " + DrandChain.SCHEME;

	private static final Logger log = LoggerFactory.getLogger(DevBeacon.class);

	private final BigInteger secretKey;

	DevBeacon(RandomGenerator random, Instant genesis, Duration period, Clock clock) {
		this(secretKey(random), genesis, period, clock);
	}

	private DevBeacon(BigInteger secretKey, Instant genesis, Duration period, Clock clock) {
		super(new DrandChain(CHAIN, HexFormat.of().formatHex(Bls12381.publicKey(secretKey)), genesis, period), clock);
		this.secretKey = secretKey;
		log.warn("DEV beacon (dev mode): beacon rounds are signed by a key made on this machine at start-up, "
				+ "not by drand; they are no public randomness. Public key {}", this.chain.publicKeyHex());
	}

	private static BigInteger secretKey(RandomGenerator random) {
		BigInteger key;
		do {
			byte[] bytes = new byte[48];
			random.nextBytes(bytes);
			key = new BigInteger(1, bytes).mod(Bls12381.ORDER);
		}
		while (key.signum() == 0);
		return key;
	}

	@Override
	protected String name() {
		return "DEV beacon";
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	@Override
	public BeaconRound fetch(long round) {
		Instant due = published(round);
		byte[] signature = Bls12381.sign(this.secretKey, DrandChain.message(round), DrandChain.QUICKNET_DST);
		byte[] value = this.chain.verify(round, signature, null);
		log.info("DEV beacon: round {} (a dev key's signature, not drand's)", round);
		return new BeaconRound(CHAIN, SCHEME, this.chain.publicKeyHex(), round, due,
				HexFormat.of().formatHex(signature), HexFormat.of().formatHex(value), URI.create("dev:beacon/" + round),
				true);
	}

}
