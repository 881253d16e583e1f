package com.novanta.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.novanta.testing.ReservedPort;

/**
 * A small real SMTP server for the fault tests: it speaks enough SMTP for JavaMail, keeps
 * what it receives, answers {@code 550} to chosen recipients, and can be stopped and
 * started again on the same port, as an SMTP server that goes down and comes back. The
 * port is its own from construction to {@link #close()} ({@link ReservedPort}).
 */
public final class TestSmtpServer implements AutoCloseable {

	private final ReservedPort port;

	private final Set<String> rejected = ConcurrentHashMap.newKeySet();

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private volatile ServerSocket socket;

	private Thread acceptor;

	/** A server that is down until {@link #start()}, on a port of its own from now on. */
	public TestSmtpServer() throws IOException {
		this.port = new ReservedPort();
	}

	public int port() {
		return this.port.port();
	}

	/** Answers 550 to this recipient from now on. */
	public void reject(String address) {
		this.rejected.add(address.toLowerCase(Locale.ROOT));
	}

	/** Accepts this recipient again. */
	public void unreject(String address) {
		this.rejected.remove(address.toLowerCase(Locale.ROOT));
	}

	public List<Received> received() {
		return List.copyOf(this.received);
	}

	/** How many messages were accepted for this recipient. */
	public long receivedBy(String address) {
		return this.received.stream().filter((message) -> message.recipients().contains(address)).count();
	}

	public synchronized void start() throws IOException {
		if (this.socket != null) {
			return;
		}
		ServerSocket server = this.port.bind((port) -> {
			ServerSocket listening = new ServerSocket();
			listening.setReuseAddress(true);
			listening.bind(new InetSocketAddress(this.port.address(), port));
			return listening;
		});
		this.socket = server;
		this.acceptor = new Thread(() -> accept(server), "test-smtp-" + port());
		this.acceptor.setDaemon(true);
		this.acceptor.start();
	}

	/**
	 * Stops listening: from its return, connections are refused, as by a server that is
	 * down.
	 */
	public synchronized void stop() throws IOException {
		if (this.socket != null) {
			this.socket.close();
			this.socket = null;
			// The socket stays open, and takes connections, until the thread blocked in
			// accept() leaves it.
			try {
				this.acceptor.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("Interrupted while stopping", ex);
			}
		}
	}

	@Override
	public void close() throws IOException {
		stop();
		this.port.close();
	}

	private void accept(ServerSocket server) {
		while (!server.isClosed()) {
			try {
				Socket client = server.accept();
				if (server.isClosed()) {
					// taken while stopping: the server is down
					client.close();
					return;
				}
				Thread session = new Thread(() -> serve(client), "test-smtp-session");
				session.setDaemon(true);
				session.start();
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket client) {
		try (client) {
			BufferedReader in = new BufferedReader(
					new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
			OutputStream out = client.getOutputStream();
			reply(out, "220 test-smtp ready");
			List<String> recipients = new ArrayList<>();
			for (String line = in.readLine(); line != null; line = in.readLine()) {
				String command = line.toUpperCase(Locale.ROOT);
				if (command.startsWith("EHLO") || command.startsWith("HELO")) {
					reply(out, "250 test-smtp");
				}
				else if (command.startsWith("MAIL FROM")) {
					recipients.clear();
					reply(out, "250 OK");
				}
				else if (command.startsWith("RCPT TO")) {
					String address = line.substring(line.indexOf('<') + 1, line.indexOf('>')).toLowerCase(Locale.ROOT);
					if (this.rejected.contains(address)) {
						reply(out, "550 5.1.1 No such user here");
					}
					else {
						recipients.add(address);
						reply(out, "250 OK");
					}
				}
				else if (command.equals("DATA")) {
					reply(out, "354 End data with <CR><LF>.<CR><LF>");
					StringBuilder data = new StringBuilder();
					for (String body = in.readLine(); body != null && !body.equals("."); body = in.readLine()) {
						data.append(body.startsWith("..") ? body.substring(1) : body).append("\n");
					}
					this.received.add(new Received(List.copyOf(recipients), data.toString()));
					reply(out, "250 OK queued");
				}
				else if (command.startsWith("RSET")) {
					recipients.clear();
					reply(out, "250 OK");
				}
				else if (command.startsWith("QUIT")) {
					reply(out, "221 Bye");
					return;
				}
				else {
					reply(out, "250 OK");
				}
			}
		}
		catch (IOException ex) {
			// the client went away
		}
	}

	private static void reply(OutputStream out, String line) throws IOException {
		out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
		out.flush();
	}

	/**
	 * A message the server accepted.
	 *
	 * @param recipients who it was for
	 * @param data the message as sent
	 */
	public record Received(List<String> recipients, String data) {
	}

}
