package com.novanta.lottery;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import com.novanta.lottery.SeedCipher.UnreadableSeedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A sealed seed opens with its key and its lottery id, and with nothing else: another
 * key, another lottery, or one changed bit anywhere fails.
 */
class SeedCipherTests {

	private static final String SEED = "8f2d4c1be0a3975566f1e2d3c4b5a69788796a5b4c3d2e1f00112233445566aa";

	private static final byte[] KEY = HexFormat.of()
		.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

	private final SeedCipher cipher = new SeedCipher(KEY, new SecureRandom());

	@Test
	void aSealedSeedOpensWithItsKeyAndLotteryToTheSameSeed() {
		String sealed = this.cipher.seal("daily-2026-12-01", SEED);

		assertThat(this.cipher.open("daily-2026-12-01", sealed)).isEqualTo(SEED);
		// by another instance given the same key
		assertThat(new SeedCipher(KEY.clone(), new SecureRandom()).open("daily-2026-12-01", sealed)).isEqualTo(SEED);
	}

	@Test
	void theSealedSeedShowsNothingOfTheSeed() {
		String sealed = this.cipher.seal("daily-2026-12-01", SEED);
		byte[] raw = Base64.getDecoder().decode(sealed);

		assertThat(sealed).doesNotContainIgnoringCase(SEED).doesNotContain(base64(SEED));
		assertThat(HexFormat.of().formatHex(raw)).doesNotContain(SEED);
		// nonce, 32 bytes of seed, tag
		assertThat(raw).hasSize(12 + 32 + 16);
		// a fresh nonce each time: sealing twice gives two different texts
		assertThat(this.cipher.seal("daily-2026-12-01", SEED)).isNotEqualTo(sealed);
	}

	@Test
	void anotherKeyDoesNotOpenIt() {
		String sealed = this.cipher.seal("daily-2026-12-01", SEED);
		byte[] other = KEY.clone();
		other[31] ^= 1;
		SeedCipher otherCipher = new SeedCipher(other, new SecureRandom());

		assertThatThrownBy(() -> otherCipher.open("daily-2026-12-01", sealed))
			.isInstanceOf(UnreadableSeedException.class)
			.hasMessageContaining("does not open with the seed key");
		assertThat(otherCipher.keyId()).isNotEqualTo(this.cipher.keyId()).hasSize(16);
	}

	@Test
	void aSealedSeedCopiedOntoAnotherLotteryDoesNotOpen() {
		String sealed = this.cipher.seal("daily-2026-12-01", SEED);

		assertThatThrownBy(() -> this.cipher.open("daily-2026-12-02", sealed))
			.isInstanceOf(UnreadableSeedException.class);
		assertThatThrownBy(() -> this.cipher.open("saturday-2026-12-05", sealed))
			.isInstanceOf(UnreadableSeedException.class);
	}

	@Test
	void aChangeOfAnyBitAnywhereIsFound() {
		byte[] sealed = Base64.getDecoder().decode(this.cipher.seal("daily-2026-12-01", SEED));
		for (int i = 0; i < sealed.length; i++) {
			for (int bit = 0; bit < 8; bit++) {
				byte[] tampered = sealed.clone();
				tampered[i] ^= (byte) (1 << bit);
				String text = Base64.getEncoder().encodeToString(tampered);
				assertThatThrownBy(() -> this.cipher.open("daily-2026-12-01", text)).as("byte %d bit %d", i, bit)
					.isInstanceOf(UnreadableSeedException.class);
			}
		}
	}

	@Test
	void aCutOrGarbledSealedSeedIsUnreadableNotACrash() {
		String sealed = this.cipher.seal("daily-2026-12-01", SEED);

		assertThatThrownBy(() -> this.cipher.open("daily-2026-12-01", sealed.substring(0, 20)))
			.isInstanceOf(UnreadableSeedException.class);
		assertThatThrownBy(() -> this.cipher.open("daily-2026-12-01", "not base64 at all!"))
			.isInstanceOf(UnreadableSeedException.class);
		assertThatThrownBy(() -> this.cipher.open("daily-2026-12-01", "")).isInstanceOf(UnreadableSeedException.class);
	}

	@Test
	void aKeyIsBase64Of32Bytes() {
		assertThat(SeedCipher.decodeKey(" AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n")).isEqualTo(KEY);
		assertThatIllegalArgumentException().isThrownBy(() -> SeedCipher.decodeKey("not base64!"))
			.withMessageContaining("not base64");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SeedCipher.decodeKey(Base64.getEncoder().encodeToString(new byte[16])))
			.withMessageContaining("16 bytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new SeedCipher(new byte[31], new SecureRandom()));
	}

	private static String base64(String hex) {
		return Base64.getEncoder().encodeToString(HexFormat.of().parseHex(hex));
	}

}
