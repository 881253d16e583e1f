package com.novanta.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.EdECPoint;
import java.security.spec.EdECPublicKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks an Ed25519 signature with nothing but a published public key (RFC 8032's 32
 * bytes), as anyone holding a receipt would: the tests' own check, independent of the
 * application's signer.
 */
public final class Ed25519 {

	private Ed25519() {
	}

	public static boolean verify(String publicKeyHex, String message, String signatureBase64) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(publicKey(HexFormat.of().parseHex(publicKeyHex)));
			signature.update(message.getBytes(StandardCharsets.UTF_8));
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}

	/**
	 * RFC 8032's encoding: y little-endian, the top bit of the last byte is x's parity.
	 */
	private static PublicKey publicKey(byte[] encoded) throws GeneralSecurityException {
		byte[] littleEndian = encoded.clone();
		boolean xOdd = (littleEndian[31] & 0x80) != 0;
		littleEndian[31] &= 0x7f;
		byte[] bigEndian = new byte[32];
		for (int i = 0; i < 32; i++) {
			bigEndian[i] = littleEndian[31 - i];
		}
		EdECPoint point = new EdECPoint(xOdd, new BigInteger(1, bigEndian));
		return KeyFactory.getInstance("Ed25519")
			.generatePublic(new EdECPublicKeySpec(NamedParameterSpec.ED25519, point));
	}

}
