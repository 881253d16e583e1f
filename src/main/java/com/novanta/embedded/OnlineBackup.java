package com.novanta.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;

/**
 * Copies the embedded H2 file as it was between two write commands, while the application
 * keeps reading and writing it.
 * <p>
 * H2's own {@code FileStore.backup} turns off space reuse and copies the whole file: the
 * copy then opens at whatever version H2 stored last before the copy ended, which can
 * fall between the map changes of one write command (see {@link WriteGate}). Here, with
 * space reuse off (H2 then appends every chunk at the end of the file and neither
 * rewrites nor moves chunks: {@code RandomAccessStore.allocateChunkSpace},
 * {@code compactMoveChunks} and {@code getRewriteCandidates} check it), the store is
 * committed while the write gate is closed, and the file's length at that moment is
 * noted: its first {@code length} bytes are then the complete file of that version, and
 * nothing H2 writes afterwards lands in them (new chunks go after them; the version is
 * registered as in use so that no chunk of it is freed and the file never shrinks below
 * it). Only those bytes are copied, while writers carry on; the copy opens at that
 * version, as a file does after a crash right after that commit.
 */
final class OnlineBackup {

	/** A map of the backups' own, not a collection's. */
	static final String MARKER_MAP = "backup.marker";

	private OnlineBackup() {
	}

	/** Copies the running store's file ({@code file}) to {@code target}. */
	static void copyRunning(MVStore store, WriteGate gate, Path file, Path target) throws IOException {
		boolean reused = store.isSpaceReused();
		store.setReuseSpace(false);
		try {
			long[] length = new long[1];
			MVStore.TxCounter version = gate.closed(() -> {
				MVStore.TxCounter usage = store.registerVersionUsage();
				// a change of its own, so that the commit stores a version and waits for
				// it to be on the file: without one, a commit right after H2's background
				// writer stored the last changes returns at once, while that writer's
				// chunk may still be being written (H2 writes in threads of its own), and
				// the length noted then takes in bytes not yet written (a backup of three
				// documents once held none, under a heavy load)
				store.openMap(MARKER_MAP).put("taken", System.nanoTime());
				store.commit();
				length[0] = store.getFileStore().size();
				return usage;
			});
			try {
				copy(file, target, length[0]);
			}
			finally {
				store.deregisterVersionUsage(version);
			}
		}
		finally {
			store.setReuseSpace(reused);
		}
	}

	/**
	 * Copies the file of a database that no application runs on: it holds H2's shared
	 * lock meanwhile, so that no application starts on it during the copy.
	 * @throws BackupException if an application runs on it
	 */
	static void copyStopped(Path file, Path target) throws IOException {
		MVStore store;
		try {
			store = new MVStore.Builder().fileName(file.toString()).readOnly().open();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new BackupException("The database " + file
						+ " is in use by a running application that did not answer the backup request");
			}
			throw new BackupException("The database " + file + " cannot be opened: " + ex.getMessage(), ex);
		}
		catch (OverlappingFileLockException ex) {
			// an application in this very process runs on it
			throw new BackupException("The database " + file + " is in use by a running application", ex);
		}
		try {
			copy(file, target, Files.size(file));
		}
		finally {
			store.close();
		}
	}

	private static void copy(Path file, Path target, long length) throws IOException {
		try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ);
				FileChannel out = FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
			long copied = 0;
			while (copied < length) {
				long n = in.transferTo(copied, length - copied, out);
				if (n <= 0) {
					throw new IOException("The database file ended at " + copied + " bytes, before " + length);
				}
				copied += n;
			}
			out.force(true);
		}
	}

}
