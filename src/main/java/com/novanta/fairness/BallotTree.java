package com.novanta.fairness;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The Merkle tree over a lottery's ballots, hashed as RFC 6962 (Certificate Transparency)
 * does, so that any of its implementations can check it: a leaf is SHA-256(0x00 ‖ data),
 * a node SHA-256(0x01 ‖ left ‖ right), a tree of n leaves splits at the largest power of
 * two below n, and the root of no leaves is SHA-256 of nothing. Its root is the ballot
 * digest of a lottery drawn with recipe 2: one ballot's inclusion is proved by a path of
 * at most 40 hashes, without anyone seeing the other ballots.
 * <p>
 * A ballot's leaf data is the lottery id, the slip number, the line, the numbers and a
 * random salt drawn when the ballot was accepted ({@link #ballotData}): the salt makes a
 * published leaf hash say nothing of the numbers until the ballots themselves are
 * published after the draw.
 */
public final class BallotTree {

	/** The bytes of a ballot's salt. */
	public static final int SALT_BYTES = 16;

	private BallotTree() {
	}

	/**
	 * The data of one ballot's leaf: the lottery id in UTF-8, a zero byte, the slip
	 * number (8 bytes, big-endian), the line (1 byte, from 0), the count of numbers (1
	 * byte), each number (1 byte), the salt (16 bytes).
	 */
	public static byte[] ballotData(String lotteryId, long slip, int line, int[] numbers, byte[] salt) {
		if (salt.length != SALT_BYTES) {
			throw new IllegalArgumentException("A salt is " + SALT_BYTES + " bytes, not " + salt.length);
		}
		byte[] id = lotteryId.getBytes(StandardCharsets.UTF_8);
		ByteBuffer data = ByteBuffer.allocate(id.length + 1 + 8 + 1 + 1 + numbers.length + SALT_BYTES);
		data.put(id).put((byte) 0).putLong(slip).put((byte) line).put((byte) numbers.length);
		for (int number : numbers) {
			data.put((byte) number);
		}
		return data.put(salt).array();
	}

	/** One ballot's leaf hash. */
	public static byte[] ballotLeaf(String lotteryId, long slip, int line, int[] numbers, byte[] salt) {
		return leafHash(ballotData(lotteryId, slip, line, numbers, salt));
	}

	/** SHA-256(0x00 ‖ data). */
	public static byte[] leafHash(byte[] data) {
		MessageDigest sha = Fairness.sha256();
		sha.update((byte) 0);
		return sha.digest(data);
	}

	/** SHA-256(0x01 ‖ left ‖ right). */
	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha = Fairness.sha256();
		sha.update((byte) 1);
		sha.update(left);
		return sha.digest(right);
	}

	/** The root of a list of leaf hashes. */
	public static byte[] root(List<byte[]> leaves) {
		Root root = new Root();
		leaves.forEach(root::add);
		return root.finish();
	}

	/**
	 * The inclusion proof of the leaf at {@code index} (RFC 6962, section 2.1.1): the
	 * hashes of the sibling subtrees from the leaf up to the root.
	 */
	public static List<byte[]> proof(List<byte[]> leaves, int index) {
		if (index < 0 || index >= leaves.size()) {
			throw new IllegalArgumentException("No leaf " + index + " in a tree of " + leaves.size());
		}
		List<byte[]> path = new ArrayList<>();
		path(leaves, 0, leaves.size(), index, path);
		return path;
	}

	private static void path(List<byte[]> leaves, int from, int to, int index, List<byte[]> path) {
		int n = to - from;
		if (n <= 1) {
			return;
		}
		int k = Integer.highestOneBit(n - 1);
		if (index < from + k) {
			path(leaves, from, from + k, index, path);
			path.add(subtree(leaves, from + k, to));
		}
		else {
			path(leaves, from + k, to, index, path);
			path.add(subtree(leaves, from, from + k));
		}
	}

	private static byte[] subtree(List<byte[]> leaves, int from, int to) {
		return root(leaves.subList(from, to));
	}

	/**
	 * Whether a proof shows the leaf at {@code index} in a tree of {@code size} leaves
	 * with this root (RFC 9162, section 2.1.3.2).
	 */
	public static boolean verify(byte[] leaf, long index, long size, List<byte[]> proof, byte[] root) {
		if (index < 0 || index >= size) {
			return false;
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leaf;
		for (byte[] p : proof) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && Arrays.equals(r, root);
	}

	/**
	 * Recipe 2's digest of a lottery's ballots: the root of their tree, fed in canonical
	 * order.
	 */
	static final class Digester implements Fairness.Digester {

		private final String lotteryId;

		private final Root root = new Root();

		private long lastSlip = -1;

		private int lastLine = -1;

		Digester(String lotteryId) {
			this.lotteryId = lotteryId;
		}

		@Override
		public void add(long slip, int line, int[] numbers, byte[] salt) {
			if (slip < this.lastSlip || (slip == this.lastSlip && line <= this.lastLine)) {
				throw new IllegalArgumentException("Ballots out of order at slip " + slip + " line " + line);
			}
			this.lastSlip = slip;
			this.lastLine = line;
			this.root.add(ballotLeaf(this.lotteryId, slip, line, numbers, salt));
		}

		@Override
		public long count() {
			return this.root.count();
		}

		@Override
		public String finish() {
			return HexFormat.of().formatHex(this.root.finish());
		}

	}

	/**
	 * The root of leaves added one at a time, in order, in memory that grows with the
	 * logarithm of their count: a stack of the roots of full subtrees, merged when two
	 * have the same size, and folded from the right at the end, which gives RFC 6962's
	 * shape for any count.
	 */
	public static final class Root {

		private final List<byte[]> stack = new ArrayList<>();

		private final List<Long> sizes = new ArrayList<>();

		private long count;

		public void add(byte[] leaf) {
			byte[] hash = leaf;
			long size = 1;
			while (!this.sizes.isEmpty() && this.sizes.get(this.sizes.size() - 1) == size) {
				hash = nodeHash(this.stack.remove(this.stack.size() - 1), hash);
				size += this.sizes.remove(this.sizes.size() - 1);
			}
			this.stack.add(hash);
			this.sizes.add(size);
			this.count++;
		}

		public long count() {
			return this.count;
		}

		/** The root of the leaves added so far. */
		public byte[] finish() {
			if (this.stack.isEmpty()) {
				return Fairness.sha256().digest();
			}
			byte[] root = this.stack.get(this.stack.size() - 1);
			for (int i = this.stack.size() - 2; i >= 0; i--) {
				root = nodeHash(this.stack.get(i), root);
			}
			return root;
		}

	}

}
