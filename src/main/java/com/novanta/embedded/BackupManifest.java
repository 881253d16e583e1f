package com.novanta.embedded;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a backup file says about itself: its format, when it was taken, the database
 * file's size and SHA-256, and each collection with its number of documents.
 *
 * @param takenAt when it was taken (the application's clock)
 * @param databaseSize the database file's size in bytes
 * @param databaseSha256 the database file's SHA-256, in hex
 * @param collections each collection ({@code database.collection}) and its number of
 * documents
 */
record BackupManifest(Instant takenAt, long databaseSize, String databaseSha256, Map<String, Long> collections) {

	static final String FORMAT = "novanta-backup 1";

	private static final String COLLECTION = "collection.";

	BackupManifest {
		collections = Map.copyOf(collections);
	}

	long documents() {
		return this.collections.values().stream().mapToLong(Long::longValue).sum();
	}

	/** The manifest's text: one line a fact, collections sorted, no comment. */
	byte[] bytes() {
		StringBuilder text = new StringBuilder();
		text.append("format=").append(FORMAT).append('\n');
		text.append("taken-at=").append(this.takenAt).append('\n');
		text.append("database-size=").append(this.databaseSize).append('\n');
		text.append("database-sha256=").append(this.databaseSha256).append('\n');
		new TreeMap<>(this.collections)
			.forEach((name, count) -> text.append(COLLECTION).append(name).append('=').append(count).append('\n'));
		return text.toString().getBytes(StandardCharsets.UTF_8);
	}

	static BackupManifest parse(byte[] bytes) {
		Properties properties = new Properties();
		try {
			properties.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new BackupException("The backup's manifest cannot be read", ex);
		}
		if (!FORMAT.equals(properties.getProperty("format"))) {
			throw new BackupException("The backup's format is \"" + properties.getProperty("format")
					+ "\"; this version reads \"" + FORMAT + "\"");
		}
		try {
			Map<String, Long> collections = new TreeMap<>();
			for (String key : properties.stringPropertyNames()) {
				if (key.startsWith(COLLECTION)) {
					collections.put(key.substring(COLLECTION.length()), Long.parseLong(properties.getProperty(key)));
				}
			}
			return new BackupManifest(Instant.parse(required(properties, "taken-at")),
					Long.parseLong(required(properties, "database-size")), required(properties, "database-sha256"),
					collections);
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			throw new BackupException("The backup's manifest is incomplete", ex);
		}
	}

	private static String required(Properties properties, String key) {
		String value = properties.getProperty(key);
		if (value == null) {
			throw new BackupException("The backup's manifest has no " + key);
		}
		return value;
	}

}
