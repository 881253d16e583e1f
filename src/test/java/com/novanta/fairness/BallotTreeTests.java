package com.novanta.fairness;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The ballot tree against RFC 6962's published test vectors (the Certificate Transparency
 * reference tree of eight leaves) and vectors computed independently with Python's
 * hashlib; every proof of trees of every size up to 40 verifies, and any change to the
 * leaf, the proof, the root, the index or the size fails.
 */
class BallotTreeTests {

	private static final HexFormat HEX = HexFormat.of();

	/** The reference leaves' data. */
	private static final List<String> DATA = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
			"606162636465666768696a6b6c6d6e6f");

	/** The reference roots of the first 0 to 8 leaves. */
	private static final List<String> ROOTS = List.of(
			"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
			"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
			"aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
			"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
			"4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
			"76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
			"ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
			"5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");

	private static List<byte[]> referenceLeaves(int count) {
		return DATA.subList(0, count).stream().map(HEX::parseHex).map(BallotTree::leafHash).toList();
	}

	@Test
	void rootsAreTheReferenceRootsForEverySizeUpToEight() {
		for (int size = 0; size <= 8; size++) {
			List<byte[]> leaves = referenceLeaves(size);
			assertThat(HEX.formatHex(BallotTree.root(leaves))).as("size %d", size).isEqualTo(ROOTS.get(size));
			BallotTree.Root streamed = new BallotTree.Root();
			leaves.forEach(streamed::add);
			assertThat(HEX.formatHex(streamed.finish())).as("streamed, size %d", size).isEqualTo(ROOTS.get(size));
			assertThat(streamed.count()).isEqualTo(size);
		}
	}

	@Test
	void proofsAreTheReferenceProofs() {
		assertProof(0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4");
		assertProof(5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
				"ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
				"d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7");
		assertProof(2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125");
		assertProof(1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
				"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
				"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b");
	}

	private static void assertProof(int index, int size, String... expected) {
		List<byte[]> leaves = referenceLeaves(size);
		List<byte[]> proof = BallotTree.proof(leaves, index);
		assertThat(proof.stream().map(HEX::formatHex).toList()).containsExactly(expected);
		assertThat(BallotTree.verify(leaves.get(index), index, size, proof, HEX.parseHex(ROOTS.get(size)))).isTrue();
	}

	@Test
	void aSingleBallotIsItsOwnRootWithAnEmptyProof() {
		byte[] leaf = BallotTree.leafHash(new byte[] { 7 });
		assertThat(BallotTree.root(List.of(leaf))).isEqualTo(leaf);
		assertThat(BallotTree.proof(List.of(leaf), 0)).isEmpty();
		assertThat(BallotTree.verify(leaf, 0, 1, List.of(), leaf)).isTrue();
		assertThat(BallotTree.verify(leaf, 0, 2, List.of(), leaf)).as("a tree of two has a proof").isFalse();
	}

	@Test
	void everyLeafOfEveryTreeUpToFortyLeavesIsProvedAndNothingElseIs() {
		for (int size = 1; size <= 40; size++) {
			List<byte[]> leaves = IntStream.range(0, size)
				.mapToObj((i) -> BallotTree.leafHash(new byte[] { (byte) i, (byte) (i * 7) }))
				.toList();
			byte[] root = BallotTree.root(leaves);
			for (int i = 0; i < size; i++) {
				List<byte[]> proof = BallotTree.proof(leaves, i);
				byte[] leaf = leaves.get(i);
				assertThat(BallotTree.verify(leaf, i, size, proof, root)).as("leaf %d of %d", i, size).isTrue();
				assertThat(BallotTree.verify(flipped(leaf), i, size, proof, root)).as("tampered leaf").isFalse();
				assertThat(BallotTree.verify(leaf, i, size, proof, flipped(root))).as("tampered root").isFalse();
				if (size > 1) {
					assertThat(BallotTree.verify(leaf, (i + 1) % size, size, proof, root)).as("another index")
						.isFalse();
					List<byte[]> tampered = new ArrayList<>(proof);
					tampered.set(0, flipped(tampered.get(0)));
					assertThat(BallotTree.verify(leaf, i, size, tampered, root)).as("tampered proof").isFalse();
					assertThat(BallotTree.verify(leaf, i, size, proof.subList(0, proof.size() - 1), root))
						.as("a short proof")
						.isFalse();
				}
			}
		}
	}

	@Test
	void aBallotsLeafIsTheVectorComputedWithPython() {
		byte[] salt = new byte[16];
		for (int i = 0; i < salt.length; i++) {
			salt[i] = (byte) i;
		}
		int[] numbers = { 3, 17, 25, 44, 61, 88 };
		assertThat(HEX.formatHex(BallotTree.ballotData("daily-2026-12-01", 7, 2, numbers, salt))).isEqualTo(
				"6461696c792d323032362d31322d303100000000000000000702060311192c3d58000102030405060708090a0b0c0d0e0f");
		assertThat(HEX.formatHex(BallotTree.ballotLeaf("daily-2026-12-01", 7, 2, numbers, salt)))
			.isEqualTo("9c386a9d19d5d6ffa4de8a6b061d7c56156ffb45f04bfa2b4cd0f7ac9f00912f");
	}

	@Test
	void theRootOfSixBallotsIsTheVectorComputedWithPython() {
		List<byte[]> leaves = new ArrayList<>();
		for (int slip = 1; slip <= 3; slip++) {
			for (int line = 0; line < 2; line++) {
				byte[] salt = new byte[16];
				for (int i = 0; i < salt.length; i += 2) {
					salt[i] = (byte) slip;
					salt[i + 1] = (byte) line;
				}
				leaves.add(BallotTree.ballotLeaf("daily-2026-12-01", slip, line,
						new int[] { 1 + slip, 2 + line, 30, 40, 50, 60 + slip }, salt));
			}
		}
		assertThat(HEX.formatHex(BallotTree.root(leaves)))
			.isEqualTo("426e3f41361a89561a0724fd1d72c2476d25644ccaf046cb7fe234f7f56d61b8");
	}

	@Test
	void aSaltIsSixteenBytes() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> BallotTree.ballotData("daily-2026-12-01", 1, 0, new int[] { 1 }, new byte[8]));
	}

	private static byte[] flipped(byte[] hash) {
		byte[] copy = hash.clone();
		copy[0] ^= 1;
		return copy;
	}

}
