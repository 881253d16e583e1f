package com.novanta.ballot;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.novanta.fairness.BallotTree;
import com.novanta.lottery.Lottery;

import org.springframework.stereotype.Service;

/**
 * The proof that a ballot is in its lottery's draw: once the lottery's ballot set is
 * sealed and its digest published, the path of sibling hashes from the ballot's leaf to
 * the root that is the digest (recipe 2). The leaves of a sealed lottery never change, so
 * those of the last lotteries asked about are kept in memory (32 bytes a ballot).
 */
@Service
public class BallotProofs {

	/** Lotteries whose leaves are kept: the last draws' owners check their ballots. */
	private static final int KEPT = 3;

	private final BallotLedger ledger;

	private final Map<String, Leaves> kept = new LinkedHashMap<>(KEPT + 1, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Leaves> eldest) {
			return size() > KEPT;
		}

	};

	BallotProofs(BallotLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * The inclusion proof of one line of a slip, or empty before the lottery's digest is
	 * published, for a lottery drawn with recipe 1 (which has no tree), or a line that is
	 * not among the lottery's ballots.
	 */
	public Optional<Proof> proof(Lottery lottery, BallotSlip slip, int line) {
		if (lottery.recipe() < 2 || lottery.ballotDigest() == null || lottery.ballotCount() == null) {
			return Optional.empty();
		}
		Leaves leaves = leaves(lottery);
		byte[] leaf = BallotTree.ballotLeaf(slip.lotteryId(), slip.slip(), line, slip.numbers(line), slip.salt(line));
		int index = leaves.indexOf(slip.slip(), line);
		if (index < 0 || !HexFormat.of().formatHex(leaf).equals(HexFormat.of().formatHex(leaves.get(index)))) {
			return Optional.empty();
		}
		List<String> path = BallotTree.proof(leaves.asList(), index).stream().map(HexFormat.of()::formatHex).toList();
		return Optional
			.of(new Proof(HexFormat.of().formatHex(leaf), index, leaves.size(), path, lottery.ballotDigest()));
	}

	/** Forgets the leaves kept of a lottery, so that they are read again. */
	void forget(String lotteryId) {
		synchronized (this.kept) {
			this.kept.remove(lotteryId);
		}
	}

	private Leaves leaves(Lottery lottery) {
		synchronized (this.kept) {
			Leaves leaves = this.kept.get(lottery.id());
			if (leaves != null) {
				return leaves;
			}
		}
		Leaves read = new Leaves(Math.toIntExact(lottery.ballotCount()));
		this.ledger.forEach(lottery.id(), lottery.slots(), false, (slipId, slip, line, numbers, salt, accountId) -> read
			.add(slip, line, BallotTree.ballotLeaf(lottery.id(), slip, line, numbers, salt)));
		synchronized (this.kept) {
			this.kept.put(lottery.id(), read);
		}
		return read;
	}

	/**
	 * One ballot's inclusion proof, all hex: what a participant, or anyone they give it
	 * to, checks against the published digest.
	 *
	 * @param leaf the ballot's leaf hash
	 * @param index its place among the lottery's ballots, from 0, in slip and line order
	 * @param size how many ballots the lottery has
	 * @param path the sibling hashes from the leaf up
	 * @param root the root: the lottery's published ballot digest
	 */
	public record Proof(String leaf, int index, int size, List<String> path, String root) {

		/** Whether the proof holds: the path leads from the leaf to the root. */
		public boolean holds() {
			return BallotTree.verify(HexFormat.of().parseHex(this.leaf), this.index, this.size,
					this.path.stream().map(HexFormat.of()::parseHex).toList(), HexFormat.of().parseHex(this.root));
		}

	}

	/** A sealed lottery's leaf hashes, in one array, with the place of each slip. */
	private static final class Leaves {

		private final byte[] hashes;

		private final long[] slips;

		private final int[] lines;

		private int size;

		Leaves(int capacity) {
			this.hashes = new byte[capacity * 32];
			this.slips = new long[capacity];
			this.lines = new int[capacity];
		}

		void add(long slip, int line, byte[] leaf) {
			if (this.size == this.slips.length) {
				throw new IllegalStateException("More ballots than the lottery's published count");
			}
			System.arraycopy(leaf, 0, this.hashes, this.size * 32, 32);
			this.slips[this.size] = slip;
			this.lines[this.size] = line;
			this.size++;
		}

		int size() {
			return this.size;
		}

		byte[] get(int index) {
			byte[] leaf = new byte[32];
			System.arraycopy(this.hashes, index * 32, leaf, 0, 32);
			return leaf;
		}

		/** The place of a ballot, by binary search on slip and line; -1 if none. */
		int indexOf(long slip, int line) {
			int low = 0;
			int high = this.size - 1;
			while (low <= high) {
				int mid = (low + high) >>> 1;
				int order = (this.slips[mid] != slip) ? Long.compare(this.slips[mid], slip)
						: Integer.compare(this.lines[mid], line);
				if (order == 0) {
					return mid;
				}
				if (order < 0) {
					low = mid + 1;
				}
				else {
					high = mid - 1;
				}
			}
			return -1;
		}

		List<byte[]> asList() {
			List<byte[]> list = new ArrayList<>(this.size);
			for (int i = 0; i < this.size; i++) {
				list.add(get(i));
			}
			return list;
		}

	}

}
