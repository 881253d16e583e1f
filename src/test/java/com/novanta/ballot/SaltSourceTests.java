package com.novanta.ballot;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;

import com.novanta.fairness.BallotTree;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's salts are random: never the same twice, wherever the line is. */
class SaltSourceTests {

	@Test
	void saltsAreSixteenRandomBytesNeverTheSame() {
		SaltSource salts = new SaltSource.Random(new SecureRandom());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < 10_000; i++) {
			byte[] salt = salts.salt("daily-2026-12-01", 1, 0);
			assertThat(salt).hasSize(BallotTree.SALT_BYTES);
			seen.add(HexFormat.of().formatHex(salt));
		}
		assertThat(seen).hasSize(10_000);
	}

}
