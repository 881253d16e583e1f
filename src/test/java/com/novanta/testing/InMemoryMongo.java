package com.novanta.testing;

import java.util.function.Consumer;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * A MongoDB-compatible server in memory on a free port, with a client, for the unit tests
 * of one class that talks to the database: no application is started.
 */
public final class InMemoryMongo implements AutoCloseable {

	private final MongoServer server;

	private final MongoClient client;

	private InMemoryMongo(MongoServer server, MongoClient client) {
		this.server = server;
		this.client = client;
	}

	public static InMemoryMongo start() {
		return start((settings) -> {
		});
	}

	/** Started with the client's settings changed (a command listener, say). */
	public static InMemoryMongo start(Consumer<MongoClientSettings.Builder> settings) {
		MongoServer server = new MongoServer(new MemoryBackend());
		server.bind("127.0.0.1", 0);
		MongoClientSettings.Builder builder = MongoClientSettings.builder()
			.applyConnectionString(new ConnectionString("mongodb://127.0.0.1:" + server.getLocalAddress().getPort()));
		settings.accept(builder);
		return new InMemoryMongo(server, MongoClients.create(builder.build()));
	}

	public MongoTemplate template(String database) {
		return new MongoTemplate(this.client, database);
	}

	@Override
	public void close() {
		this.client.close();
		this.server.shutdown();
	}

}
