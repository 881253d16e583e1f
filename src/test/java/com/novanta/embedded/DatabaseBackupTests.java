package com.novanta.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import java.util.stream.Stream;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.novanta.testing.AllAtOnce;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Backups of the embedded H2 database taken while writers run, restored into a fresh
 * directory and opened by a fresh server; and the restores that must refuse.
 */
class DatabaseBackupTests {

	private static final int WRITERS = 4;

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneOffset.UTC);

	@TempDir
	Path root;

	/**
	 * What "consistent" means here: the backup holds the database as it was between two
	 * write commands. Each writer does, over and over, three commands in order (insert
	 * ballot i, set its counter to i, insert audit entry i), so the backup must hold, for
	 * each writer, a prefix of its commands: ballots 1..b and audit entries 1..a with no
	 * gap, the counter at c, with b &ge; c &ge; a &ge; b - 1; that prefix holds every
	 * command acknowledged before the backup began and none begun after it ended. The
	 * documents written before the writers started are restored field for field, and the
	 * restored indexes answer (a unique one refuses a duplicate).
	 */
	@Test
	void aBackupTakenWhileWritersRunRestoresTheDatabaseAsItWasBetweenTwoWrites() throws Exception {
		EmbeddedMongoServer live = EmbeddedMongoServer.startFileBacked(this.root.resolve("live"));
		DatabaseBackups backups = new DatabaseBackups(live, CLOCK);
		AtomicLongArray acknowledged = new AtomicLongArray(WRITERS);
		AtomicLongArray begun = new AtomicLongArray(WRITERS);
		long[] acknowledgedBefore = new long[WRITERS];
		long[] begunAfter = new long[WRITERS];
		List<Document> people;
		Backup backup;
		try (MongoClient client = MongoClients.create(live.connectionString())) {
			MongoDatabase db = client.getDatabase(EmbeddedMongoServer.DATABASE_NAME);
			people = fill(db);
			AtomicBoolean stop = new AtomicBoolean();
			CountDownLatch warmedUp = new CountDownLatch(WRITERS);
			CountDownLatch afterwards = new CountDownLatch(WRITERS);
			Backup[] taken = new Backup[1];
			AllAtOnce.run(WRITERS + 1, (task) -> () -> {
				if (task == WRITERS) {
					assertThat(warmedUp.await(60, TimeUnit.SECONDS)).isTrue();
					for (int w = 0; w < WRITERS; w++) {
						acknowledgedBefore[w] = acknowledged.get(w);
					}
					taken[0] = backups.backUpNow();
					for (int w = 0; w < WRITERS; w++) {
						begunAfter[w] = begun.get(w);
					}
					assertThat(afterwards.await(60, TimeUnit.SECONDS)).isTrue();
					stop.set(true);
				}
				else {
					write(db, task, begun, acknowledged, stop, warmedUp, afterwards);
				}
				return null;
			});
			backup = taken[0];
		}
		finally {
			backups.close();
			live.stop();
		}
		for (int w = 0; w < WRITERS; w++) {
			assertThat(begunAfter[w]).as("writer %d wrote while the backup ran", w)
				.isGreaterThan(acknowledgedBefore[w]);
		}
		assertThat(backup.fileName()).isEqualTo("novanta-2026-12-01T10-15-30Z.zip");
		assertThat(backup.takenAt()).isEqualTo(CLOCK.instant());

		Path restoredDir = this.root.resolve("restored");
		DatabaseRestore.restore(backups.directory().resolve(backup.fileName()), restoredDir);
		EmbeddedMongoServer restored = EmbeddedMongoServer.startFileBacked(restoredDir);
		try (MongoClient client = MongoClients.create(restored.connectionString())) {
			MongoDatabase db = client.getDatabase(EmbeddedMongoServer.DATABASE_NAME);
			assertThat(db.getCollection("people").find().sort(Sorts.ascending("_id")).into(new ArrayList<>()))
				.isEqualTo(people);
			Map<String, Long> counts = new TreeMap<>();
			for (String name : db.listCollectionNames()) {
				counts.put(EmbeddedMongoServer.DATABASE_NAME + "." + name, db.getCollection(name).countDocuments());
			}
			assertThat(counts).isEqualTo(backup.collections());
			for (int w = 0; w < WRITERS; w++) {
				long commands = assertPrefix(db, w);
				assertThat(commands).as("writer %d's commands in the backup", w)
					.isBetween(acknowledgedBefore[w], begunAfter[w]);
			}
			assertThat(db.getCollection("people").find(Filters.eq("email", "p17@example.com")).first())
				.isEqualTo(people.get(17));
			assertThatExceptionOfType(MongoWriteException.class).isThrownBy(() -> db.getCollection("ballots")
				.insertOne(new Document("_id", "again").append("writer", 0).append("seq", 1)));
		}
		finally {
			restored.stop();
		}
	}

	@Test
	void refusesABackupWhoseDatabaseFileWasChangedAndWritesNothing() throws Exception {
		Path backup = backupOfAFewDocuments();
		Path tampered = this.root.resolve("tampered.zip");
		rewrite(backup, tampered, BackupArchive.DATABASE, (bytes) -> {
			bytes[bytes.length / 2] ^= 1;
			return bytes;
		});
		Path target = this.root.resolve("target");
		assertThatExceptionOfType(BackupException.class).isThrownBy(() -> DatabaseRestore.restore(tampered, target))
			.withMessageContaining("does not match its checksum");
		assertThat(target).doesNotExist();
	}

	@Test
	void refusesABackupWhoseManifestWasChangedAndWritesNothing() throws Exception {
		Path backup = backupOfAFewDocuments();
		Path tampered = this.root.resolve("tampered.zip");
		rewrite(backup, tampered, BackupArchive.MANIFEST,
				(bytes) -> new String(bytes, StandardCharsets.UTF_8).replace("novanta.people=3", "novanta.people=4")
					.getBytes(StandardCharsets.UTF_8));
		Path target = Files.createDirectories(this.root.resolve("target"));
		assertThatExceptionOfType(BackupException.class).isThrownBy(() -> DatabaseRestore.restore(tampered, target))
			.withMessageContaining("does not match its checksum");
		assertThat(target).isEmptyDirectory();
	}

	@Test
	void refusesSomethingThatIsNotABackup() throws Exception {
		Path notABackup = Files.writeString(this.root.resolve("notes.zip"), "not a zip");
		Path target = this.root.resolve("target");
		assertThatExceptionOfType(BackupException.class).isThrownBy(() -> DatabaseRestore.restore(notABackup, target))
			.withMessageContaining("is not a backup");
		assertThat(target).doesNotExist();
	}

	@Test
	void refusesADirectoryThatIsNotEmptyAndChangesNothing() throws Exception {
		Path backup = backupOfAFewDocuments();
		Path target = Files.createDirectories(this.root.resolve("in-use"));
		Files.writeString(target.resolve("notes.txt"), "mine");
		assertThatExceptionOfType(BackupException.class).isThrownBy(() -> DatabaseRestore.restore(backup, target))
			.withMessageContaining("is not empty");
		try (Stream<Path> files = Files.list(target)) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactly("notes.txt");
		}
		assertThat(target.resolve("notes.txt")).hasContent("mine");
	}

	@Test
	void listsTheBackupsNewestFirst() throws Exception {
		EmbeddedMongoServer live = EmbeddedMongoServer.startFileBacked(this.root.resolve("live"));
		DatabaseBackups backups = new DatabaseBackups(live, CLOCK);
		try {
			Backup first = backups.backUpNow();
			Backup second = backups.backUpNow();
			assertThat(second.fileName()).isEqualTo("novanta-2026-12-01T10-15-30Z-2.zip");
			assertThat(backups.list()).extracting(DatabaseBackups.StoredBackup::fileName)
				.containsExactly(second.fileName(), first.fileName());
			assertThat(this.root.resolve("live").resolve(DatabaseBackups.PORT_FILE)).exists();
		}
		finally {
			backups.close();
			live.stop();
		}
		assertThat(this.root.resolve("live").resolve(DatabaseBackups.PORT_FILE)).doesNotExist();
	}

	private Path backupOfAFewDocuments() {
		EmbeddedMongoServer live = EmbeddedMongoServer.startFileBacked(this.root.resolve("few"));
		DatabaseBackups backups = new DatabaseBackups(live, CLOCK);
		try (MongoClient client = MongoClients.create(live.connectionString())) {
			MongoCollection<Document> people = client.getDatabase(EmbeddedMongoServer.DATABASE_NAME)
				.getCollection("people");
			for (int i = 0; i < 3; i++) {
				people.insertOne(new Document("_id", i).append("name", "P" + i));
			}
			return backups.directory().resolve(backups.backUpNow().fileName());
		}
		finally {
			backups.close();
			live.stop();
		}
	}

	private static List<Document> fill(MongoDatabase db) {
		MongoCollection<Document> people = db.getCollection("people");
		people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
		people.createIndex(Indexes.ascending("city"));
		List<Document> all = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			all.add(new Document("_id", i).append("email", "p" + i + "@example.com")
				.append("city", "City " + (i % 7))
				.append("joined", Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i)))
				.append("limits", new Document("daily", i % 10).append("games", List.of("daily", "weekly"))));
		}
		people.insertMany(all);
		db.getCollection("ballots").createIndex(Indexes.ascending("writer", "seq"), new IndexOptions().unique(true));
		db.getCollection("audit").createIndex(Indexes.ascending("writer"));
		return all;
	}

	/** Ballot i, counter i, audit entry i, for i = 1, 2, ... until told to stop. */
	private static void write(MongoDatabase db, int writer, AtomicLongArray begun, AtomicLongArray acknowledged,
			AtomicBoolean stop, CountDownLatch warmedUp, CountDownLatch afterwards) {
		MongoCollection<Document> ballots = db.getCollection("ballots");
		MongoCollection<Document> counters = db.getCollection("counters");
		MongoCollection<Document> audit = db.getCollection("audit");
		long commands = 0;
		for (int i = 1; !stop.get(); i++) {
			begun.set(writer, ++commands);
			ballots.insertOne(ballot(writer, i));
			acknowledged.set(writer, commands);
			begun.set(writer, ++commands);
			counters.updateOne(Filters.eq("_id", writer), Updates.set("n", i), new UpdateOptions().upsert(true));
			acknowledged.set(writer, commands);
			begun.set(writer, ++commands);
			audit.insertOne(new Document("_id", writer + "-" + i).append("writer", writer).append("seq", i));
			acknowledged.set(writer, commands);
			if (i == 100) {
				warmedUp.countDown();
			}
			if (stop.get() || begun.get(writer) > 0 && i % 50 == 0) {
				afterwards.countDown();
			}
		}
	}

	private static Document ballot(int writer, int seq) {
		return new Document("_id", writer + "/" + seq).append("writer", writer)
			.append("seq", seq)
			.append("numbers", List.of(seq % 90 + 1, writer + 1));
	}

	/**
	 * Checks that the restored documents of one writer are a prefix of its commands.
	 * @return how many of its commands they hold
	 */
	private static long assertPrefix(MongoDatabase db, int writer) {
		List<Document> ballots = db.getCollection("ballots")
			.find(Filters.eq("writer", writer))
			.sort(Sorts.ascending("seq"))
			.into(new ArrayList<>());
		List<Integer> audit = db.getCollection("audit")
			.find(Filters.eq("writer", writer))
			.sort(Sorts.ascending("seq"))
			.map((entry) -> entry.getInteger("seq"))
			.into(new ArrayList<>());
		Document counter = db.getCollection("counters").find(Filters.eq("_id", writer)).first();
		int b = ballots.size();
		int a = audit.size();
		int c = (counter != null) ? counter.getInteger("n") : 0;
		for (int i = 0; i < b; i++) {
			assertThat(ballots.get(i)).isEqualTo(ballot(writer, i + 1));
		}
		for (int i = 0; i < a; i++) {
			assertThat(audit.get(i)).isEqualTo(i + 1);
		}
		assertThat(List.of(List.of(a, a, a), List.of(a + 1, a, a), List.of(a + 1, a + 1, a)))
			.as("writer %d: ballots, counter, audit", writer)
			.contains(List.of(b, c, a));
		return (long) b + c + a;
	}

	interface Change {

		byte[] apply(byte[] bytes);

	}

	/** Copies a backup, changing one entry (a valid zip all the same). */
	private static void rewrite(Path backup, Path target, String entryName, Change change) throws IOException {
		try (ZipFile zip = new ZipFile(backup.toFile());
				OutputStream file = Files.newOutputStream(target);
				ZipOutputStream out = new ZipOutputStream(file)) {
			for (ZipEntry entry : Collections.list(zip.entries())) {
				byte[] bytes;
				try (InputStream in = zip.getInputStream(entry)) {
					bytes = in.readAllBytes();
				}
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(entryName.equals(entry.getName()) ? change.apply(bytes) : bytes);
				out.closeEntry();
			}
		}
	}

}
