package com.novanta.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreTool;

/**
 * Turns a copy of the database file into a backup file: compacts the copy (only the
 * latest version of each map, as H2's {@code MVStoreTool.compact} writes it, which also
 * proves that the copy opens), counts its documents, and writes the archive.
 */
final class BackupWriter {

	private BackupWriter() {
	}

	/**
	 * A free name for a copy, next to where the backup will be (the same disk); no file
	 * has it yet.
	 */
	static Path scratch(Path target) throws IOException {
		Path directory = target.toAbsolutePath().getParent();
		Files.createDirectories(directory);
		Path copy = Files.createTempFile(directory, ".novanta-backup-", ".mv.db");
		Files.delete(copy);
		return copy;
	}

	/**
	 * Writes the backup of {@code copy} (deleted afterwards) to {@code target}, which
	 * must not exist; a half-written backup never takes its name.
	 */
	static Backup write(Path copy, Path target, Instant takenAt, long startedNanos) throws IOException {
		Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
		try {
			MVStoreTool.compact(copy.toString(), false);
			Map<String, Long> collections = collections(copy);
			BackupManifest manifest = new BackupManifest(takenAt, Files.size(copy), BackupArchive.sha256(copy),
					collections);
			Files.deleteIfExists(partial);
			String checksum = BackupArchive.write(copy, manifest, partial);
			Files.move(partial, target);
			return new Backup(target.getFileName().toString(), Files.size(target), checksum, takenAt,
					Duration.ofNanos(System.nanoTime() - startedNanos), collections);
		}
		finally {
			Files.deleteIfExists(copy);
			Files.deleteIfExists(Path.of(copy + ".tempFile"));
			Files.deleteIfExists(partial);
		}
	}

	/**
	 * Each collection of an H2 file and its number of documents (not the server's own
	 * {@code system.} lists of collections and indexes).
	 */
	static Map<String, Long> collections(Path file) {
		Map<String, Long> collections = new TreeMap<>();
		try (MVStore store = new MVStore.Builder().fileName(file.toString()).readOnly().open()) {
			for (String name : store.getMapNames()) {
				String collection = name.substring(name.indexOf('.') + 1);
				if (name.startsWith(IndexedBackends.DOCUMENTS_MAP)
						&& !collection.substring(collection.indexOf('.') + 1).startsWith("system.")) {
					collections.put(collection, BsonValues.documents(store, name).sizeAsLong());
				}
			}
		}
		return collections;
	}

}
