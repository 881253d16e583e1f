package com.novanta.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

import com.novanta.ballot.SaltSource;
import com.novanta.fairness.BallotTree;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Gives every integration test salts it can work out in advance ({@link #salt}), so that
 * a test can choose ballots whose draw it knows before it submits them. The application's
 * own salts are random ({@code SaltSourceTests}).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestSaltConfiguration {

	@Bean
	@Primary
	SaltSource knownSalts() {
		return TestSaltConfiguration::salt;
	}

	/** The salt of a line in tests: the first 16 bytes of SHA-256 of where it is. */
	public static byte[] salt(String lotteryId, long slip, int line) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			sha.update(lotteryId.getBytes(StandardCharsets.UTF_8));
			sha.update(ByteBuffer.allocate(12).putLong(slip).putInt(line).array());
			return Arrays.copyOf(sha.digest(), BallotTree.SALT_BYTES);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
