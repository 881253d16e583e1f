package com.novanta.ballot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The accepted ballots of a lottery, as the draw reads them: by slip number, in canonical
 * order, in batches (never all in memory).
 */
@Service
public class BallotLedger {

	static final int BATCH = 5000;

	private final SlipRepository slips;

	BallotLedger(SlipRepository slips) {
		this.slips = slips;
	}

	/**
	 * Visits every ballot of slips 1 to {@code slots}, in ascending slip and line order.
	 * With {@code seal}, a place that has no slip is sealed first, so that no slip can
	 * arrive there any more: after a sealing pass, the set of ballots is final.
	 * @return how many places were sealed
	 */
	public long forEach(String lotteryId, long slots, boolean seal, BallotVisitor visitor) {
		long sealed = 0;
		for (long from = 1; from <= slots; from += BATCH) {
			long to = Math.min(slots, from + BATCH - 1);
			List<SlipRepository.RawSlip> found = this.slips.range(lotteryId, from, to);
			int next = 0;
			for (long slip = from; slip <= to; slip++) {
				SlipRepository.RawSlip stored = null;
				if (next < found.size() && found.get(next).slip() == slip) {
					stored = found.get(next++);
				}
				if (stored == null && seal) {
					if (this.slips.seal(lotteryId, slip)) {
						sealed++;
						continue;
					}
					// a slip arrived just before the seal: it counts
					stored = this.slips.range(lotteryId, slip, slip).stream().findFirst().orElse(null);
				}
				if (stored == null || stored.tombstone()) {
					continue;
				}
				for (int line = 0; line < stored.lines().length; line++) {
					visitor.visit(stored.id(), slip, line, stored.lines()[line], stored.salts()[line],
							stored.accountId());
				}
			}
		}
		return sealed;
	}

	/** Every participant of a lottery, streamed; close the stream after use. */
	public Stream<String> participants(String lotteryId) {
		return this.slips.streamParticipations(lotteryId).map(Participation::accountId);
	}

	/**
	 * Which of these participants have a ballot in the lottery (one read, by the ids of
	 * their participations).
	 */
	public Set<String> playedAmong(String lotteryId, Collection<String> accountIds) {
		if (accountIds.isEmpty()) {
			return Set.of();
		}
		List<String> ids = accountIds.stream().map((accountId) -> Participation.id(lotteryId, accountId)).toList();
		return this.slips.mongo()
			.find(Query.query(Criteria.where("_id").in(ids).and("ballots").gt(0)), Participation.class)
			.stream()
			.map(Participation::accountId)
			.collect(Collectors.toSet());
	}

	/** One participant's slips in a lottery, in slip order. */
	public List<BallotSlip> slipsOf(String lotteryId, String accountId) {
		return this.slips.findByAccountInLottery(accountId, lotteryId)
			.stream()
			.sorted(Comparator.comparingLong(BallotSlip::slip))
			.toList();
	}

	/**
	 * Several participants' slips in a lottery, each's in slip order, read together (the
	 * result emails of a dispatcher's batch): by participant, an empty list for one
	 * without a slip.
	 */
	public Map<String, List<BallotSlip>> slipsOf(String lotteryId, Collection<String> accountIds) {
		Map<String, List<BallotSlip>> slips = new HashMap<>();
		accountIds.forEach((accountId) -> slips.put(accountId, new ArrayList<>()));
		if (accountIds.isEmpty()) {
			return slips;
		}
		this.slips.findByAccountsInLottery(accountIds, lotteryId)
			.stream()
			.sorted(Comparator.comparingLong(BallotSlip::slip))
			.forEach((slip) -> slips.get(slip.accountId()).add(slip));
		return slips;
	}

	/** A ballot the draw visits. */
	@FunctionalInterface
	public interface BallotVisitor {

		void visit(String slipId, long slip, int line, int[] numbers, byte[] salt, String accountId);

	}

}
