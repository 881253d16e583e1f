package com.novanta.draw;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ballots the digest step read, kept in this instance for the lottery's settlement:
 * with recipe 3 the draw waits a margin for its beacon round after the digest, so the
 * settlement comes in a later run of the pipeline, and reading a million ballots again
 * would double the work. Kept with the digest they gave, and given back only for that
 * digest; a lottery settled elsewhere, or after a restart, reads its ballots again (and
 * checks them against the digest). At most {@link #LOTTERIES} lotteries (about 30 bytes a
 * ballot each), the oldest forgotten first.
 */
final class DigestedBallots {

	static final int LOTTERIES = 4;

	private final Map<String, Kept> kept = new LinkedHashMap<>();

	/** Keeps the ballots that gave {@code digest}. */
	synchronized void keep(String lotteryId, String digest, CompactBallots ballots) {
		this.kept.remove(lotteryId);
		this.kept.put(lotteryId, new Kept(digest, ballots));
		while (this.kept.size() > LOTTERIES) {
			this.kept.remove(this.kept.keySet().iterator().next());
		}
	}

	/** The ballots kept for the lottery, if they gave this very digest and count. */
	synchronized CompactBallots find(String lotteryId, String digest, long count) {
		Kept found = this.kept.get(lotteryId);
		return (found != null && found.digest().equals(digest) && found.ballots().size() == count) ? found.ballots()
				: null;
	}

	synchronized void forget(String lotteryId) {
		this.kept.remove(lotteryId);
	}

	private record Kept(String digest, CompactBallots ballots) {
	}

}
