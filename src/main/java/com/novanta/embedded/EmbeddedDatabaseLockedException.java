package com.novanta.embedded;

import java.nio.file.Path;

/** The embedded database file is held by another running instance of the application. */
class EmbeddedDatabaseLockedException extends RuntimeException {

	private final Path file;

	EmbeddedDatabaseLockedException(Path file, Throwable cause) {
		super("The embedded database file " + file + " is locked by another running instance", cause);
		this.file = file;
	}

	Path getFile() {
		return this.file;
	}

}
