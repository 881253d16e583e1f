package com.novanta.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A backup file: a zip of the database file ({@code novanta.mv.db}), its manifest
 * ({@link BackupManifest}, which holds the database file's SHA-256) and the manifest's
 * SHA-256 ({@code manifest.sha256}): the backup's checksum, which covers it all. A zip so
 * that an operator can look into one with everyday tools.
 */
final class BackupArchive {

	static final String DATABASE = EmbeddedMongoServer.FILE_NAME;

	static final String MANIFEST = "manifest.txt";

	static final String CHECKSUM = "manifest.sha256";

	private BackupArchive() {
	}

	/**
	 * Writes a backup of {@code database} (a closed H2 file) to {@code target}, which
	 * must not exist.
	 * @return the backup's checksum
	 */
	static String write(Path database, BackupManifest manifest, Path target) throws IOException {
		byte[] manifestBytes = manifest.bytes();
		String checksum = sha256(manifestBytes);
		try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW);
				ZipOutputStream zip = new ZipOutputStream(file)) {
			// the fastest level: a compacted H2 file shrinks to about a third with it,
			// and
			// the stronger levels cost several times the time for a few per cent more
			zip.setLevel(Deflater.BEST_SPEED);
			zip.putNextEntry(new ZipEntry(DATABASE));
			Files.copy(database, zip);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(MANIFEST));
			zip.write(manifestBytes);
			zip.closeEntry();
			zip.putNextEntry(new ZipEntry(CHECKSUM));
			zip.write((checksum + "\n").getBytes(StandardCharsets.US_ASCII));
			zip.closeEntry();
		}
		return checksum;
	}

	/**
	 * Reads a backup's manifest after checking the backup whole: the manifest against its
	 * checksum, the database file against the manifest. Writes nothing.
	 * @throws BackupException if it is not a backup, or not the one it was
	 */
	static Verified verify(Path backup) {
		try (ZipFile zip = new ZipFile(backup.toFile())) {
			byte[] manifestBytes = read(zip, MANIFEST);
			String checksum = new String(read(zip, CHECKSUM), StandardCharsets.US_ASCII).trim();
			if (!checksum.equals(sha256(manifestBytes))) {
				throw new BackupException(
						"The backup " + backup + " does not match its checksum: its manifest was changed or damaged");
			}
			BackupManifest manifest = BackupManifest.parse(manifestBytes);
			MessageDigest digest = sha256();
			long size;
			try (InputStream in = new DigestInputStream(open(zip, DATABASE), digest)) {
				size = in.transferTo(OutputStream.nullOutputStream());
			}
			if (size != manifest.databaseSize()
					|| !HexFormat.of().formatHex(digest.digest()).equals(manifest.databaseSha256())) {
				throw new BackupException("The backup " + backup
						+ " does not match its checksum: its database file was changed or damaged");
			}
			return new Verified(manifest, checksum);
		}
		catch (ZipException ex) {
			throw new BackupException("The file " + backup + " is not a backup or is damaged (" + ex.getMessage() + ")",
					ex);
		}
		catch (IOException ex) {
			throw new BackupException("The backup " + backup + " cannot be read: " + ex, ex);
		}
	}

	/**
	 * Writes the backup's database file to {@code target} (which must not exist) and
	 * checks it against the manifest again while doing so.
	 */
	static void extract(Path backup, BackupManifest manifest, Path target) throws IOException {
		try (ZipFile zip = new ZipFile(backup.toFile())) {
			MessageDigest digest = sha256();
			try (InputStream in = new DigestInputStream(open(zip, DATABASE), digest);
					OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
				in.transferTo(out);
			}
			if (!HexFormat.of().formatHex(digest.digest()).equals(manifest.databaseSha256())) {
				throw new BackupException("The backup " + backup + " changed while it was being restored");
			}
		}
	}

	static String sha256(Path file) throws IOException {
		MessageDigest digest = sha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static String sha256(byte[] bytes) {
		return HexFormat.of().formatHex(sha256().digest(bytes));
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

	private static InputStream open(ZipFile zip, String name) throws IOException {
		ZipEntry entry = zip.getEntry(name);
		if (entry == null) {
			throw new ZipException("no " + name + " in it");
		}
		return zip.getInputStream(entry);
	}

	private static byte[] read(ZipFile zip, String name) throws IOException {
		try (InputStream in = open(zip, name)) {
			return in.readNBytes(1 << 20);
		}
	}

	/** A backup that matches its checksum. */
	record Verified(BackupManifest manifest, String checksum) {
	}

}
