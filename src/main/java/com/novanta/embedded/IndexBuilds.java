package com.novanta.embedded;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the in-memory secondary indexes of a reopened file in a thread of its own, while
 * the application starts on the other core, instead of before it starts: with a million
 * ballots stored the build was most of a restart.
 * <p>
 * The thread takes the lock of every collection it is to build before the file is handed
 * to the server, and keeps each until that collection's indexes are built: every query
 * and write of the server takes its collection's lock, so each waits for its collection's
 * build instead of meeting a part-built index. The smallest collections are built first,
 * so that what the application reads when it starts (accounts, settings, lotteries) is
 * ready first; the application declaring its indexes again does not wait
 * ({@code CopyingCollections.H2.addIndex}).
 */
final class IndexBuilds {

	private static final Logger log = LoggerFactory.getLogger(IndexBuilds.class);

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile Duration took = Duration.ZERO;

	private final List<Runnable> then = new ArrayList<>();

	private IndexBuilds() {
	}

	/**
	 * Starts building, and returns once the builds' thread holds every collection it is
	 * to build.
	 * @param beforeBuilds what the thread runs once it holds them, before building
	 */
	static IndexBuilds start(MVStore store, List<CopyingCollections.H2> collections, Runnable beforeBuilds) {
		IndexBuilds builds = new IndexBuilds();
		if (collections.isEmpty()) {
			builds.done.countDown();
			log.info("event=index-builds-done collections=0 took-ms=0");
			return builds;
		}
		// the biggest first in the list: its lock is taken first and released last
		List<CopyingCollections.H2> biggestFirst = new ArrayList<>(collections);
		biggestFirst.sort(Comparator.comparingLong(CopyingCollections.H2::size).reversed());
		CountDownLatch held = new CountDownLatch(1);
		Thread thread = new Thread(() -> builds.run(store, biggestFirst, held, beforeBuilds), "embedded-index-build");
		thread.setDaemon(true);
		thread.start();
		try {
			held.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while opening the embedded database", ex);
		}
		return builds;
	}

	private void run(MVStore store, List<CopyingCollections.H2> collections, CountDownLatch held,
			Runnable beforeBuilds) {
		long started = System.nanoTime();
		// as a command does: no chunk the builds read is freed under them (a compaction
		// or the application's writes re-write pages meanwhile)
		MVStore.TxCounter usage = store.registerVersionUsage();
		try {
			holdAndBuild(collections, 0, held, beforeBuilds);
		}
		finally {
			store.deregisterVersionUsage(usage);
			// whatever happened, nothing waits for ever
			held.countDown();
			this.took = Duration.ofNanos(System.nanoTime() - started);
			List<Runnable> next;
			synchronized (this) {
				this.done.countDown();
				next = List.copyOf(this.then);
			}
			log.info("event=index-builds-done collections={} took-ms={}", collections.size(), this.took.toMillis());
			next.forEach(Runnable::run);
		}
	}

	/**
	 * Runs {@code next} once every build is done (at once if they are), in the builds'
	 * thread: what should not compete with them for the cores.
	 */
	synchronized void then(Runnable next) {
		if (done()) {
			next.run();
		}
		else {
			this.then.add(next);
		}
	}

	/**
	 * Takes the lock of collection {@code i} and of every one after it, then builds them
	 * from the last (the smallest) back, each released as soon as it is built.
	 */
	private static void holdAndBuild(List<CopyingCollections.H2> collections, int i, CountDownLatch held,
			Runnable beforeBuilds) {
		if (i == collections.size()) {
			held.countDown();
			beforeBuilds.run();
			return;
		}
		CopyingCollections.H2 collection = collections.get(i);
		synchronized (collection) {
			holdAndBuild(collections, i + 1, held, beforeBuilds);
			collection.buildDeferred();
		}
	}

	/** Waits until every build is done. */
	void await() {
		try {
			this.done.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether every build is done. */
	boolean done() {
		return this.done.getCount() == 0;
	}

	/** How long the builds took, once done. */
	Duration took() {
		return this.took;
	}

}
