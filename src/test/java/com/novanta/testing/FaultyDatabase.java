package com.novanta.testing;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicReference;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * An external MongoDB-compatible server for fault tests: it can go down and come back on
 * the same port with the same data, and it can drop the connection of one chosen command,
 * before or after carrying it out, as a database that fails in the middle of a request.
 * The port is its own from construction to {@link #close()} ({@link ReservedPort}).
 */
public final class FaultyDatabase implements AutoCloseable {

	private final KeptBackend backend = new KeptBackend();

	private final ReservedPort port;

	private volatile MongoServer server;

	/**
	 * A database that is down until {@link #start()}, on a port of its own from now on.
	 */
	public FaultyDatabase() throws IOException {
		this.port = new ReservedPort();
	}

	public String uri() {
		return "mongodb://" + this.port.address().getHostAddress() + ":" + this.port.port() + "/novanta";
	}

	public synchronized void start() throws IOException {
		if (this.server == null) {
			this.server = this.port.bind((port) -> {
				MongoServer started = new MongoServer(this.backend);
				started.bind(this.port.address().getHostAddress(), port);
				return started;
			});
		}
	}

	/** Goes down: every connection is closed and new ones are refused. */
	public synchronized void stop() {
		if (this.server != null) {
			this.server.shutdownNow();
			this.server = null;
		}
	}

	/**
	 * The next {@code command} on {@code collection} loses its connection: before the
	 * database carries it out, or after (the client cannot know which).
	 */
	public void dropConnectionOn(String command, String collection, boolean afterApplying) {
		onCommand(command, collection, afterApplying, () -> {
		});
	}

	/**
	 * Runs {@code action} at the next {@code command} on {@code collection} (before or
	 * after carrying it out), then drops that connection: for a test that kills the
	 * client's process at that very point.
	 */
	public void onCommand(String command, String collection, boolean afterApplying, Runnable action) {
		this.backend.trap.set(new Trap(command, collection, afterApplying, action));
	}

	@Override
	public void close() throws IOException {
		stop();
		this.backend.closeForGood();
		this.port.close();
	}

	private record Trap(String command, String collection, boolean afterApplying, Runnable action) {

		boolean matches(String command, Document query) {
			return this.command.equalsIgnoreCase(command) && this.collection.equals(query.get(command));
		}

	}

	/** Keeps its data when the server goes down, as a database's disk does. */
	private static final class KeptBackend extends MemoryBackend {

		final AtomicReference<Trap> trap = new AtomicReference<>();

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			Trap armed = this.trap.get();
			if (armed != null && armed.matches(command, query) && this.trap.compareAndSet(armed, null)) {
				if (armed.afterApplying()) {
					super.handleCommand(channel, databaseName, command, query);
				}
				armed.action().run();
				channel.close();
				throw new IllegalStateException("connection dropped by the test");
			}
			return super.handleCommand(channel, databaseName, command, query);
		}

		@Override
		public void close() {
			// the server went down; the data stays for when it comes back
		}

		void closeForGood() {
			super.close();
		}

	}

}
