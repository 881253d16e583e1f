package com.novanta.embedded;

import java.time.Duration;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs the embedded H2 file to the disk every second when H2 wrote to it since, and lets
 * H2 re-use the space of a chunk it no longer needs after {@link #RETENTION} instead of
 * its default 45 s.
 * <p>
 * H2 never syncs by itself: after a power cut the file holds whatever the operating
 * system had written (on Linux by default up to about 30 s late). And a chunk that went
 * out of use is kept for H2's retention time before its space is written over, lest a
 * disk that reorders writes put the new data in its place before the chunks that replaced
 * it; the default 45 s is to outlast the operating system's own flushing. Under a night's
 * load (every commit, ten a second, writes a chunk of mostly sessions' pages) that kept
 * about a minute of writes in the file besides its data. With the file synced every
 * second, a chunk that went out of use {@code RETENTION} ago was replaced by chunks that
 * are on the disk, so its space can be written over safely, and a power cut loses at most
 * the last second or so of changes.
 * <p>
 * With {@code lottery.database.durable-writes} every write is synced before it is
 * answered ({@link DurableWrites}); this still syncs what H2 writes by itself (its
 * commits every 100 ms, the compaction's).
 */
final class FileSync implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FileSync.class);

	/** How long H2 keeps a chunk that went out of use: several syncs. */
	static final Duration RETENTION = Duration.ofSeconds(5);

	static final Duration PERIOD = Duration.ofSeconds(1);

	private final MVStore store;

	private BackgroundRounds rounds;

	// only the rounds' thread (or a test calling round()) uses this
	private long syncedBytes = -1;

	FileSync(MVStore store) {
		this.store = store;
		store.setRetentionTime((int) RETENTION.toMillis());
	}

	/** Runs a round every {@link #PERIOD}, in a thread of its own, until closed. */
	FileSync start() {
		this.rounds = new BackgroundRounds("embedded-sync", Thread.NORM_PRIORITY, PERIOD, this::roundLogged);
		return this;
	}

	private void roundLogged() {
		try {
			round();
		}
		catch (RuntimeException ex) {
			// a closed store, or a disk error that the next write reports too
			log.warn("event=sync-failed file could not be synced: {}", ex.toString());
		}
	}

	/**
	 * Syncs the file if H2 wrote to it since the last sync.
	 * @return whether it synced
	 */
	boolean round() {
		long written = FileCompaction.writtenBytes(this.store);
		if (written == this.syncedBytes || this.store.isClosed()) {
			return false;
		}
		this.store.sync();
		this.syncedBytes = written;
		return true;
	}

	@Override
	public void close() {
		if (this.rounds != null) {
			this.rounds.close();
		}
	}

}
