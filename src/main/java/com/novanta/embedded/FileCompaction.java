package com.novanta.embedded;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the embedded H2 file close to the size of what it holds, while the application
 * runs.
 * <p>
 * H2 writes every change as a new chunk at a free place of the file; a chunk's space is
 * free again only once nothing in it is live. Sessions, counters and slot numbers change
 * on every request, slips stay for ever, and they share chunks: without compaction nearly
 * every chunk keeps a little live data and the file grows by about 13 KB a slip.
 * <p>
 * H2's own background compaction is off (see {@link EmbeddedMongoServer}): it also
 * <em>moves</em> chunks inside the file to shrink it, and files of a million ballots it
 * had worked on could not be opened again. This does only the other half, in small steps:
 * it re-writes the live pages of the emptiest chunks ({@code MVStore.compact}, the same
 * call H2's background writer makes), commits them as a new chunk, and H2 then frees the
 * old chunks, whose space the next chunks reuse. Nothing is moved, so the file does not
 * shrink, but it stops growing once its chunks are about {@code fillRate} percent live.
 * <p>
 * Readers and writers carry on meanwhile: a step takes H2's store lock only to pick its
 * chunks, re-writes pages the way a writer changes them, and every command of the server
 * holds the version it reads ({@code IndexedH2Database.handleCommand}), so no chunk is
 * freed under a running scan. While a backup runs (space reuse off) H2 re-writes nothing.
 */
final class FileCompaction implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(FileCompaction.class);

	/** Steps in one round, at most; a round runs every {@code period}. */
	private static final int STEPS_PER_ROUND = 4;

	/** H2's count of the bytes it wrote to the file. */
	private static final String WRITE_BYTES = "info.FILE_WRITE_BYTES";

	/** The most compaction may write ahead of the application, by default. */
	private static final long MAX_BUDGET = 2L * 1024 * 1024 * 1024;

	/**
	 * What the application writes between two rounds (a second) when it is busy, by
	 * default: a fill, a draw's settlement (20 MB a second and more); a night of
	 * submissions and pages writes about 1 MB a second.
	 */
	private static final long BUSY_BYTES = 4L * 1024 * 1024;

	private final MVStore store;

	private final int fillRate;

	private final int stepBytes;

	private final long maxBudget;

	private final long busyBytes;

	private final AtomicLong longestStepNanos = new AtomicLong();

	private final AtomicLong steps = new AtomicLong();

	private BackgroundRounds rounds;

	private boolean closed;

	// only the rounds' thread (or a test calling round()) uses these
	private long budget;

	private long writtenBefore;

	/**
	 * @param fillRate how live a chunk must be, in percent, to be left alone
	 * @param stepBytes the live bytes one step re-writes, at most
	 */
	FileCompaction(MVStore store, int fillRate, int stepBytes) {
		this(store, fillRate, stepBytes, MAX_BUDGET, BUSY_BYTES);
	}

	/**
	 * @param maxBudget the most it may write ahead of the application (what it may write
	 * at once when it starts)
	 * @param busyBytes what the application writes between two rounds when it is busy,
	 * and the round leaves the file alone
	 */
	FileCompaction(MVStore store, int fillRate, int stepBytes, long maxBudget, long busyBytes) {
		if (fillRate < 1 || fillRate > 99) {
			throw new IllegalArgumentException(
					"lottery.database.compaction-fill-rate must be 0 (off) or 1 to 99, not " + fillRate);
		}
		this.store = store;
		this.fillRate = fillRate;
		this.stepBytes = stepBytes;
		this.maxBudget = maxBudget;
		this.busyBytes = busyBytes;
		this.budget = maxBudget;
		this.writtenBefore = writtenBytes();
	}

	/** Runs a round every {@code period}, in a thread of its own, until closed. */
	synchronized FileCompaction start(Duration period) {
		if (!this.closed) {
			this.rounds = new BackgroundRounds("embedded-compaction", Thread.NORM_PRIORITY - 1, period,
					this::roundLogged);
		}
		return this;
	}

	private void roundLogged() {
		try {
			if (log.isTraceEnabled()) {
				StringBuilder info = new StringBuilder();
				this.store.populateInfo((key, value) -> info.append(' ').append(key).append('=').append(value));
				log.trace("event=compaction-state{}", info);
			}
			int rewritten = round();
			if (rewritten > 0 && log.isDebugEnabled()) {
				log.debug(
						"event=compaction steps={} chunks-fill-rate={} file-fill-rate={} file-mb={} longest-step-ms={}",
						rewritten, this.store.getFileStore().getChunksFillRate(), this.store.getFillRate(),
						this.store.getFileStore().size() / (1024 * 1024),
						TimeUnit.NANOSECONDS.toMillis(this.longestStepNanos.get()));
			}
		}
		catch (RuntimeException ex) {
			// the store may be closing; the next round tries again
			log.warn("event=compaction-failed reason={}", ex.toString());
		}
	}

	/**
	 * One round: steps until the chunks are {@code fillRate} percent live, a step finds
	 * nothing to re-write, the round has had its steps, or the budget is spent; none
	 * while the application writes hard. The budget is what the application wrote since
	 * (up to {@code maxBudget}, which a start also gives): compaction never writes more
	 * than the application does, so it comes to rest when the application does. Without
	 * that, H2's own chunk map, re-written with every commit, kept it re-writing after a
	 * million-ballot fill for as long as one watched.
	 * @return the steps that re-wrote something
	 */
	int round() {
		long written = writtenBytes();
		long applicationWrote = Math.max(0, written - this.writtenBefore);
		this.budget = Math.min(this.maxBudget, this.budget + applicationWrote);
		this.writtenBefore = written;
		if (applicationWrote >= this.busyBytes) {
			// a fill or a draw: its turn (the draw of a million ballots took 31.6 s
			// instead of 24 with the compaction beside it); the budget waits
			return 0;
		}
		int rewritten = 0;
		for (int i = 0; i < STEPS_PER_ROUND && this.budget > 0 && !this.store.isClosed(); i++) {
			long started = System.nanoTime();
			long before = writtenBytes();
			boolean any = this.store.compact(this.fillRate, this.stepBytes);
			if (any) {
				// the re-written pages become a chunk now, the old chunks free
				this.store.commit();
			}
			this.budget -= writtenBytes() - before;
			this.longestStepNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
			if (!any) {
				break;
			}
			rewritten++;
			this.steps.incrementAndGet();
		}
		this.writtenBefore = writtenBytes();
		return rewritten;
	}

	private long writtenBytes() {
		return writtenBytes(this.store);
	}

	/**
	 * The bytes H2 wrote to the store's file since it opened it (a figure it has no
	 * method for).
	 */
	static long writtenBytes(MVStore store) {
		long[] written = { 0 };
		store.populateInfo((key, figure) -> {
			if (WRITE_BYTES.equals(key)) {
				written[0] = Long.parseLong(figure);
			}
		});
		return written[0];
	}

	/** Takes from the budget as if it had written {@code bytes} (tests). */
	void spend(long bytes) {
		this.budget -= bytes;
	}

	/** The longest step so far. */
	Duration longestStep() {
		return Duration.ofNanos(this.longestStepNanos.get());
	}

	/** The steps so far that re-wrote something. */
	long steps() {
		return this.steps.get();
	}

	/** Stops its rounds; once closed it does not start (the index builds start it). */
	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.rounds != null) {
			this.rounds.close();
		}
	}

}
