package com.novanta.lottery;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a lottery's seed with AES-256-GCM under the seed key from configuration, with the
 * lottery id as associated data: a sealed seed copied onto another lottery, sealed under
 * another key, or changed by one bit does not open. A sealed seed is a fresh random
 * 96-bit nonce, then the ciphertext and its 128-bit tag, in base64.
 */
final class SeedCipher {

	/** Bytes of an AES-256 key. */
	static final int KEY_BYTES = 32;

	private static final int NONCE_BYTES = 12;

	private static final int TAG_BITS = 128;

	private final SecretKey key;

	private final String keyId;

	private final SecureRandom random;

	SeedCipher(byte[] key, SecureRandom random) {
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("A seed key is " + KEY_BYTES + " bytes, not " + key.length);
		}
		this.key = new SecretKeySpec(key, "AES");
		this.keyId = keyId(key);
		this.random = random;
	}

	/**
	 * The key given in base64, as {@code LOTTERY_SEED_KEY} has it.
	 * @throws IllegalArgumentException if it is not base64 of 32 bytes
	 */
	static byte[] decodeKey(String base64) {
		byte[] key;
		try {
			key = Base64.getDecoder().decode(base64.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("The seed key is not base64", ex);
		}
		if (key.length != KEY_BYTES) {
			throw new IllegalArgumentException("The seed key is " + key.length + " bytes; it must be " + KEY_BYTES
					+ " (base64 of 32 random bytes)");
		}
		return key;
	}

	/**
	 * Names the key without revealing it (the first 8 bytes of SHA-256 over a label and
	 * the key, hex), so that a seed sealed under another key is told apart from a
	 * tampered one.
	 */
	String keyId() {
		return this.keyId;
	}

	/** The seed (hex) sealed for that lottery. */
	String seal(String lotteryId, String seedHex) {
		byte[] nonce = new byte[NONCE_BYTES];
		this.random.nextBytes(nonce);
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
			cipher.updateAAD(lotteryId.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(HexFormat.of().parseHex(seedHex));
			byte[] out = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
			System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
			return Base64.getEncoder().encodeToString(out);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	/**
	 * The seed (hex) sealed for that lottery.
	 * @throws UnreadableSeedException if it does not open: another key, another lottery,
	 * or changed
	 */
	String open(String lotteryId, String sealed) {
		byte[] in;
		try {
			in = Base64.getDecoder().decode(sealed);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableSeedException("the sealed seed of " + lotteryId + " is not base64");
		}
		if (in.length <= NONCE_BYTES + TAG_BITS / 8) {
			throw new UnreadableSeedException("the sealed seed of " + lotteryId + " is too short");
		}
		try {
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
			cipher.updateAAD(lotteryId.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES));
		}
		catch (AEADBadTagException ex) {
			throw new UnreadableSeedException("the sealed seed of " + lotteryId
					+ " does not open with the seed key: sealed under another key, for another lottery, or changed");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES-GCM is not available", ex);
		}
	}

	private static String keyId(byte[] key) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update("novanta seed key id\0".getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(sha256.digest(key), 0, 8);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A sealed seed that does not open. */
	static final class UnreadableSeedException extends RuntimeException {

		UnreadableSeedException(String message) {
			super(message);
		}

	}

}
