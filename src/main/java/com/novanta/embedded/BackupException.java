package com.novanta.embedded;

/**
 * A backup or a restore that could not be done, with a message for the operator; it
 * changed nothing.
 */
public class BackupException extends RuntimeException {

	BackupException(String message) {
		super(message);
	}

	BackupException(String message, Throwable cause) {
		super(message, cause);
	}

}
