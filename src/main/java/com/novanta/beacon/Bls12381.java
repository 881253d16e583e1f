package com.novanta.beacon;

import java.math.BigInteger;

import org.apache.milagro.amcl.BLS381.BIG;
import org.apache.milagro.amcl.BLS381.ECP;
import org.apache.milagro.amcl.BLS381.ECP2;
import org.apache.milagro.amcl.BLS381.FP12;
import org.apache.milagro.amcl.BLS381.FP2;
import org.apache.milagro.amcl.BLS381.PAIR;
import org.apache.milagro.amcl.BLS381.ROM;

/**
 * BLS signatures on BLS12-381 with the signature in G1 and the public key in G2 (drand's
 * {@code bls-unchained-g1-rfc9380} scheme), points in the compressed ZCash encoding that
 * drand publishes: verifying, and signing for the dev beacon. Milagro does the pairing;
 * the point encoding and the subgroup checks are done here because Milagro's own byte
 * format is not the one drand uses.
 */
final class Bls12381 {

	static final int SIGNATURE_BYTES = 48;

	static final int PUBLIC_KEY_BYTES = 96;

	/** The order r of G1, G2 and GT. */
	static final BigInteger ORDER = HashToG1.integer(new BIG(ROM.CURVE_Order));

	private static final BigInteger HALF_P = HashToG1.P.subtract(BigInteger.ONE).shiftRight(1);

	private static final int COMPRESSED = 0x80;

	private static final int INFINITY = 0x40;

	private static final int LARGER_Y = 0x20;

	private Bls12381() {
	}

	/**
	 * Whether {@code signature} is the signature of {@code message} under
	 * {@code publicKey}: e(signature, g2) == e(H(message), publicKey).
	 * @throws IllegalArgumentException when either point is not a valid encoding of a
	 * point of its subgroup
	 */
	static boolean verify(byte[] signature, byte[] message, String dst, ECP2 publicKey) {
		ECP sigma = decodeG1(signature);
		ECP hashed = HashToG1.hash(message, dst);
		ECP2 negatedKey = new ECP2(publicKey);
		negatedKey.neg();
		FP12 product = PAIR.fexp(PAIR.ate2(ECP2.generator(), sigma, negatedKey, hashed));
		return product.isunity();
	}

	static byte[] sign(BigInteger secretKey, byte[] message, String dst) {
		ECP signature = HashToG1.hash(message, dst).mul(HashToG1.big(secretKey));
		return encodeG1(signature);
	}

	static byte[] publicKey(BigInteger secretKey) {
		return encodeG2(ECP2.generator().mul(HashToG1.big(secretKey)));
	}

	/**
	 * A compressed G1 point, checked to be on the curve and in the subgroup of order r.
	 */
	static ECP decodeG1(byte[] bytes) {
		if (bytes.length != SIGNATURE_BYTES) {
			throw new IllegalArgumentException("a G1 point is " + SIGNATURE_BYTES + " bytes, not " + bytes.length);
		}
		int flags = bytes[0] & 0xe0;
		if ((flags & COMPRESSED) == 0 || (flags & INFINITY) != 0) {
			throw new IllegalArgumentException("not a compressed, finite G1 point");
		}
		BigInteger x = coordinate(bytes, 0);
		ECP point = new ECP(HashToG1.big(x));
		if (point.is_infinity()) {
			throw new IllegalArgumentException("not on the curve");
		}
		point.affine();
		BigInteger y = HashToG1.integer(point.getY());
		if (((flags & LARGER_Y) != 0) != (y.compareTo(HALF_P) > 0)) {
			point.neg();
		}
		if (!point.mul(HashToG1.big(ORDER)).is_infinity()) {
			throw new IllegalArgumentException("not in the subgroup of order r");
		}
		return point;
	}

	/** A compressed G2 point (x as c1 then c0), checked like {@link #decodeG1}. */
	static ECP2 decodeG2(byte[] bytes) {
		if (bytes.length != PUBLIC_KEY_BYTES) {
			throw new IllegalArgumentException("a G2 point is " + PUBLIC_KEY_BYTES + " bytes, not " + bytes.length);
		}
		int flags = bytes[0] & 0xe0;
		if ((flags & COMPRESSED) == 0 || (flags & INFINITY) != 0) {
			throw new IllegalArgumentException("not a compressed, finite G2 point");
		}
		BigInteger c1 = coordinate(bytes, 0);
		BigInteger c0 = coordinate(bytes, 48);
		ECP2 point = new ECP2(new FP2(HashToG1.big(c0), HashToG1.big(c1)));
		if (point.is_infinity()) {
			throw new IllegalArgumentException("not on the curve");
		}
		point.affine();
		if (((flags & LARGER_Y) != 0) != larger(point.getY())) {
			point.neg();
		}
		if (!point.mul(HashToG1.big(ORDER)).is_infinity()) {
			throw new IllegalArgumentException("not in the subgroup of order r");
		}
		return point;
	}

	static byte[] encodeG1(ECP point) {
		ECP affine = new ECP(point);
		affine.affine();
		byte[] bytes = new byte[SIGNATURE_BYTES];
		put(bytes, 0, HashToG1.integer(affine.getX()));
		bytes[0] |= (byte) (COMPRESSED | (HashToG1.integer(affine.getY()).compareTo(HALF_P) > 0 ? LARGER_Y : 0));
		return bytes;
	}

	static byte[] encodeG2(ECP2 point) {
		ECP2 affine = new ECP2(point);
		affine.affine();
		byte[] bytes = new byte[PUBLIC_KEY_BYTES];
		put(bytes, 0, HashToG1.integer(affine.getX().getB()));
		put(bytes, 48, HashToG1.integer(affine.getX().getA()));
		bytes[0] |= (byte) (COMPRESSED | (larger(affine.getY()) ? LARGER_Y : 0));
		return bytes;
	}

	/** The lexicographic order of the ZCash encoding: c1 decides, or c0 when c1 is 0. */
	private static boolean larger(FP2 y) {
		BigInteger c1 = HashToG1.integer(y.getB());
		BigInteger c0 = HashToG1.integer(y.getA());
		return (c1.signum() != 0) ? c1.compareTo(HALF_P) > 0 : c0.compareTo(HALF_P) > 0;
	}

	private static BigInteger coordinate(byte[] bytes, int offset) {
		byte[] value = new byte[48];
		System.arraycopy(bytes, offset, value, 0, 48);
		value[0] &= 0x1f;
		BigInteger x = new BigInteger(1, value);
		if (x.compareTo(HashToG1.P) >= 0) {
			throw new IllegalArgumentException("a coordinate at or above the field's modulus");
		}
		return x;
	}

	private static void put(byte[] bytes, int offset, BigInteger value) {
		byte[] raw = value.toByteArray();
		int length = Math.min(raw.length, 48);
		System.arraycopy(raw, raw.length - length, bytes, offset + 48 - length, length);
	}

}
