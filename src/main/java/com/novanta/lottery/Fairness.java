package com.novanta.lottery;

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
 * The published recipe that makes every draw checkable by anyone (see the README and each
 * lottery's "verify this draw" section).
 * <ol>
 * <li>When a lottery is created, a 32-byte seed is drawn from a CSPRNG and only its
 * <em>commitment</em> {@code SHA-256(seed)} is published.</li>
 * <li>When it closes, the <em>ballot digest</em> is fixed: SHA-256 over the lottery id in
 * UTF-8, a zero byte, then every accepted ballot in ascending order of slip number and
 * line: the slip number as 8 bytes big-endian, the line as 1 byte, the count of numbers
 * as 1 byte, and the numbers ascending, 1 byte each.</li>
 * <li>The winning numbers come from HMAC-SHA-256 in counter mode, keyed with the seed:
 * block {@code i} (from 0) is {@code HMAC(seed, digest || uint32_be(i))}, read as
 * big-endian 32-bit words. For k = 0 .. picks-1, with {@code n = max - k}: take the next
 * word {@code w}, skip it unless {@code w < 2^32 - (2^32 mod n)} (rejection sampling: no
 * modulo bias), then swap positions {@code k} and {@code k + w mod n} of the list
 * {@code 1..max} (a partial Fisher–Yates shuffle). The first {@code picks} positions are
 * the draw order; sorted, they are the winning numbers.</li>
 * <li>After the draw the seed is revealed, so anyone can check the commitment and
 * recompute the numbers.</li>
 * </ol>
 */
public final class Fairness {

	private Fairness() {
	}

	/** {@code SHA-256(seed)}, hex, for a seed given in hex. */
	public static String commitment(String seedHex) {
		return HexFormat.of().formatHex(sha256().digest(HexFormat.of().parseHex(seedHex)));
	}

	/**
	 * A digest of the ballots of one lottery, fed one ballot at a time in canonical
	 * order.
	 */
	public static final class BallotDigest {

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

		public long count() {
			return this.count;
		}

		/** The digest, hex. */
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
		WordStream words = new WordStream(HexFormat.of().parseHex(seedHex), HexFormat.of().parseHex(digestHex));
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
