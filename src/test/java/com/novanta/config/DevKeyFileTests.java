package com.novanta.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Dev mode's own keys: made once, kept for their owner only, never silently replaced. */
class DevKeyFileTests {

	@Test
	void devModeMakesItsKeyOnceAndKeepsItForItsOwnerOnly(@TempDir Path dataDir) throws IOException {
		Path file = dataDir.resolve("data").resolve("seed-key");

		byte[] first = DevKeyFile.key(file, new SecureRandom());
		byte[] again = DevKeyFile.key(file, new SecureRandom());

		assertThat(first).hasSize(32).isEqualTo(again);
		assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).isEqualTo(first);
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
	}

	@Test
	void aDevKeyFileThatHoldsNoKeyStopsTheStartRatherThanMakingAnother(@TempDir Path dataDir) throws IOException {
		Path file = dataDir.resolve("seed-key");
		Files.writeString(file, "garbage");

		assertThatIllegalStateException().isThrownBy(() -> DevKeyFile.key(file, new SecureRandom()))
			.withMessageContaining("does not hold a key of 32 bytes");
		assertThat(Files.readString(file)).isEqualTo("garbage");
	}

}
