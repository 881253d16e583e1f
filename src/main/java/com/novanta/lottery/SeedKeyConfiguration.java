package com.novanta.lottery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import com.novanta.config.DevMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Where the seed key comes from: {@value #PROPERTY} ({@code LOTTERY_SEED_KEY}, base64 of
 * 32 bytes), never the database. Outside dev mode it is required (config's
 * DeploymentCheck refuses to start without it, as without an SMTP server). In dev mode
 * without one, a key is made once and kept in {@value #FILE_NAME} in the data directory,
 * next to the embedded database, so that a restart still opens the seeds sealed before;
 * with the embedded database in memory (whose seeds die with the process) the key is kept
 * in memory too, and no file is written.
 */
@Configuration(proxyBeanMethods = false)
class SeedKeyConfiguration {

	/** The property that holds the seed key. */
	static final String PROPERTY = "lottery.fairness.seed-key";

	/** The dev-mode key's file in the data directory. */
	static final String FILE_NAME = "seed-key";

	private static final Logger log = LoggerFactory.getLogger(SeedKeyConfiguration.class);

	@Bean
	SeedCipher seedCipher(Environment environment) {
		SecureRandom random = new SecureRandom();
		String configured = environment.getProperty(PROPERTY);
		if (StringUtils.hasText(configured)) {
			SeedCipher cipher = new SeedCipher(SeedCipher.decodeKey(configured), random);
			log.info("event=seed-key source=configuration key={}", cipher.keyId());
			return cipher;
		}
		if (!DevMode.isOn(environment)) {
			// DeploymentCheck stops the start-up before this, saying what to set
			throw new IllegalStateException("No seed key: set LOTTERY_SEED_KEY (" + PROPERTY + ")");
		}
		if (isInMemory(environment)) {
			byte[] key = new byte[SeedCipher.KEY_BYTES];
			random.nextBytes(key);
			SeedCipher cipher = new SeedCipher(key, random);
			log.info("event=seed-key source=dev-memory key={}", cipher.keyId());
			return cipher;
		}
		Path file = Path.of(environment.getProperty("lottery.database.data-dir", "./data"))
			.toAbsolutePath()
			.normalize()
			.resolve(FILE_NAME);
		SeedCipher cipher = new SeedCipher(devKey(file, random), random);
		log.info("event=seed-key source=dev-file file={} key={}", file, cipher.keyId());
		return cipher;
	}

	/** The embedded database in memory: nothing outlives the process. */
	private static boolean isInMemory(Environment environment) {
		return "memory".equalsIgnoreCase(environment.getProperty("lottery.database.embedded-backend"))
				&& !environment.containsProperty("spring.mongodb.uri")
				&& !environment.containsProperty("spring.mongodb.host");
	}

	/** The key in the file, made there first if there is none. */
	static byte[] devKey(Path file, SecureRandom random) {
		try {
			if (Files.notExists(file)) {
				byte[] key = new byte[SeedCipher.KEY_BYTES];
				random.nextBytes(key);
				Files.createDirectories(file.getParent());
				create(file, Base64.getEncoder().encodeToString(key) + "\n");
			}
			return SeedCipher.decodeKey(Files.readString(file, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the dev seed key in " + file, ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException(file + " does not hold a seed key (" + ex.getMessage()
					+ "); the seeds sealed with the key it held cannot be opened without it", ex);
		}
	}

	/** Creates the file, readable by its owner only where the file system says so. */
	private static void create(Path file, String content) throws IOException {
		try {
			if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
				Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
			}
			else {
				Files.createFile(file);
			}
		}
		catch (FileAlreadyExistsException ex) {
			// made meanwhile: keep that one
			return;
		}
		Files.writeString(file, content, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
	}

}
