package com.novanta.beacon;

import java.time.Clock;
import java.time.Instant;

/**
 * What every beacon of a drand chain of the quicknet scheme does alike: its name, key and
 * schedule come from the chain, and no round is asked for before it is published. The
 * subclasses say how a round is had.
 */
abstract class ChainBeacon implements RandomnessBeacon {

	protected final DrandChain chain;

	protected final Clock clock;

	ChainBeacon(DrandChain chain, Clock clock) {
		this.chain = chain;
		this.clock = clock;
	}

	@Override
	public String chain() {
		return this.chain.hash();
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

	/** What the log and errors call this beacon. */
	protected abstract String name();

	/**
	 * When the round was published.
	 * @throws BeaconUnavailable when it is not published yet
	 */
	protected Instant published(long round) {
		Instant due = this.chain.publishedAt(round);
		if (this.clock.instant().isBefore(due)) {
			throw new BeaconUnavailable(round, name() + ": round " + round + " is not published before " + due);
		}
		return due;
	}

}
