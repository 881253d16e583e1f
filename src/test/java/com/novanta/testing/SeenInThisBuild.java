package com.novanta.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the test JVMs of one build have done already, so that the other JVM (the
 * integration tests run in two) does not do it again: a file a thing, made atomically,
 * under {@code target/browser-checks/<build>/}, where the build is named by the instant
 * Maven started it (so that a later build, with other styles, checks everything again).
 */
final class SeenInThisBuild {

	private static final Path BUILD = Path.of("target", "browser-checks", build());

	private final Set<String> here = ConcurrentHashMap.newKeySet();

	private final Path directory;

	SeenInThisBuild(String kind) {
		Path shared = BUILD.resolve(kind);
		try {
			Files.createDirectories(shared);
		}
		catch (IOException ex) {
			shared = null;
		}
		this.directory = shared;
	}

	/** Whether this JVM or another of the build has {@link #add added} the key. */
	boolean contains(String key) {
		return this.here.contains(key) || (this.directory != null && Files.exists(file(key)));
	}

	void add(String key) {
		claim(key);
	}

	/**
	 * Adds the key.
	 * @return whether it is new in the build: false when this JVM or another added it
	 */
	boolean claim(String key) {
		if (!this.here.add(key)) {
			return false;
		}
		if (this.directory == null) {
			return true;
		}
		try {
			Files.createFile(file(key));
			return true;
		}
		catch (FileAlreadyExistsException ex) {
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	private Path file(String key) {
		try {
			return this.directory.resolve(HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8))));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The build, as the pom names it for both JVMs (the instant Maven started); a JVM
	 * started otherwise (one test from an IDE) keeps to itself.
	 */
	private static String build() {
		String build = System.getProperty("browser.build", "");
		return build.matches("[0-9A-Za-z-]+") ? build : "jvm-" + ProcessHandle.current().pid() + "-"
				+ ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);
	}

}
