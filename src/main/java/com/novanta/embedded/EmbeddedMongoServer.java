package com.novanta.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded MongoDB-compatible server (mongo-java-server) used when no external
 * MongoDB is configured. It listens on 127.0.0.1 on a free port, so the application talks
 * to it through the ordinary MongoDB driver, exactly as it talks to a real MongoDB.
 * <p>
 * The module's one public type: a bean only when the server runs, which the rest of the
 * application may ask to describe itself; starting and stopping it stay inside the
 * module.
 */
public final class EmbeddedMongoServer {

	static final String FILE_NAME = "novanta.mv.db";

	static final String DATABASE_NAME = "novanta";

	/** The compaction's default: chunks less than 80% live are re-written. */
	static final int DEFAULT_FILL_RATE = 80;

	/** A compaction step re-writes at most 2 MiB of live pages, a round at most four. */
	private static final int COMPACTION_STEP_BYTES = 2 * 1024 * 1024;

	private static final Duration COMPACTION_PERIOD = Duration.ofSeconds(1);

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

	private final MongoBackend backend;

	private final MongoServer server;

	private final InetSocketAddress address;

	private final String description;

	private final Path file;

	private final FileCompaction compaction;

	private final FileSync sync;

	private EmbeddedMongoServer(MongoBackend backend, String description, Path file, FileCompaction compaction,
			FileSync sync) {
		this.backend = backend;
		this.description = description;
		this.file = file;
		this.compaction = compaction;
		this.sync = sync;
		this.server = new MongoServer(backend);
		this.server.bind("127.0.0.1", 0);
		this.address = this.server.getLocalAddress();
	}

	/**
	 * Starts a server that keeps its data in one H2 MVStore file under {@code dataDir}.
	 * @throws EmbeddedDatabaseLockedException if another process holds the file
	 */
	static EmbeddedMongoServer startFileBacked(Path dataDir) {
		return startFileBacked(dataDir, false);
	}

	/**
	 * Starts a server that keeps its data in one H2 MVStore file under {@code dataDir};
	 * with {@code durable}, each write is on the disk before it is answered.
	 * @throws EmbeddedDatabaseLockedException if another process holds the file
	 */
	static EmbeddedMongoServer startFileBacked(Path dataDir, boolean durable) {
		return startFileBacked(dataDir, durable, DEFAULT_FILL_RATE);
	}

	/**
	 * The same, compacting the file while it runs until its chunks are
	 * {@code compactionFillRate} percent live ({@link FileCompaction}; 0: never).
	 */
	static EmbeddedMongoServer startFileBacked(Path dataDir, boolean durable, int compactionFillRate) {
		return startFileBacked(dataDir, durable, compactionFillRate, () -> {
		});
	}

	/**
	 * The same; {@code beforeIndexBuilds} runs in the index builds' thread once it holds
	 * the collections it builds ({@link IndexBuilds}; tests hold it there).
	 */
	static EmbeddedMongoServer startFileBacked(Path dataDir, boolean durable, int compactionFillRate,
			Runnable beforeIndexBuilds) {
		Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
		try {
			Files.createDirectories(dataDir);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), ex);
		}
		MVStore store;
		try {
			// No compaction in H2's background writer (autoCompactFillRate 0): with it, a
			// file of a million ballots that had opened once, and then served the
			// application and closed, could not be opened again ("Chunk N not found",
			// every time; H2 2.4.240 has open reports of chunks lost by compaction);
			// without it six opens in a row succeeded. FileCompaction does the half of
			// H2's compaction that moves nothing.
			store = new MVStore.Builder().fileName(file.toString())
				.autoCommitBufferSize(1024)
				.autoCompactFillRate(0)
				.open();
		}
		catch (MVStoreException ex) {
			if (ex.getErrorCode() == DataUtils.ERROR_FILE_LOCKED) {
				throw new EmbeddedDatabaseLockedException(file, ex);
			}
			throw ex;
		}
		catch (OverlappingFileLockException ex) {
			// The same file opened twice in one JVM (two application contexts)
			throw new EmbeddedDatabaseLockedException(file, ex);
		}
		// Write changes to disk at most 100 ms after they happen (H2's default is 1 s).
		store.setAutoCommitDelay(100);
		// Synced every second, so H2 may re-use a freed chunk's space after seconds
		FileSync sync = new FileSync(store).start();
		IndexedBackends.H2 backend = new IndexedBackends.H2(store, durable, beforeIndexBuilds);
		FileCompaction compaction = (compactionFillRate > 0)
				? new FileCompaction(store, compactionFillRate, COMPACTION_STEP_BYTES) : null;
		if (compaction != null) {
			// not beside the index builds of a start: both would be slower
			backend.builds.then(() -> compaction.start(COMPACTION_PERIOD));
		}
		return new EmbeddedMongoServer(backend, "embedded (H2 file " + file + ((durable) ? ", durable writes)" : ")"),
				file, compaction, sync);
	}

	/** Starts a server that keeps everything in memory: for tests and benchmarks. */
	static EmbeddedMongoServer startInMemory() {
		return new EmbeddedMongoServer(new IndexedBackends.Memory(), "embedded (in memory)", null, null, null);
	}

	String connectionString() {
		return "mongodb://" + this.address.getHostString() + ":" + this.address.getPort() + "/" + DATABASE_NAME;
	}

	/** One line for the start-up log and the health details, e.g. the file it uses. */
	public String description() {
		return this.description;
	}

	/**
	 * Allowed, but an operator must know: everything then lives in one file of this
	 * machine (or in memory), and a platform that runs a Procfile usually gives a disk
	 * that does not survive a deploy. Whether this is dev mode is for the caller to know.
	 */
	public void warnOutsideDevMode() {
		if (this.file != null) {
			log.warn("The embedded database keeps everything in {}, outside dev mode: that disk must "
					+ "persist across restarts and deploys (a Procfile platform's disk usually does not) and be "
					+ "backed up, and only this one instance can use it. Set MONGODB_URI for a real MongoDB.",
					this.file);
		}
		else {
			log.warn("The embedded database keeps everything in memory, outside dev mode: "
					+ "everything is lost when the application stops. Set MONGODB_URI for a real MongoDB.");
		}
	}

	/**
	 * Waits until the secondary indexes of a reopened file are built (they are built
	 * while the application starts; a query on a collection waits for its own).
	 * @return how long the builds took, zero if there were none
	 */
	public Duration awaitIndexes() {
		if (this.backend instanceof IndexedBackends.H2 h2) {
			h2.builds.await();
			return h2.builds.took();
		}
		return Duration.ZERO;
	}

	/** Whether the indexes of a reopened file are built (or there were none to build). */
	boolean indexesBuilt() {
		return !(this.backend instanceof IndexedBackends.H2 h2) || h2.builds.done();
	}

	/** Its backend (the tests look into the H2 store). */
	MongoBackend backend() {
		return this.backend;
	}

	/** The file it keeps its data in, or {@code null} in memory. */
	Path file() {
		return this.file;
	}

	/** What keeps its file compact, or {@code null} (in memory, or turned off). */
	FileCompaction compaction() {
		return this.compaction;
	}

	void stop() {
		log.info("Stopping the embedded database");
		if (this.compaction != null) {
			this.compaction.close();
		}
		if (this.sync != null) {
			this.sync.close();
		}
		this.server.shutdown();
		this.backend.close();
	}

}
