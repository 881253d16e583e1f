package com.novanta.fairness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The draw recipe that makes every draw checkable by anyone: a seed committed to when the
 * lottery is created, a digest of the accepted ballots fixed when it closes, and the
 * winning numbers derived from both by HMAC-SHA-256 words and a partial Fisher–Yates
 * shuffle with rejection sampling. The recipe as published is worded once, in the
 * messages {@code verify.step1} to {@code verify.step4} (shown on every lottery page, and
 * copied in the README, where a test keeps it equal); this class is its implementation,
 * checked against vectors computed independently (FairnessTests).
 */
public final class Fairness {

	/**
	 * The recipe new lotteries are drawn with. 1: the ballot digest is SHA-256 over the
	 * ballots in order ({@link BallotDigest}); 2: it is the root of the Merkle tree of
	 * the salted ballots ({@link BallotTree}), so that each participant can be shown
	 * their ballot is in it. The draw from the seed and the digest is the same in both. A
	 * lottery keeps the recipe it was created with. 3: the ballots as in 2, and the
	 * numbers drawn from the seed, the root and the value of a public beacon round fixed
	 * when the lottery was created and published after its close
	 * ({@link #draw(String, String, String, int, int)}), so that nobody, the operator
	 * included, knows them before that round is published.
	 */
	public static final int RECIPE = 3;

	/** The first recipe whose numbers depend on a public beacon round. */
	public static final int BEACON_RECIPE = 3;

	private Fairness() {
	}

	/** {@code SHA-256(seed)}, hex, for a seed given in hex. */
	public static String commitment(String seedHex) {
		return HexFormat.of().formatHex(sha256().digest(HexFormat.of().parseHex(seedHex)));
	}

	/**
	 * The ballot digest of a lottery drawn with a recipe, fed one ballot at a time in
	 * canonical order (ascending slip number and line).
	 */
	public static Digester digester(int recipe, String lotteryId) {
		return switch (recipe) {
			case 1 -> new BallotDigest(lotteryId);
			case 2, 3 -> new BallotTree.Digester(lotteryId);
			default -> throw new IllegalArgumentException("No draw recipe " + recipe);
		};
	}

	/** A lottery's ballot digest, fed one ballot at a time in canonical order. */
	public interface Digester {

		/**
		 * Adds one ballot. Ballots must come in ascending order of slip number and line.
		 * @param slip the slip number
		 * @param line the line within the slip, from 0
		 * @param numbers the numbers, ascending
		 * @param salt the line's salt ({@link BallotTree#SALT_BYTES} bytes; recipe 1 does
		 * not use it)
		 */
		void add(long slip, int line, int[] numbers, byte[] salt);

		/** How many ballots were added. */
		long count();

		/** The digest, hex. */
		String finish();

	}

	/**
	 * Recipe 1's digest of the ballots of one lottery: SHA-256 over them in canonical
	 * order.
	 */
	public static final class BallotDigest implements Digester {

		private final MessageDigest digest = sha256();

		private final ByteBuffer buffer = ByteBuffer.allocate(8 + 1 + 1 + 128);

		private long lastSlip = -1;

		private int lastLine = -1;

		private long count;

		public BallotDigest(String lotteryId) {
			this.digest.update(lotteryId.getBytes(StandardCharsets.UTF_8));
			this.digest.update((byte) 0);
		}

		/**
		 * Adds one ballot. Ballots must come in ascending order of slip number and line.
		 * @param slip the slip number
		 * @param line the line within the slip, from 0
		 * @param numbers the numbers, ascending
		 */
		public void add(long slip, int line, int[] numbers) {
			if (slip < this.lastSlip || (slip == this.lastSlip && line <= this.lastLine)) {
				throw new IllegalArgumentException("Ballots out of order at slip " + slip + " line " + line);
			}
			this.lastSlip = slip;
			this.lastLine = line;
			this.buffer.clear();
			this.buffer.putLong(slip).put((byte) line).put((byte) numbers.length);
			for (int n : numbers) {
				this.buffer.put((byte) n);
			}
			this.digest.update(this.buffer.array(), 0, this.buffer.position());
			this.count++;
		}

