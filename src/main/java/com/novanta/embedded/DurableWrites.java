package com.novanta.embedded;

import java.util.Locale;
import java.util.Set;

import org.h2.mvstore.MVStore;

/**
 * With {@code lottery.database.durable-writes}, a write command of the embedded H2
 * database is answered only once it is on the disk: the store commits (writes a chunk)
 * and syncs its file. Concurrent writers share commits: a writer whose change a commit
 * that began after it already stored does not commit again.
 * <p>
 * Without it, H2 writes changes to its file at most 100 ms after they happen, and
 * {@link FileSync} syncs the file every second: a power cut loses about the last second
 * of changes, a process that is killed at most the last 100 ms.
 */
final class DurableWrites {

	private static final Set<String> WRITES = Set.of("insert", "update", "delete", "findandmodify", "createindexes",
			"drop", "dropindexes", "dropdatabase", "create", "renamecollection");

	private final MVStore store;

	private final Object commits = new Object();

	/**
	 * Every change of a version below this one is on the disk (commit returns the version
	 * after the one it stored).
	 */
	private long storedBelow = -1;

	DurableWrites(MVStore store) {
		this.store = store;
	}

	static boolean writes(String command) {
		return WRITES.contains(command.toLowerCase(Locale.ROOT));
	}

	/** Returns once every change made before the call is written and synced. */
	void onDisk() {
		long changedIn = this.store.getCurrentVersion();
		synchronized (this.commits) {
			if (this.storedBelow > changedIn) {
				return;
			}
			long next = this.store.commit();
			this.store.sync();
			this.storedBelow = next;
		}
	}

}
