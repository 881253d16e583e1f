package com.novanta.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.novanta.ballot.BallotLedger;
import com.novanta.ballot.BallotSlip;
import com.novanta.game.NumberSet;

/**
 * The ballots of one lottery as the digest pass read them, about 30 bytes each (a million
 * ballots in some 30 MB), so that settlement in the same run need not read them again.
 * After a restart there is none, and settlement reads the ledger instead.
 */
final class CompactBallots implements BallotLedger.BallotVisitor {

	private final String lotteryId;

	private long[] slips = new long[1024];

	private byte[] lines = new byte[1024];

	private long[] low = new long[1024];

	private long[] high = new long[1024];

	private int[] accounts = new int[1024];

	private final Map<String, Integer> accountIndex = new HashMap<>();

	private final List<String> accountIds = new ArrayList<>();

	private int size;

	CompactBallots(String lotteryId) {
		this.lotteryId = lotteryId;
	}

	@Override
	public void visit(String slipId, long slip, int line, int[] numbers, byte[] salt, String accountId) {
		if (this.size == this.slips.length) {
			int capacity = this.size * 2;
			this.slips = Arrays.copyOf(this.slips, capacity);
			this.lines = Arrays.copyOf(this.lines, capacity);
			this.low = Arrays.copyOf(this.low, capacity);
			this.high = Arrays.copyOf(this.high, capacity);
			this.accounts = Arrays.copyOf(this.accounts, capacity);
		}
		NumberSet set = NumberSet.of(numbers);
		this.slips[this.size] = slip;
		this.lines[this.size] = (byte) line;
		this.low[this.size] = set.low();
		this.high[this.size] = set.high();
		this.accounts[this.size] = this.accountIndex.computeIfAbsent(accountId, (id) -> {
			this.accountIds.add(id);
			return this.accountIds.size() - 1;
		});
		this.size++;
	}

	int size() {
		return this.size;
	}

	long low(int i) {
		return this.low[i];
	}

	long high(int i) {
		return this.high[i];
	}

	long slip(int i) {
		return this.slips[i];
	}

	int line(int i) {
		return this.lines[i];
	}

	String slipId(int i) {
		return BallotSlip.id(this.lotteryId, this.slips[i]);
	}

	String accountId(int i) {
		return this.accountIds.get(this.accounts[i]);
	}

	int[] numbers(int i) {
		return new NumberSet(this.low[i], this.high[i]).toArray();
	}

	/** How many different participants the ballots come from. */
	int participants() {
		return this.accountIds.size();
	}

}
