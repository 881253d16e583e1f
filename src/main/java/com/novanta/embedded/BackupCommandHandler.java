package com.novanta.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.bson.Document;

/**
 * The embedded server's own command {@code novantaBackup}, by which
 * {@code java -jar novanta.jar backup <file>} asks the running application for a backup
 * (the application holds the database file's lock, so the command cannot open it). It
 * writes the backup into the backups directory, as the admin action does, and answers its
 * name; nothing of the request chooses where a file is written. The request names the
 * database file it means, so that a port file left behind by a crash, now pointing at
 * another instance, never backs up the wrong database.
 */
final class BackupCommandHandler {

	static final String COMMAND = "novantaBackup";

	static final int FAILED = 8000;

	private final DatabaseBackups backups;

	private final Path file;

	BackupCommandHandler(DatabaseBackups backups, Path file) {
		this.backups = backups;
		this.file = file;
	}

	Document answer(Document query) {
		Object meant = query.get("file");
		if (!(meant instanceof String name) || !Path.of(name).toAbsolutePath().normalize().equals(this.file)) {
			return failure("This instance runs on " + this.file + ", not on " + meant);
		}
		try {
			Backup backup = this.backups.backUpNow();
			Document answer = new Document("ok", 1.0);
			answer.put("file", this.backups.directory().resolve(backup.fileName()).toString());
			answer.put("size", backup.size());
			answer.put("checksum", backup.checksum());
			answer.put("millis", backup.took().toMillis());
			answer.put("documents", backup.documents());
			answer.put("collections", backup.collections().size());
			return answer;
		}
		catch (BackupException ex) {
			return failure(ex.getMessage());
		}
	}

	private static Document failure(String message) {
		Document answer = new Document("ok", 0.0);
		answer.put("errmsg", message);
		answer.put("code", FAILED);
		answer.put("codeName", "NovantaBackupFailed");
		return answer;
	}

}
