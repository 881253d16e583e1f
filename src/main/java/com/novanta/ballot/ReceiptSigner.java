package com.novanta.ballot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import com.novanta.config.DevKeyFile;
import com.novanta.config.DevMode;
import com.novanta.lottery.Lottery;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Signs each accepted slip's receipt with the operator's Ed25519 key, so that a
 * participant holds proof that their ballots were accepted, with their fingerprints and
 * the lottery's seed commitment, even if the operator later lost or dropped them. The
 * signed statement ({@link #statement}) is plain text anyone can rebuild from the slip
 * page; the public key is published ({@code /fairness/receipt-key}).
 * <p>
 * The private key is 32 bytes in base64 from {@code lottery.fairness.receipt-key}
 * ({@code LOTTERY_RECEIPT_KEY}); never in the database. Without one, dev mode makes one
 * and keeps it in the data directory ({@link DevKeyFile}), so that receipts signed before
 * a restart still check; anywhere else the application does not start.
 */
@Component
public class ReceiptSigner {

	private static final Logger log = LoggerFactory.getLogger(ReceiptSigner.class);

	static final String PROPERTY = "lottery.fairness.receipt-key";

	static final String KEY_FILE = "receipt-signing.key";

	/**
	 * Signs: Bouncy Castle's Ed25519 takes about 50 µs where the JDK's takes a
	 * millisecond, which was the largest single cost of accepting a slip. Ed25519
	 * signatures are deterministic, so both give the same bytes.
	 */
	private final Ed25519PrivateKeyParameters signingKey;

	private final PublicKey publicKey;

	ReceiptSigner(Environment environment) {
		byte[] key = key(environment);
		try {
			this.signingKey = new Ed25519PrivateKeyParameters(key, 0);
			this.publicKey = publicKeyOf(key);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot use the receipt signing key", ex);
		}
	}

	private static byte[] key(Environment environment) {
		String configured = environment.getProperty(PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return decode(configured.strip());
		}
		if (!DevMode.isOn(environment)) {
			throw new IllegalStateException("No receipt signing key: set LOTTERY_RECEIPT_KEY (" + PROPERTY
					+ ") to 32 random bytes in base64 (openssl rand -base64 32), kept secret and never changed: "
					+ "it signs every receipt, and its public key is published.");
		}
		if (DevKeyFile.isInMemory(environment)) {
			byte[] key = new byte[DevKeyFile.BYTES];
			new SecureRandom().nextBytes(key);
			log.warn("event=dev-receipt-key source=dev-memory (dev mode only: a real deployment sets "
					+ "LOTTERY_RECEIPT_KEY)");
			return key;
		}
		Path file = DevKeyFile.inDataDirectory(environment, KEY_FILE);
		log.warn("event=dev-receipt-key source=dev-file file={} (dev mode only: a real deployment sets "
				+ "LOTTERY_RECEIPT_KEY)", file);
		return DevKeyFile.key(file, new SecureRandom());
	}

	private static byte[] decode(String base64) {
		byte[] key = Base64.getDecoder().decode(base64);
		if (key.length != 32) {
			throw new IllegalStateException(PROPERTY + " must be 32 bytes in base64, not " + key.length);
		}
		return key;
	}

	/** The public key of a private one: what the JDK derives when it signs. */
	private static PublicKey publicKeyOf(byte[] key) throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
		generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(key));
		return generator.generateKeyPair().getPublic();
	}

	/**
	 * The statement a slip's receipt signs: what was accepted, for which lottery, with
	 * which seed commitment, one fingerprint (leaf hash) per line.
	 */
	public static String statement(BallotSlip slip, String seedCommitment) {
		StringBuilder text = new StringBuilder("Novanta receipt 1\n");
		text.append("lottery ").append(slip.lotteryId()).append('\n');
		text.append("commitment ").append(seedCommitment).append('\n');
		text.append("receipt ").append(slip.receipt()).append('\n');
		text.append("slip ").append(slip.slip()).append('\n');
		text.append("accepted ").append(slip.submittedAt()).append('\n');
		for (int line = 0; line < slip.lines().size(); line++) {
			text.append("line ").append(line + 1).append(' ').append(slip.leafHash(line)).append('\n');
		}
		return text.toString();
	}

	/** The signature of a slip's receipt, base64. */
	String sign(BallotSlip slip, Lottery lottery) {
		return signature(statement(slip, lottery.seedCommitment()).getBytes(StandardCharsets.UTF_8));
	}

	/** The signature of a message, base64. */
	String signature(byte[] message) {
		Ed25519Signer signer = new Ed25519Signer();
		signer.init(true, this.signingKey);
		signer.update(message, 0, message.length);
		return Base64.getEncoder().encodeToString(signer.generateSignature());
	}

	/** Whether a signature is the operator's on this statement. */
	public boolean verify(String statement, String signatureBase64) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initVerify(this.publicKey);
			signature.update(statement.getBytes(StandardCharsets.UTF_8));
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/**
	 * The public key, the 32 bytes of RFC 8032 in hex: what anyone checks a receipt's
	 * signature with.
	 */
	public String publicKeyHex() {
		byte[] encoded = this.publicKey.getEncoded();
		// X.509 SubjectPublicKeyInfo of Ed25519: a 12-byte header, then the 32-byte key
		return HexFormat.of().formatHex(encoded, encoded.length - 32, encoded.length).toLowerCase(Locale.ROOT);
	}

	PublicKey publicKey() {
		return this.publicKey;
	}

	/** Hands the key generator the private key as its "random" bytes. */
	private static final class FixedRandom extends SecureRandom {

		private final byte[] bytes;

		FixedRandom(byte[] bytes) {
			this.bytes = bytes;
		}

		@Override
		public void nextBytes(byte[] out) {
			System.arraycopy(this.bytes, 0, out, 0, out.length);
		}

	}

}
