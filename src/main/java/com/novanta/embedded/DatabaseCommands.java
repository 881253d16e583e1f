package com.novanta.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.slf4j.LoggerFactory;

/**
 * {@code java -jar novanta.jar backup <file>} and
 * {@code java -jar novanta.jar restore <file> <data-dir>}, run before Spring starts.
 * <p>
 * {@code backup} works on the data directory {@code LOTTERY_DATA_DIR} (default
 * {@code ./data}). While an application runs on it, that application holds the file's
 * lock, so the command asks it for the backup: it reads the embedded server's port from
 * {@code novanta.port} in the data directory (written while the application runs) and
 * sends the server its own command (see {@link BackupCommandHandler}) through the
 * ordinary MongoDB driver; the server listens on 127.0.0.1 only, so only this machine can
 * ask. The backup is written into the data directory's {@code backups/} and then moved to
 * {@code <file>}. When no application runs, the command opens the file itself.
 * {@code restore} only ever writes into an empty directory, so never into one in use.
 * Each prints one line, and exits non-zero when it did not do what was asked.
 */
public final class DatabaseCommands {

	private static final String BACKUP = "backup";

	private static final String RESTORE = "restore";

	private final Map<String, String> environment;

	private final Clock clock;

	private final PrintStream out;

	private final PrintStream err;

	DatabaseCommands(Map<String, String> environment, Clock clock, PrintStream out, PrintStream err) {
		this.environment = environment;
		this.clock = clock;
		this.out = out;
		this.err = err;
	}

	/**
	 * Whether the command line names one of these commands rather than the application.
	 */
	public static boolean handles(String[] args) {
		return args.length > 0 && (BACKUP.equals(args[0]) || RESTORE.equals(args[0]));
	}

	/** Runs the command the arguments name; returns the process's exit status. */
	public static int run(String[] args) {
		quietLogging();
		return new DatabaseCommands(System.getenv(), systemClock(), System.out, System.err).execute(args);
	}

	/** A command line runs outside the application, so it reads the clock itself. */
	private static Clock systemClock() {
		return Clock.systemUTC();
	}

	int execute(String[] args) {
		try {
			if (BACKUP.equals(args[0]) && args.length == 2) {
				backup(Path.of(args[1]));
				return 0;
			}
			if (RESTORE.equals(args[0]) && args.length == 3) {
				restore(Path.of(args[1]), Path.of(args[2]));
				return 0;
			}
			this.err.println(
					"Usage: java -jar novanta.jar backup <file>  |  java -jar novanta.jar restore <file> <data-dir>");
			return 2;
		}
		catch (BackupException ex) {
			this.err.println(args[0] + " failed: " + ex.getMessage());
			return 1;
		}
	}

	private void backup(Path target) {
		if (Files.exists(target)) {
			throw new BackupException(target + " already exists: name a new file (nothing was changed)");
		}
		Path dataDir = Path.of(this.environment.getOrDefault("LOTTERY_DATA_DIR", "./data"))
			.toAbsolutePath()
			.normalize();
		Path file = dataDir.resolve(EmbeddedMongoServer.FILE_NAME);
		if (!Files.isRegularFile(file)) {
			throw new BackupException("There is no database at " + file + " (LOTTERY_DATA_DIR)");
		}
		try {
			Path port = dataDir.resolve(DatabaseBackups.PORT_FILE);
			if (Files.isRegularFile(port)) {
				Document answer = askRunningInstance(Files.readString(port, StandardCharsets.US_ASCII).trim(), file);
				if (answer != null) {
					Files.move(Path.of(answer.getString("file")), target);
					this.out.printf(
							"Backed up %s to %s from the running application: %d documents in %d collections, "
									+ "%d bytes, checksum %s, %d ms%n",
							file, target, answer.get("documents", Number.class).longValue(),
							answer.get("collections", Number.class).intValue(),
							answer.get("size", Number.class).longValue(), answer.getString("checksum"),
							answer.get("millis", Number.class).longValue());
					return;
				}
			}
			long started = System.nanoTime();
			Path copy = BackupWriter.scratch(target);
			OnlineBackup.copyStopped(file, copy);
			Backup backup = BackupWriter.write(copy, target, this.clock.instant(), started);
			this.out.printf("Backed up %s to %s: %d documents in %d collections, %d bytes, checksum %s, %d ms%n", file,
					target, backup.documents(), backup.collections().size(), backup.size(), backup.checksum(),
					backup.took().toMillis());
		}
		catch (IOException ex) {
			throw new BackupException("The backup could not be written to " + target + ": " + ex, ex);
		}
	}

	/**
	 * The running instance's answer, or {@code null} when nobody answers on the port (a
	 * port file left by a crash): then the file is opened directly, which fails if it is
	 * locked all the same.
	 */
	private Document askRunningInstance(String port, Path file) {
		MongoClientSettings settings = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + port + "/"))
			.applyToClusterSettings((cluster) -> cluster.serverSelectionTimeout(3, TimeUnit.SECONDS))
			.applyToSocketSettings((socket) -> socket.connectTimeout(3, TimeUnit.SECONDS))
			.build();
		try (MongoClient client = MongoClients.create(settings)) {
			return client.getDatabase("admin")
				.runCommand(new Document(BackupCommandHandler.COMMAND, 1).append("file", file.toString()));
		}
		catch (MongoCommandException ex) {
			if (ex.getErrorCode() == BackupCommandHandler.FAILED) {
				throw new BackupException(ex.getErrorMessage(), ex);
			}
			// not an instance of this application on that port
			return null;
		}
		catch (MongoException ex) {
			return null;
		}
	}

	private void restore(Path backup, Path dataDir) {
		DatabaseRestore.Restored restored = DatabaseRestore.restore(backup, dataDir.toAbsolutePath().normalize());
		this.out.printf("Restored %s into %s: %d documents in %d collections, taken at %s, checksum %s%n", backup,
				restored.file().getParent(), restored.manifest().documents(), restored.manifest().collections().size(),
				restored.manifest().takenAt(), restored.checksum());
	}

	/** Logback's default, with no configuration loaded yet, prints every debug line. */
	private static void quietLogging() {
		if (LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
			root.setLevel(Level.WARN);
		}
	}

}
