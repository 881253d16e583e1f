package com.novanta.beacon;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The tests' beacon: a drand chain of the quicknet scheme whose key is fixed here, served
 * over HTTP by a relay in this JVM and read by the real {@link DrandBeacon}, which
 * verifies every round against the pinned public key as it does quicknet's. Because the
 * key is fixed, every relay (in this JVM or another) serves the same rounds and a test
 * can know a round's value before the draw fetches it ({@link #value}). The relay can be
 * made to fail ({@link Relay#answer}) to test a beacon that is down or lies; tests that
 * do put it back ({@link Relay#reset}).
 */
public final class TestBeacon {

	/** The chain's hash (made up: SHA-256 of "novanta test beacon"). */
	public static final String CHAIN = HexFormat.of()
		.formatHex(HashToG1.sha256().digest("novanta test beacon".getBytes(StandardCharsets.UTF_8)));

	public static final Instant GENESIS = Instant.parse("2020-01-01T00:00:00Z");

	public static final Duration PERIOD = Duration.ofSeconds(3);

	private static final BigInteger SECRET = new BigInteger(1,
			HashToG1.sha256().digest("novanta test beacon key".getBytes(StandardCharsets.UTF_8)))
		.mod(Bls12381.ORDER);

	public static final String PUBLIC_KEY = HexFormat.of().formatHex(Bls12381.publicKey(SECRET));

	private static final DrandChain chain = new DrandChain(CHAIN, PUBLIC_KEY, GENESIS, PERIOD);

	private static final Map<Long, String> signatures = new ConcurrentHashMap<>();

	private static Relay relay;

	private TestBeacon() {
	}

	/** The relay of this JVM, started the first time it is asked for. */
	public static synchronized Relay relay() {
		if (relay == null) {
			relay = new Relay();
		}
		return relay;
	}

	/** The round published first at or after {@code instant}. */
	public static long roundAt(Instant instant) {
		return chain.roundAt(instant);
	}

	/** A round's signature, hex. */
	public static String signature(long round) {
		return signatures.computeIfAbsent(round,
				(r) -> HexFormat.of().formatHex(Bls12381.sign(SECRET, DrandChain.message(r), DrandChain.QUICKNET_DST)));
	}

	/** A round's value: SHA-256 of its signature, hex. */
	public static String value(long round) {
		return HexFormat.of().formatHex(DrandChain.randomness(HexFormat.of().parseHex(signature(round))));
	}

	/** A drand beacon reading this JVM's relay, with short timeouts. */
	public static RandomnessBeacon beacon(Clock clock) {
		return new DrandBeacon(chain, List.of(relay().url()), Duration.ofSeconds(1), Duration.ofSeconds(2), clock);
	}

	/**
	 * The command-line arguments that make an application outside dev mode read this
	 * chain from this JVM's relay, its lotteries' rounds due at their close.
	 */
	public static List<String> arguments() {
		return List.of("--lottery.fairness.beacon.urls=" + relay().url(),
				"--lottery.fairness.beacon.chain-hash=" + CHAIN, "--lottery.fairness.beacon.public-key=" + PUBLIC_KEY,
				"--lottery.fairness.beacon.genesis=" + GENESIS, "--lottery.fairness.beacon.period=" + PERIOD,
				"--lottery.fairness.beacon.margin=0s");
	}

	/** The test beacon as the application's beacon (dev mode would use its DEV one). */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Configuration {

		@Bean
		@Primary
		RandomnessBeacon testBeacon(Clock clock) {
			return beacon(clock);
		}

	}

	/** How the relay answers. */
	public enum Answer {

		/** Every round asked for, as drand serves it. */
		ROUNDS,

		/** HTTP 503: the beacon is down. */
		DOWN,

		/** A round signed by another key: a relay that lies. */
		FORGED

	}

	/** An HTTP relay of the test chain, on a free port of this machine. */
	public static final class Relay {

		private final HttpServer server;

		private final AtomicReference<Answer> answer = new AtomicReference<>(Answer.ROUNDS);

		private final AtomicInteger requests = new AtomicInteger();

		private Relay() {
			try {
				this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.server.createContext("/" + CHAIN + "/public/", this::serve);
			this.server.start();
		}

		public URI url() {
			return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort());
		}

		/** From now on, answers so. */
		public void answer(Answer answer) {
			this.answer.set(answer);
		}

		/** Serves rounds again. */
		public void reset() {
			this.answer.set(Answer.ROUNDS);
		}

		/** How many rounds were asked for so far. */
		public int requests() {
			return this.requests.get();
		}

		private void serve(HttpExchange exchange) throws IOException {
			this.requests.incrementAndGet();
			try (exchange) {
				String path = exchange.getRequestURI().getPath();
				long round;
				try {
					round = Long.parseLong(path.substring(path.lastIndexOf('/') + 1));
				}
				catch (NumberFormatException ex) {
					exchange.sendResponseHeaders(404, -1);
					return;
				}
				Answer answer = this.answer.get();
				if (answer == Answer.DOWN) {
					exchange.sendResponseHeaders(503, -1);
					return;
				}
				String signature = (answer == Answer.FORGED) ? signature(round + 1) : signature(round);
				byte[] body = ("{\"round\":" + round + ",\"randomness\":\""
						+ HexFormat.of().formatHex(DrandChain.randomness(HexFormat.of().parseHex(signature)))
						+ "\",\"signature\":\"" + signature + "\"}")
					.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}

	}

}
