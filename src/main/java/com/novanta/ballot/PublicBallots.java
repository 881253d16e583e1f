package com.novanta.ballot;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import com.novanta.fairness.BallotTree;
import com.novanta.lottery.Lottery;

import org.springframework.stereotype.Service;

/**
 * What anyone may know of a lottery's ballots, so that nobody has to trust the operator's
 * digest or winners: once the digest is published, every leaf hash of its tree (recipe
 * 2); once the numbers are drawn, every ballot with its slip number, line, numbers and
 * salt. Never an account: a ballot's participant is not written anywhere here. Written as
 * it is read, a batch of slips at a time ({@link BallotLedger}), so that a lottery of a
 * million ballots is never in memory.
 */
@Service
class PublicBallots {

	private final BallotLedger ledger;

	private final SlipRepository slips;

	PublicBallots(BallotLedger ledger, SlipRepository slips) {
		this.ledger = ledger;
		this.slips = slips;
	}

	/**
	 * Whether the leaves are public: the lottery's tree is sealed and its root published
	 * (a recipe 1 lottery has no tree).
	 */
	static boolean leavesArePublic(Lottery lottery) {
		return lottery.recipe() >= 2 && lottery.ballotDigest() != null && lottery.ballotCount() != null;
	}

	/** Whether the ballots are public: the numbers are drawn. */
	static boolean ballotsArePublic(Lottery lottery) {
		return lottery.isDrawn() && lottery.ballotDigest() != null;
	}

	/**
	 * Writes the leaf hashes of a sealed lottery's tree, in slip and line order, one
	 * lower-case hex per line.
	 */
	void writeLeaves(Lottery lottery, Writer out) {
		HexFormat hex = HexFormat.of();
		this.ledger.forEach(lottery.id(), lottery.slots(), false,
				(slipId, slip, line, numbers, salt, accountId) -> write(out,
						hex.formatHex(BallotTree.ballotLeaf(lottery.id(), slip, line, numbers, salt)) + "\n"));
	}

	/**
	 * Writes every ballot of a drawn lottery as JSON lines, in slip and line order:
	 * {@code {"slip":12,"line":0,"numbers":[3,17,25,40,61,88],"salt":"…"}} (no salt for a
	 * recipe 1 lottery, whose digest does not use one).
	 */
	void writeBallots(Lottery lottery, Writer out) {
		boolean salted = lottery.recipe() >= 2;
		this.ledger.forEach(lottery.id(), lottery.slots(), false, (slipId, slip, line, numbers, salt,
				accountId) -> write(out, json(slip, line, numbers, salted ? salt : null)));
	}

	/**
	 * The ballots of the slips numbered {@code from} to {@code to}, in slip and line
	 * order: a page of the public table.
	 */
	List<Row> rows(Lottery lottery, long from, long to) {
		boolean salted = lottery.recipe() >= 2;
		List<Row> rows = new ArrayList<>();
		for (SlipRepository.RawSlip slip : this.slips.range(lottery.id(), from, Math.min(to, lottery.slots()))) {
			if (slip.tombstone()) {
				continue;
			}
			for (int line = 0; line < slip.lines().length; line++) {
				rows.add(new Row(slip.slip(), line, List.of(box(slip.lines()[line])),
						salted ? HexFormat.of().formatHex(slip.salts()[line]) : null));
			}
		}
		return rows;
	}

	private static String json(long slip, int line, int[] numbers, byte[] salt) {
		StringBuilder json = new StringBuilder(96).append("{\"slip\":")
			.append(slip)
			.append(",\"line\":")
			.append(line)
			.append(",\"numbers\":[");
		for (int i = 0; i < numbers.length; i++) {
			json.append((i > 0) ? "," : "").append(numbers[i]);
		}
		json.append(']');
		if (salt != null) {
			json.append(",\"salt\":\"").append(HexFormat.of().formatHex(salt)).append('"');
		}
		return json.append("}\n").toString();
	}

	private static void write(Writer out, String text) {
		try {
			out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Integer[] box(int[] numbers) {
		Integer[] boxed = new Integer[numbers.length];
		for (int i = 0; i < numbers.length; i++) {
			boxed[i] = numbers[i];
		}
		return boxed;
	}

	/**
	 * One public ballot.
	 *
	 * @param slip its slip number
	 * @param line its line in the slip, from 0
	 * @param numbers its numbers, ascending
	 * @param salt its salt, hex ({@code null} for a recipe 1 lottery)
	 */
	record Row(long slip, int line, List<Integer> numbers, String salt) {

	}

}
