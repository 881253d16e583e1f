package com.novanta.embedded;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Restores a backup into an empty data directory, which then opens as any data directory.
 * Everything is checked before anything is written: the directory is empty (so no
 * application runs on it, and nothing is overwritten), the backup matches its checksum.
 * Should anything fail afterwards, what was written is removed again.
 */
final class DatabaseRestore {

	private DatabaseRestore() {
	}

	/** What was restored. */
	record Restored(BackupManifest manifest, String checksum, Path file) {
	}

	static Restored restore(Path backup, Path dataDir) {
		if (!Files.isRegularFile(backup)) {
			throw new BackupException("There is no backup file " + backup);
		}
		boolean existed = Files.exists(dataDir);
		if (existed && !isEmptyDirectory(dataDir)) {
			throw new BackupException("The directory " + dataDir
					+ " is not empty: a backup is restored only into an empty directory (nothing was changed)");
		}
		BackupArchive.Verified verified = BackupArchive.verify(backup);
		Path file = dataDir.resolve(EmbeddedMongoServer.FILE_NAME);
		Path partial = dataDir.resolve(EmbeddedMongoServer.FILE_NAME + ".restoring");
		boolean done = false;
		try {
			Files.createDirectories(dataDir);
			BackupArchive.extract(backup, verified.manifest(), partial);
			Map<String, Long> collections = BackupWriter.collections(partial);
			if (!collections.equals(verified.manifest().collections())) {
				throw new BackupException("The restored database does not hold what the backup's manifest lists");
			}
			// fails rather than replace a file that appeared meanwhile
			Files.move(partial, file);
			done = true;
			return new Restored(verified.manifest(), verified.checksum(), file);
		}
		catch (IOException ex) {
			throw new BackupException("The backup could not be restored into " + dataDir + ": " + ex, ex);
		}
		finally {
			if (!done) {
				undo(dataDir, partial, existed);
			}
		}
	}

	private static void undo(Path dataDir, Path partial, boolean existed) {
		try {
			Files.deleteIfExists(partial);
			if (!existed && isEmptyDirectory(dataDir)) {
				Files.deleteIfExists(dataDir);
			}
		}
		catch (IOException ex) {
			// the refusal's own message matters more; what is left is named in it
		}
	}

	private static boolean isEmptyDirectory(Path directory) {
		if (!Files.isDirectory(directory)) {
			return false;
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
			return !entries.iterator().hasNext();
		}
		catch (IOException ex) {
			throw new BackupException("The directory " + directory + " cannot be read: " + ex, ex);
		}
	}

}
