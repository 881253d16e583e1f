package com.novanta.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code backup <file>} and {@code restore <file> <data-dir>} as the command line runs
 * them (before Spring starts): against a running application's database, against a
 * stopped one, and the refusals, each with one line and an exit status.
 */
class DatabaseCommandsTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneOffset.UTC);

	@TempDir
	Path root;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	@Test
	void backsUpARunningApplicationsDatabaseThroughItAndRestoresIt() {
		Path dataDir = this.root.resolve("data");
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dataDir);
		DatabaseBackups backups = new DatabaseBackups(server, CLOCK);
		Path backup = this.root.resolve("tonight.zip");
		try {
			insert(server, "kept", 3);
			assertThat(run(dataDir, "backup", backup.toString())).as(errors()).isZero();
		}
		finally {
			backups.close();
			server.stop();
		}
		assertThat(output()).startsWith("Backed up").contains("from the running application").contains("3 documents");
		assertThat(backup).isRegularFile();
		assertThat(dataDir.resolve("backups")).isEmptyDirectory();

		Path restoredDir = this.root.resolve("restored");
		assertThat(run(dataDir, "restore", backup.toString(), restoredDir.toString())).as(errors()).isZero();
		assertThat(output()).contains("Restored").contains("3 documents in 1 collections");
		EmbeddedMongoServer restored = EmbeddedMongoServer.startFileBacked(restoredDir);
		try (MongoClient client = MongoClients.create(restored.connectionString())) {
			assertThat(client.getDatabase(EmbeddedMongoServer.DATABASE_NAME).getCollection("kept").countDocuments())
				.isEqualTo(3);
		}
		finally {
			restored.stop();
		}
	}

	@Test
	void backsUpAStoppedDatabaseByOpeningItsFile() {
		Path dataDir = this.root.resolve("data");
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dataDir);
		try {
			insert(server, "kept", 2);
		}
		finally {
			server.stop();
		}
		Path backup = this.root.resolve("offline.zip");
		assertThat(run(dataDir, "backup", backup.toString())).as(errors()).isZero();
		assertThat(output()).startsWith("Backed up").doesNotContain("running").contains("2 documents");
		assertThat(BackupArchive.verify(backup).manifest().collections()).containsEntry("novanta.kept", 2L);
	}

	@Test
	void refusesToOverwriteAFileOrToRestoreIntoADirectoryInUse() throws Exception {
		Path dataDir = this.root.resolve("data");
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(dataDir);
		DatabaseBackups backups = new DatabaseBackups(server, CLOCK);
		try {
			Path existing = Files.writeString(this.root.resolve("existing.zip"), "mine");
			assertThat(run(dataDir, "backup", existing.toString())).isEqualTo(1);
			assertThat(errors()).startsWith("backup failed:").contains("already exists");
			assertThat(existing).hasContent("mine");

			Path backup = this.root.resolve("b.zip");
			assertThat(run(dataDir, "backup", backup.toString())).isZero();
			assertThat(run(dataDir, "restore", backup.toString(), dataDir.toString())).isEqualTo(1);
			assertThat(errors()).contains("restore failed:").contains("is not empty");
		}
		finally {
			backups.close();
			server.stop();
		}
	}

	@Test
	void saysHowToUseItAndExitsNonZeroOnAWrongCommandLine() {
		assertThat(run(this.root, "restore", "only-one-argument")).isEqualTo(2);
		assertThat(errors()).startsWith("Usage:");
		assertThat(DatabaseCommands.handles(new String[] { "backup", "x" })).isTrue();
		assertThat(DatabaseCommands.handles(new String[] { "--server.port=0" })).isFalse();
		assertThat(DatabaseCommands.handles(new String[0])).isFalse();
	}

	private int run(Path dataDir, String... args) {
		this.out.reset();
		this.err.reset();
		return new DatabaseCommands(Map.of("LOTTERY_DATA_DIR", dataDir.toString()), CLOCK,
				new PrintStream(this.out, true, StandardCharsets.UTF_8),
				new PrintStream(this.err, true, StandardCharsets.UTF_8))
			.execute(args);
	}

	private String output() {
		return this.out.toString(StandardCharsets.UTF_8);
	}

	private String errors() {
		return this.err.toString(StandardCharsets.UTF_8);
	}

	private static void insert(EmbeddedMongoServer server, String collection, int count) {
		try (MongoClient client = MongoClients.create(server.connectionString())) {
			for (int i = 0; i < count; i++) {
				client.getDatabase(EmbeddedMongoServer.DATABASE_NAME)
					.getCollection(collection)
					.insertOne(new Document("_id", i));
			}
		}
	}

}
