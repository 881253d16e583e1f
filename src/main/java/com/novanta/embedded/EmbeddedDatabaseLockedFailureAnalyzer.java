package com.novanta.embedded;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a locked embedded database file into a clear start-up message instead of a stack
 * trace.
 */
class EmbeddedDatabaseLockedFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseLockedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseLockedException cause) {
		return new FailureAnalysis(
				"The embedded database file " + cause.getFile()
						+ " is locked: another instance of the application is already running on this data directory.",
				"Stop the other instance, or start this one with a different data directory (LOTTERY_DATA_DIR), "
						+ "or point MONGODB_URI at a real MongoDB to run several instances.",
				null);
	}

}
