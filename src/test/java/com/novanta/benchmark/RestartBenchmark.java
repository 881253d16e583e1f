package com.novanta.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * How long a restart takes on a data file: the packaged application started as a process
 * of its own, as a platform starts it, timed from the launch to the log line saying it
 * started (its web server answers) and to the one saying every index of the file is
 * built. Two ways, one after the other, three times: as the Procfile runs it (the jar
 * extracted, with its class data sharing archive) and the jar itself. Package first
 * ({@code ./mvnw -DskipTests package}); the heap is capped as the settlement benchmark's.
 */
final class RestartBenchmark {

	private static final Path EXTRACTED = Path.of("target", "app", "novanta.jar");

	private static final Path ARCHIVE = Path.of("target", "app", "novanta.jsa");

	private static final Path JAR = Path.of("target", "novanta.jar");

	private static final long TIMEOUT_SECONDS = 180;

	private RestartBenchmark() {
	}

	/** Whether the packaged application is there to be started. */
	static boolean packaged() {
		return Files.isRegularFile(EXTRACTED) && Files.isRegularFile(ARCHIVE) && Files.isRegularFile(JAR);
	}

	static void run(Path dataDir) throws Exception {
		if (!packaged()) {
			throw new IllegalStateException("No packaged application in target/ (" + EXTRACTED + ", " + ARCHIVE + ", "
					+ JAR + "): run ./mvnw -DskipTests package first");
		}
		Path file = dataDir.resolve("novanta.mv.db");
		System.out.printf(
				"Restart benchmark on %s (%,.1f MB), %d cores, the application's heap capped at %s, Java %s%n", file,
				Files.size(file) / 1e6, Runtime.getRuntime().availableProcessors(), heap(), Runtime.version());
		for (int round = 1; round <= 3; round++) {
			report("as the Procfile runs it (extracted, class data sharing)", round,
					start(dataDir, "-XX:SharedArchiveFile=" + ARCHIVE, "-jar", EXTRACTED.toString()));
			report("the jar itself", round, start(dataDir, "-jar", JAR.toString()));
		}
	}

	private static String heap() {
		return System.getProperty("restartHeap", "512m");
	}

	private static void report(String how, int round, Timings timings) {
		System.out.printf("Restart %d, %s: started (answering) in %.1f s, every index built in %.1f s%n", round, how,
				timings.started(), timings.indexed());
	}

	/**
	 * Starts the application on {@code dataDir} with {@code launch} (how java starts it),
	 * waits for both log lines and stops it again, as a platform would (SIGTERM, its
	 * graceful shutdown).
	 */
	private static Timings start(Path dataDir, String... launch) throws Exception {
		List<String> command = new ArrayList<>(List.of("java", "-Xmx" + heap()));
		command.addAll(List.of(launch));
		// dev mode on this machine only (the embedded mail catcher; no SMTP server
		// needed),
		// nothing scheduled: what starts is the application and its file
		command.addAll(List.of("--server.port=0", "--server.address=127.0.0.1", "--lottery.dev.enabled=true",
				"--lottery.database.data-dir=" + dataDir.toAbsolutePath(), "--lottery.accounts.demo-admin=false",
				"--lottery.scheduling.enabled=false", "--spring.main.banner-mode=off"));
		long launched = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		CompletableFuture<Double> started = new CompletableFuture<>();
		CompletableFuture<Double> indexed = new CompletableFuture<>();
		List<String> log = new ArrayList<>();
		Thread reader = new Thread(() -> read(process, launched, started, indexed, log), "restart-log");
		reader.setDaemon(true);
		reader.start();
		try {
			return new Timings(started.get(TIMEOUT_SECONDS, TimeUnit.SECONDS),
					indexed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
		}
		catch (Exception ex) {
			synchronized (log) {
				log.forEach(System.out::println);
			}
			throw new IllegalStateException("The application did not start and build its indexes", ex);
		}
		finally {
			process.destroy();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private static void read(Process process, long launched, CompletableFuture<Double> started,
			CompletableFuture<Double> indexed, List<String> log) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				double seconds = (System.nanoTime() - launched) / 1e9;
				if (line.contains("Started NovantaApplication")) {
					started.complete(seconds);
				}
				if (line.contains("event=index-builds-done")) {
					indexed.complete(seconds);
				}
				synchronized (log) {
					log.add(line);
				}
			}
		}
		catch (IOException ex) {
			// the process ended: whatever was not seen fails the wait
		}
		IllegalStateException ended = new IllegalStateException("The application ended");
		started.completeExceptionally(ended);
		indexed.completeExceptionally(ended);
	}

	private record Timings(double started, double indexed) {
	}

}
