package com.novanta.embedded;

import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.bson.Document;

/**
 * Lets a backup find the embedded H2 database between two write commands: every write
 * command runs through the gate (shared, so writers never wait for each other), and a
 * backup closes it for the moment it commits the store. What it commits then holds every
 * write command whole or not at all: mongo-java-server writes a document, its unique
 * index entries and the collection's size as separate map changes, and H2's background
 * writer may otherwise store a version between them.
 */
final class WriteGate {

	private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

	/** Runs a command; a write command waits while a backup holds the gate. */
	<T> T pass(String command, Document query, Supplier<T> run) {
		if (!writes(command, query)) {
			return run.get();
		}
		this.lock.readLock().lock();
		try {
			return run.get();
		}
		finally {
			this.lock.readLock().unlock();
		}
	}

	/** A write command, or an aggregation that writes ({@code $out}, {@code $merge}). */
	static boolean writes(String command, Document query) {
		if (DurableWrites.writes(command)) {
			return true;
		}
		if ("aggregate".equalsIgnoreCase(command) && query.get("pipeline") instanceof List<?> stages) {
			for (Object stage : stages) {
				if (stage instanceof Document document
						&& (document.containsKey("$out") || document.containsKey("$merge"))) {
					return true;
				}
			}
		}
		return false;
	}

	/** Runs {@code action} once every running write command is done, and none starts. */
	<T> T closed(Supplier<T> action) {
		this.lock.writeLock().lock();
		try {
			return action.get();
		}
		finally {
			this.lock.writeLock().unlock();
		}
	}

}
