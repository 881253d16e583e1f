package com.novanta.config;

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

import org.springframework.core.env.Environment;

/**
 * A secret key that dev mode makes for itself when none is configured (the seed key, the
 * receipt signing key): 32 random bytes kept in base64 in a file of the data directory,
 * readable by its owner only, so that a restart keeps using it; or, with the embedded
 * database in memory, in memory only, since nothing it protects outlives the process.
 * Never used outside dev mode, where the keys must be configured (DeploymentCheck).
 */
public final class DevKeyFile {

	/** The bytes of a key. */
	public static final int BYTES = 32;

	private DevKeyFile() {
	}

	/** Whether nothing outlives the process: the embedded database is in memory. */
	public static boolean isInMemory(Environment environment) {
		return "memory".equalsIgnoreCase(environment.getProperty("lottery.database.embedded-backend"))
				&& !environment.containsProperty("spring.mongodb.uri")
				&& !environment.containsProperty("spring.mongodb.host");
	}

	/** The file of that name in the data directory. */
	public static Path inDataDirectory(Environment environment, String name) {
		return Path.of(environment.getProperty("lottery.database.data-dir", "./data"))
			.toAbsolutePath()
			.normalize()
			.resolve(name);
	}

	/**
	 * The key in the file, made there first if there is none.
	 * @throws IllegalStateException if the file holds something else than a key: what was
	 * protected with the key it held cannot be used without it, so nothing is overwritten
	 */
	public static byte[] key(Path file, SecureRandom random) {
		try {
			if (Files.notExists(file)) {
				byte[] key = new byte[BYTES];
				random.nextBytes(key);
				Files.createDirectories(file.getParent());
				create(file, Base64.getEncoder().encodeToString(key) + "\n");
			}
			String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
			byte[] key;
			try {
				key = Base64.getDecoder().decode(text);
			}
			catch (IllegalArgumentException ex) {
				key = new byte[0];
			}
			if (key.length != BYTES) {
				throw new IllegalStateException(file + " does not hold a key of " + BYTES + " bytes in base64; what "
						+ "was sealed or signed with the key it held cannot be used without it");
			}
			return key;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the dev key in " + file, ex);
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
