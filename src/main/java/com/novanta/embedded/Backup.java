package com.novanta.embedded;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A backup just written. Serializable: the admin page hands it on to the page it
 * redirects to as a flash attribute, which rides in the session.
 *
 * @param fileName its file's name
 * @param size its size in bytes
 * @param checksum its checksum (the SHA-256 of its manifest, which holds the database
 * file's SHA-256)
 * @param takenAt the moment of the database it holds (the application's clock)
 * @param took how long writing it took
 * @param collections each collection ({@code database.collection}) and its number of
 * documents
 */
public record Backup(String fileName, long size, String checksum, Instant takenAt, Duration took,
		Map<String, Long> collections) implements Serializable {

	public Backup {
		collections = Map.copyOf(collections);
	}

	/** The number of documents in it. */
	public long documents() {
		return this.collections.values().stream().mapToLong(Long::longValue).sum();
	}

}
