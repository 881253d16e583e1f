package com.novanta.lottery;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.novanta.beacon.RandomnessBeacon;
import com.novanta.fairness.Fairness;

/**
 * What the public may know of a lottery's beacon round (recipe 3), for its page and its
 * {@code draw.json}: the round fixed at creation and when it is due, once fetched its
 * signature and value, while it is overdue since when the draw waits, and the operator's
 * override with its reason. Never why a fetch failed (an internal error's words) nor
 * which admin overrode.
 *
 * @param chain the chain's hash (a name starting with {@code DEV} for the dev beacon)
 * @param scheme how its rounds are signed ({@code null} when not known: a chain other
 * than the configured one, not fetched)
 * @param publicKey the chain's public key, hex (likewise)
 * @param round the round, fixed when the lottery was created
 * @param due when the round is published, by the chain's schedule
 * @param state where the draw is with it
 * @param signature the round's signature, hex, once fetched
 * @param value SHA-256 of the signature, hex, once fetched: mixed into the numbers
 * @param source where the round was read, once fetched
 * @param waitingSince since when the draw waits for an overdue round, while it does
 * @param overriddenAt when the operator drew without the round, if they did
 * @param overrideReason the operator's public reason, if they did
 */
record PublicBeacon(String chain, String scheme, String publicKey, long round, Instant due, State state,
		String signature, String value, String source, Instant waitingSince, Instant overriddenAt,
		String overrideReason) {

	/**
	 * drand quicknet's chain hash: the chain production reads, named so on the page
	 * rather than by its hash.
	 */
	static final String QUICKNET = "52db9ba70e0cc0f6eaf7803dd07447a1f5477735fd3f661792ba94600c84e971";

	/** A public drand relay, where anyone can look up a round of a real chain. */
	static final String PUBLIC_RELAY = "https://api.drand.sh/";

	/** Where the draw is with the lottery's round. */
	enum State {

		/** Fixed at creation; not fetched yet, and no failed attempt since it is due. */
		FIXED,

		/** Fetched and verified: its value is in the numbers. */
		FETCHED,

		/** Due, but could not be had: the draw waits. */
		WAITING,

		/** The operator drew without it, publicly. */
		OVERRIDDEN

	}

	/**
	 * The public part of the lottery's beacon round, or {@code null} for a lottery whose
	 * recipe draws without one.
	 * @param beacon the configured beacon: its scheme and key are published before the
	 * round is fetched when the lottery was created with its chain
	 */
	static PublicBeacon of(Lottery lottery, RandomnessBeacon beacon) {
		BeaconDraw draw = lottery.beacon();
		if (lottery.recipe() < Fairness.BEACON_RECIPE || draw == null) {
			return null;
		}
		BeaconDraw.Fetched fetched = draw.fetched();
		BeaconDraw.Overridden overridden = draw.overridden();
		boolean sameChain = draw.chain().equals(beacon.chain());
		String scheme = (fetched != null) ? fetched.scheme() : sameChain ? beacon.scheme() : null;
		String publicKey = (fetched != null) ? fetched.publicKey() : sameChain ? beacon.publicKey() : null;
		State state = (fetched != null) ? State.FETCHED
				: (overridden != null) ? State.OVERRIDDEN : (draw.waiting() != null) ? State.WAITING : State.FIXED;
		return new PublicBeacon(draw.chain(), scheme, publicKey, draw.round(), draw.due(), state,
				(fetched != null) ? fetched.signature() : null, (fetched != null) ? fetched.value() : null,
				(fetched != null) ? fetched.source() : null, (state == State.WAITING) ? draw.waiting().since() : null,
				(overridden != null) ? overridden.at() : null, (overridden != null) ? overridden.reason() : null);
	}

	/** Whether the chain is drand quicknet. */
	public boolean isQuicknet() {
		return QUICKNET.equals(this.chain);
	}

	/**
	 * Whether the round comes from the dev beacon: a key of one machine, no public
	 * randomness.
	 */
	public boolean isDev() {
		return this.chain.startsWith("DEV");
	}

	/**
	 * The round on a public drand relay, once fetched, for a real chain ({@code null} for
	 * the dev beacon, which no relay serves).
	 */
	public String relayUrl() {
		return (this.state == State.FETCHED && !isDev()) ? PUBLIC_RELAY + this.chain + "/public/" + this.round : null;
	}

	/** As {@code draw.json} has it: every value once it is public, else {@code null}. */
	Map<String, Object> json() {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("chain", this.chain);
		data.put("scheme", this.scheme);
		data.put("publicKey", this.publicKey);
		data.put("round", this.round);
		data.put("due", this.due.toString());
		data.put("state", this.state.name());
		data.put("signature", this.signature);
		data.put("value", this.value);
		data.put("source", this.source);
		data.put("dev", isDev());
		data.put("relay", relayUrl());
		data.put("waitingSince", (this.waitingSince != null) ? this.waitingSince.toString() : null);
		if (this.state == State.OVERRIDDEN) {
			Map<String, Object> overridden = new LinkedHashMap<>();
			overridden.put("at", this.overriddenAt.toString());
			overridden.put("reason", this.overrideReason);
			data.put("overridden", overridden);
		}
		else {
			data.put("overridden", null);
		}
		return data;
	}

}
