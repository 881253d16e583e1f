package com.novanta.testing;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.novanta.notification.TestSmtpServer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The test servers that go down and come back keep their port all along: chosen by the
 * system, never free for another program to take while they are down.
 */
class ReservedPortTests {

	@Test
	void theTestSmtpServerKeepsItsPortWhileItIsDown() throws IOException {
		try (TestSmtpServer smtp = new TestSmtpServer()) {
			int port = smtp.port();
			assertHeldAndRefused(port);

			smtp.start();
			assertAnswers(port);
			smtp.stop();
			assertHeldAndRefused(port);
			smtp.start();
			assertAnswers(port);
			assertThat(smtp.port()).isEqualTo(port);
		}
	}

	@Test
	void theFaultyDatabaseKeepsItsPortWhileItIsDown() throws IOException {
		try (FaultyDatabase database = new FaultyDatabase()) {
			int port = Integer.parseInt(database.uri().replaceAll(".*:(\\d+)/.*", "$1"));
			assertHeldAndRefused(port);

			database.start();
			assertAnswers(port);
			try (MongoClient client = MongoClients.create(database.uri())) {
				client.getDatabase("novanta").getCollection("kept").insertOne(new Document("_id", "before"));
			}
			database.stop();
			assertHeldAndRefused(port);
			database.start();
			try (MongoClient client = MongoClients.create(database.uri())) {
				assertThat(client.getDatabase("novanta").getCollection("kept").countDocuments()).isEqualTo(1);
			}
		}
	}

	@Test
	void aClosedServerLetsItsPortGo() throws IOException {
		int port;
		try (TestSmtpServer smtp = new TestSmtpServer()) {
			port = smtp.port();
			smtp.start();
		}
		assertThatCode(() -> exclusiveBind(port).close()).doesNotThrowAnyException();
	}

	/**
	 * Another program cannot bind the port (a bind of its own, without sharing), and a
	 * client is refused, as by a server that is down.
	 */
	private static void assertHeldAndRefused(int port) {
		assertThatThrownBy(() -> exclusiveBind(port).close()).as("port %d held", port)
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).as("connection to %d refused", port)
			.isInstanceOf(ConnectException.class);
	}

	private static void assertAnswers(int port) throws IOException {
		try (Socket client = new Socket("127.0.0.1", port)) {
			assertThat(client.isConnected()).isTrue();
		}
	}

	private static ServerSocket exclusiveBind(int port) throws IOException {
		ServerSocket other = new ServerSocket();
		other.setReuseAddress(false);
		other.bind(new InetSocketAddress("127.0.0.1", port));
		return other;
	}

}
