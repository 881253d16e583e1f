package com.novanta.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;

/**
 * A loopback TCP port that is a test server's from the moment it is chosen until it is
 * closed, for a server that goes down and comes back on the same port. The system picks
 * it (a bind to port 0, never a port found free and let go), and a socket bound to it
 * keeps it: no other program's bind to port 0 nor outgoing connection gets it while the
 * server is down. That socket does not listen, so connections are refused then, as by a
 * server that is down.
 *
 * <p>
 * The server binds beside it: Linux lets two sockets that both ask for
 * {@code SO_REUSEADDR} share a port when no other listens on it (a Java server socket
 * asks for it by default there). Where a system refuses, the port is let go just before
 * the server binds it.
 */
public final class ReservedPort implements AutoCloseable {

	private static final InetAddress LOOPBACK;

	static {
		try {
			LOOPBACK = InetAddress.getByAddress("localhost", new byte[] { 127, 0, 0, 1 });
		}
		catch (UnknownHostException ex) {
			throw new ExceptionInInitializerError(ex);
		}
	}

	private final Socket hold = new Socket();

	private final int port;

	public ReservedPort() throws IOException {
		this.hold.setReuseAddress(true);
		this.hold.bind(new InetSocketAddress(address(), 0));
		this.port = this.hold.getLocalPort();
	}

	public int port() {
		return this.port;
	}

	/**
	 * The address the port is on, for the server to bind: 127.0.0.1, the address its
	 * clients are given.
	 */
	public InetAddress address() {
		return LOOPBACK;
	}

	/**
	 * Binds a server to this port with {@code binder}, beside the socket that holds it
	 * or, where the system refuses, in its place.
	 */
	public synchronized <T> T bind(Binder<T> binder) throws IOException {
		try {
			return binder.bind(this.port);
		}
		catch (IOException | RuntimeException ex) {
			if (this.hold.isClosed()) {
				throw ex;
			}
			this.hold.close();
			return binder.bind(this.port);
		}
	}

	@Override
	public synchronized void close() throws IOException {
		this.hold.close();
	}

	/**
	 * Binds a server to a port.
	 *
	 * @param <T> the server
	 */
	@FunctionalInterface
	public interface Binder<T> {

		T bind(int port) throws IOException;

	}

}
