package com.novanta.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Which index a query of the embedded server reads. mongo-java-server takes the first of
 * a collection's indexes that can serve it, in the order they were made: a participant's
 * wins in a lottery ({@code accountId} and {@code lotteryId}) were read through the
 * winners' {@code lotteryId, tier} index, made first, so through every winner of the
 * lottery, although the {@code accountId} index held only the participant's. A unique
 * index that can serve a query is still taken first (it finds a document a value);
 * between secondary indexes, the one with the fewest entries in the query's range,
 * counted up to a cap, is taken, the first of equals.
 */
final class IndexChoice {

	/** Entries counted at most in each candidate's range. */
	static final int CAP = 256;

	private IndexChoice() {
	}

	/**
	 * Answers a collection's query through the index chosen, or by its scan when none can
	 * serve it.
	 * @param through the collection's answer from an index's positions
	 * @param scan the collection's own answer (a scan, as no index can serve the query)
	 */
	static <P> QueryResult query(List<Index<P>> indexes, Document query, Function<Iterable<P>, QueryResult> through,
			Supplier<QueryResult> scan) {
		Index<P> index = of(indexes, query);
		return (index != null) ? through.apply(index.getPositions(query)) : scan.get();
	}

	/** The index to read for the query, or {@code null} to scan. */
	static <P> Index<P> of(List<Index<P>> indexes, Document query) {
		List<SecondaryIndex<P>> candidates = new ArrayList<>(2);
		for (Index<P> index : indexes) {
			if (!index.canHandle(query)) {
				continue;
			}
			if (!(index instanceof SecondaryIndex<P> secondary)) {
				return index;
			}
			candidates.add(secondary);
		}
		if (candidates.size() < 2) {
			// nothing to compare (the usual case): nothing counted
			return candidates.isEmpty() ? null : candidates.get(0);
		}
		SecondaryIndex<P> best = null;
		int fewest = Integer.MAX_VALUE;
		for (SecondaryIndex<P> candidate : candidates) {
			int entries = candidate.estimate(query, CAP);
			if (entries < fewest) {
				best = candidate;
				fewest = entries;
			}
		}
		return best;
	}

}