		@Override
		public void add(long slip, int line, int[] numbers, byte[] salt) {
			add(slip, line, numbers);
		}

		@Override
		public long count() {
			return this.count;
		}

		@Override
		public String finish() {
			return HexFormat.of().formatHex(this.digest.digest());
		}

	}

	/**
	 * The numbers drawn from a seed and a ballot digest, in draw order.
	 * @param seedHex the revealed seed, hex
	 * @param digestHex the ballot digest, hex
	 * @param picks how many numbers
	 * @param max the largest number
	 * @return the numbers in the order they were drawn
	 */
	public static int[] draw(String seedHex, String digestHex, int picks, int max) {
		return draw(seedHex, digestHex, null, picks, max);
	}

	/**
	 * The numbers drawn from a seed, a ballot digest and a beacon value, in draw order
	 * (recipe 3): HMAC-SHA-256 keyed by the seed over the digest, then the beacon value,
	 * then a 4-byte counter. Without a beacon value (recipes 1 and 2, or a recipe 3
	 * lottery whose operator publicly drew without the beacon) the HMAC is over the
	 * digest and the counter alone.
	 * @param seedHex the revealed seed, hex
	 * @param digestHex the ballot digest, hex
	 * @param beaconHex the beacon round's value (32 bytes), hex, or {@code null}
	 * @param picks how many numbers
	 * @param max the largest number
	 * @return the numbers in the order they were drawn
	 */
	public static int[] draw(String seedHex, String digestHex, String beaconHex, int picks, int max) {
		byte[] message = HexFormat.of().parseHex(digestHex);
		if (beaconHex != null) {
			byte[] beacon = HexFormat.of().parseHex(beaconHex);
			if (beacon.length != 32) {
				throw new IllegalArgumentException("A beacon value is 32 bytes, not " + beacon.length);
			}
			message = ByteBuffer.allocate(message.length + beacon.length).put(message).put(beacon).array();
		}
		WordStream words = new WordStream(HexFormat.of().parseHex(seedHex), message);
		int[] pool = new int[max];
		for (int i = 0; i < max; i++) {
			pool[i] = i + 1;
		}
		for (int k = 0; k < picks; k++) {
			long n = max - k;
			long limit = (1L << 32) - ((1L << 32) % n);
			long w;
			do {
				w = words.next();
			}
			while (w >= limit);
			int j = k + (int) (w % n);
			int swap = pool[k];
			pool[k] = pool[j];
			pool[j] = swap;
		}
		return Arrays.copyOf(pool, picks);
	}

	/** The winning numbers: the draw order, sorted. */
	public static int[] winningNumbers(int[] drawOrder) {
		int[] sorted = drawOrder.clone();
		Arrays.sort(sorted);
		return sorted;
	}

	static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Unsigned 32-bit words from HMAC-SHA-256 in counter mode. */
	private static final class WordStream {

		private final Mac mac;

		private final byte[] digest;

		private int counter;

		private ByteBuffer block = ByteBuffer.allocate(0);

		WordStream(byte[] seed, byte[] digest) {
			try {
				this.mac = Mac.getInstance("HmacSHA256");
				this.mac.init(new SecretKeySpec(seed, "HmacSHA256"));
			}
			catch (NoSuchAlgorithmException | InvalidKeyException ex) {
				throw new IllegalStateException(ex);
			}
			this.digest = digest;
		}

		long next() {
			if (!this.block.hasRemaining()) {
				this.mac.update(this.digest);
				this.mac.update(ByteBuffer.allocate(4).putInt(this.counter++).array());
				this.block = ByteBuffer.wrap(this.mac.doFinal());
			}
			return Integer.toUnsignedLong(this.block.getInt());
		}

	}

}
