package com.novanta.ballot;

import java.util.random.RandomGenerator;

import com.novanta.fairness.BallotTree;

import org.springframework.stereotype.Component;

/**
 * Where each accepted line's salt comes from ({@link BallotTree#SALT_BYTES} bytes): from
 * the application's random source, so that nobody can tell a line's numbers from its
 * published leaf hash before the ballots are published. An interface so that tests can
 * know in advance the digest of the ballots they submit.
 */
public interface SaltSource {

	/** The salt of one line of a slip. */
	byte[] salt(String lotteryId, long slip, int line);

	/** Salts from the application's random source. */
	@Component
	class Random implements SaltSource {

		private final RandomGenerator random;

		Random(RandomGenerator random) {
			this.random = random;
		}

		@Override
		public byte[] salt(String lotteryId, long slip, int line) {
			byte[] salt = new byte[BallotTree.SALT_BYTES];
			this.random.nextBytes(salt);
			return salt;
		}

	}

}
