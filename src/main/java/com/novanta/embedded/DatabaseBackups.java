package com.novanta.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import com.mongodb.ConnectionString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of the running embedded H2 database, into {@code backups/} in its data
 * directory: a bean only while the file-backed embedded database runs. The admin area
 * asks it for a backup; so does {@code java -jar novanta.jar backup <file>}, over the
 * embedded server's port, which this writes to {@code novanta.port} in the data directory
 * while the application runs (see {@link DatabaseCommands}).
 */
public final class DatabaseBackups {

	/** Where a running instance says which port its embedded server listens on. */
	static final String PORT_FILE = "novanta.port";

	static final String DIRECTORY = "backups";

	private static final Logger log = LoggerFactory.getLogger(DatabaseBackups.class);

	private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'novanta-'yyyy-MM-dd'T'HH-mm-ss'Z'")
		.withZone(ZoneOffset.UTC);

	private final IndexedBackends.H2 backend;

	private final Path file;

	private final Path directory;

	private final Path portFile;

	private final Clock clock;

	private final ReentrantLock oneAtATime = new ReentrantLock();

	DatabaseBackups(EmbeddedMongoServer server, Clock clock) {
		this.backend = (IndexedBackends.H2) server.backend();
		this.file = server.file();
		this.directory = this.file.getParent().resolve(DIRECTORY);
		this.portFile = this.file.getParent().resolve(PORT_FILE);
		this.clock = clock;
		this.backend.backups = new BackupCommandHandler(this, this.file);
		writePortFile(new ConnectionString(server.connectionString()).getHosts().get(0));
	}

	/** The directory the backups are written to. */
	public Path directory() {
		return this.directory;
	}

	/**
	 * Writes a backup of the database as it is now, while the application keeps using it;
	 * one at a time.
	 * @throws BackupException if it cannot (another one is running, the disk is full)
	 */
	public Backup backUpNow() {
		if (!this.oneAtATime.tryLock()) {
			throw new BackupException("A backup is already being written");
		}
		try {
			long started = System.nanoTime();
			Instant takenAt = this.clock.instant();
			Files.createDirectories(this.directory);
			Path target = freeName(takenAt);
			Path copy = BackupWriter.scratch(target);
			OnlineBackup.copyRunning(this.backend.getMvStore(), this.backend.gate, this.file, copy);
			Backup backup = BackupWriter.write(copy, target, takenAt, started);
			log.info("event=database-backup file={} size={} documents={} took={}ms", target, backup.size(),
					backup.documents(), backup.took().toMillis());
			return backup;
		}
		catch (IOException ex) {
			throw new BackupException("The backup could not be written to " + this.directory + ": " + ex, ex);
		}
		finally {
			this.oneAtATime.unlock();
		}
	}

	/** The backups in {@link #directory()}, newest first. */
	public List<StoredBackup> list() {
		List<StoredBackup> backups = new ArrayList<>();
		if (!Files.isDirectory(this.directory)) {
			return backups;
		}
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.directory, "novanta-*.zip")) {
			for (Path backup : files) {
				backups.add(new StoredBackup(backup.getFileName().toString(), Files.size(backup),
						Files.getLastModifiedTime(backup).toInstant()));
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		// by name without ".zip": a second backup in the same second ("...Z-2") after the
		// first
		backups.sort(Comparator.comparing((StoredBackup backup) -> backup.fileName().replace(".zip", "")).reversed());
		return backups;
	}

	/** Stops answering the backup command and removes the port file. */
	void close() {
		this.backend.backups = null;
		try {
			Files.deleteIfExists(this.portFile);
		}
		catch (IOException ex) {
			log.warn("Could not remove {}: {}", this.portFile, ex.toString());
		}
	}

	private Path freeName(Instant takenAt) {
		String name = NAME.format(takenAt);
		Path target = this.directory.resolve(name + ".zip");
		for (int n = 2; Files.exists(target); n++) {
			target = this.directory.resolve(name + "-" + n + ".zip");
		}
		return target;
	}

	private void writePortFile(String hostAndPort) {
		try {
			Path partial = this.portFile.resolveSibling(PORT_FILE + ".partial");
			Files.writeString(partial, hostAndPort.substring(hostAndPort.lastIndexOf(':') + 1) + "\n",
					StandardCharsets.US_ASCII);
			Files.move(partial, this.portFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (IOException ex) {
			// the command then opens the file itself, and finds it locked
			log.warn("Could not write {}: {}", this.portFile, ex.toString());
		}
	}

	/**
	 * A backup in the backups directory.
	 *
	 * @param fileName its file's name
	 * @param size its size in bytes
	 * @param writtenAt when its file was last written
	 */
	public record StoredBackup(String fileName, long size, Instant writtenAt) {
	}

}
