package com.novanta.benchmark;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.testing.WebVisitor;

/**
 * wrk (Debian's package), the load generator the HTTP benchmarks run as a process of its
 * own, with the scripts in {@code src/test/resources/benchmark/}: each script's
 * {@code done()} writes one line, {@code WRK key=value ...}, read back here.
 */
final class Wrk {

	private Wrk() {
	}

	/** One of the scripts in {@code src/test/resources/benchmark/}. */
	static Path script(String name) {
		try {
			return Path.of(Wrk.class.getResource("/benchmark/" + name).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The participants' sessions as the scripts read them: one a line,
	 * {@code <Cookie header>\t<CSRF token>}.
	 */
	static Path sessionsFile(List<WebVisitor> visitors) throws IOException {
		Path sessions = Files.createTempFile("novanta-sessions", ".tsv");
		List<String> lines = new ArrayList<>();
		for (WebVisitor visitor : visitors) {
			lines.add(visitor.cookieHeader() + "\t" + visitor.csrfToken());
		}
		Files.write(sessions, lines, StandardCharsets.UTF_8);
		return sessions;
	}

	/**
	 * Runs wrk and reads the line its script's done() writes. With {@code pauseMillis}
	 * above 0 each connection waits that long before each request (the scripts' paced
	 * mode: wrk 4 has no fixed-rate mode).
	 */
	static Map<String, String> run(Path script, String url, int threads, int connections, int seconds, int pauseMillis,
			String... scriptArgs) {
		List<String> command = new ArrayList<>(
				List.of("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(connections), "-d", seconds + "s",
						"--timeout", "30s", "-s", script.toString(), url, "--"));
		command.addAll(Arrays.asList(scriptArgs));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("WRK_PAUSE_MS", String.valueOf(pauseMillis));
		try {
			Process process = builder.start();
			Map<String, String> result = new LinkedHashMap<>();
			StringBuilder output = new StringBuilder();
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = reader.readLine(); line != null; line = reader.readLine()) {
					output.append(line).append('\n');
					if (line.startsWith("WRK ")) {
						for (String pair : line.substring(4).split(" ")) {
							String[] parts = pair.split("=", 2);
							result.put(parts[0], parts[1]);
						}
					}
				}
			}
			if (process.waitFor() != 0 || result.isEmpty()) {
				throw new IllegalStateException("wrk failed: " + output);
			}
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run wrk (apt-get install wrk)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** wrk's first line of {@code --version}, without the copyright. */
	static String version() {
		try {
			Process process = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
			String first = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines()
				.findFirst()
				.orElse("wrk");
			process.waitFor();
			return first.split(" Copyright")[0].trim();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run wrk (apt-get install wrk)", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** wrk's microseconds as milliseconds. */
	static String ms(String micros) {
		return String.format("%.1f ms", Long.parseLong(micros) / 1000.0);
	}

}
