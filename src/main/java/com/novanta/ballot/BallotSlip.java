package com.novanta.ballot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.novanta.fairness.BallotTree;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One submission of one to ten ballots (lines) for one lottery, with one receipt.
 * Accepted slips are never changed. A slip's id is its lottery and slip number, so that
 * the draw can read a lottery's slips by id, in order.
 *
 * @param id {@code <lottery>:<slip number, 9 digits>}
 * @param lotteryId the lottery
 * @param gameId the lottery's game
 * @param drawDate the lottery's draw date
 * @param slip the slip number within the lottery, from 1
 * @param accountId the participant
 * @param submittedAt when it was accepted
 * @param lines the ballots: numbers ascending
 * @param quickPicks which lines the system picked
 * @param receipt the receipt number shown to the participant
 * @param submissionKey the participant and the form's idempotency key (unique)
 * @param tombstone {@code true} for a place the draw sealed because no slip filled it in
 * time
 * @param stake what the participant paid for the slip, in cents, at the price of the day
 * it was accepted ({@code null} on slips accepted before it was kept)
 * @param salts each line's random salt, hex, drawn when the slip was accepted, which its
 * leaf in the lottery's ballot tree hashes with it ({@code null} on slips accepted before
 * salts were kept: their salt is zeros)
 * @param signature the operator's Ed25519 signature of the receipt
 * ({@link ReceiptSigner#statement}), base64 ({@code null} on slips accepted before
 * receipts were signed)
 */
@Document("ballots")
public record BallotSlip(@Id String id, String lotteryId, String gameId, LocalDate drawDate, long slip,
		String accountId, Instant submittedAt, List<List<Integer>> lines, List<Boolean> quickPicks, String receipt,
		String submissionKey, Boolean tombstone, Long stake, List<String> salts, String signature) {

	/**
	 * The slip number is zero-padded, so that ids sort in slip order and a lottery's
	 * slips lie together.
	 */
	public static String id(String lotteryId, long slip) {
		return lotteryId + ":" + String.format("%09d", slip);
	}

	/** This slip with the receipt's signature. */
	BallotSlip signed(String signature) {
		return new BallotSlip(this.id, this.lotteryId, this.gameId, this.drawDate, this.slip, this.accountId,
				this.submittedAt, this.lines, this.quickPicks, this.receipt, this.submissionKey, this.tombstone,
				this.stake, this.salts, signature);
	}

	public boolean isTombstone() {
		return Boolean.TRUE.equals(this.tombstone);
	}

	public int[] numbers(int line) {
		return this.lines.get(line).stream().mapToInt(Integer::intValue).toArray();
	}

	/** The line's salt (zeros on a slip accepted before salts were kept). */
	public byte[] salt(int line) {
		return salt(this.salts, line);
	}

	static byte[] salt(List<String> salts, int line) {
		return (salts != null && line < salts.size()) ? HexFormat.of().parseHex(salts.get(line))
				: new byte[BallotTree.SALT_BYTES];
	}

	/**
	 * The line's leaf hash in the lottery's ballot tree, hex: what the receipt shows, and
	 * what the line's inclusion proof starts from.
	 */
	public String leafHash(int line) {
		return HexFormat.of()
			.formatHex(BallotTree.ballotLeaf(this.lotteryId, this.slip, line, numbers(line), salt(line)));
	}

	public boolean isQuickPick(int line) {
		return this.quickPicks != null && line < this.quickPicks.size()
				&& Boolean.TRUE.equals(this.quickPicks.get(line));
	}

	/**
	 * The receipt number: game code, draw date and slip number, e.g.
	 * {@code D-20261125-000042}.
	 */
	static String receipt(String gameCode, LocalDate drawDate, long slip) {
		return gameCode + "-" + drawDate.toString().replace("-", "") + "-" + String.format("%06d", slip);
	}

}
