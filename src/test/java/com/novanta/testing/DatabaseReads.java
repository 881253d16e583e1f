package com.novanta.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;

import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Shows a test the queries the test applications send, so that it can tell how a large
 * read was made (in batches, or all at once) without looking inside the code that made
 * it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class DatabaseReads {

	private static final List<Recording> recordings = new CopyOnWriteArrayList<>();

	private static final CommandListener LISTENER = new CommandListener() {

		@Override
		public void commandStarted(CommandStartedEvent event) {
			if (event.getCommandName().equals("find")) {
				recordings.forEach((recording) -> recording.seen(event.getCommand()));
			}
		}

	};

	@Bean
	MongoClientSettingsBuilderCustomizer watchDatabaseReads() {
		return (settings) -> settings.addCommandListener(LISTENER);
	}

	/**
	 * Records the filter of every {@code find} on the collection from now until the
	 * recording is closed.
	 */
	public static Recording finds(String collection) {
		Recording recording = new Recording(collection);
		recordings.add(recording);
		return recording;
	}

	/** The finds on one collection, as they are sent. */
	public static final class Recording implements AutoCloseable {

		private final String collection;

		private final List<BsonDocument> filters = new CopyOnWriteArrayList<>();

		private final List<BsonDocument> commands = new CopyOnWriteArrayList<>();

		private Recording(String collection) {
			this.collection = collection;
		}

		private void seen(BsonDocument command) {
			if (command.isString("find") && command.getString("find").getValue().equals(this.collection)) {
				this.filters
					.add(command.containsKey("filter") ? command.getDocument("filter").clone() : new BsonDocument());
				this.commands.add(command.clone());
			}
		}

		/** The filters of the finds seen so far, in order. */
		public List<BsonDocument> filters() {
			return List.copyOf(this.filters);
		}

		/**
		 * The whole find commands seen so far (filter, sort, limit, hint, projection), in
		 * order.
		 */
		public List<BsonDocument> commands() {
			return List.copyOf(this.commands);
		}

		@Override
		public void close() {
			recordings.remove(this);
		}

	}

}
