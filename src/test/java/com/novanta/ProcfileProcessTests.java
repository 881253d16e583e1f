package com.novanta;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.novanta.notification.TestSmtpServer;
import com.novanta.testing.AppInstance;
import com.novanta.testing.ProcessTest;
import com.novanta.testing.ReservedPort;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the {@code Procfile} runs, run as written (after {@code ./mvnw verify}'s package
 * step): the unpacked application starts with its class data sharing archive, outside dev
 * mode, and answers on the platform's {@code $PORT}.
 */
@ProcessTest
class ProcfileProcessTests {

	@Test
	void theProcfilesCommandStartsTheUnpackedApplicationWithItsArchive(@TempDir Path data) throws Exception {
		String web = Files.readAllLines(Path.of("Procfile"))
			.stream()
			.filter((line) -> line.startsWith("web:"))
			.findFirst()
			.orElseThrow();
		assertThat(Path.of("target", "app", "novanta.jsa"))
			.as("the package step's class data sharing archive (not made with -Dcds.skip=true)")
			.isRegularFile();
		try (TestSmtpServer smtp = new TestSmtpServer(); ReservedPort port = new ReservedPort()) {
			smtp.start();
			List<String> command = new ArrayList<>(Arrays
				.asList(web.substring("web:".length()).trim().replace("$PORT", "" + port.port()).split(" +")));
			// which classes came from the archive, to a file of its own
			Path loaded = data.resolve("classes.log");
			command.add(1, "-Xlog:class+load=info:file=" + loaded);
			command.add("--server.address=127.0.0.1");
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
			Map<String, String> environment = builder.environment();
			environment.remove("MONGODB_URI");
			environment.putAll(
					Map.of("LOTTERY_DATA_DIR", data.toString(), "SMTP_HOST", "127.0.0.1", "SMTP_PORT", "" + smtp.port(),
							"LOTTERY_SEED_KEY", AppInstance.SEED_KEY, "LOTTERY_RECEIPT_KEY", AppInstance.RECEIPT_KEY));
			Process process = builder.start();
			try {
				CompletableFuture<String> started = new CompletableFuture<>();
				List<String> output = new ArrayList<>();
				Thread reader = new Thread(() -> read(process, started, output));
				reader.setDaemon(true);
				reader.start();
				assertThat(started.get(3, TimeUnit.MINUTES)).as("%s", output).contains("Started NovantaApplication");

				HttpResponse<String> home = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.port() + "/"))
						.timeout(Duration.ofSeconds(30))
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(home.statusCode()).isEqualTo(200);
				assertThat(home.body()).contains("Novanta");
				synchronized (output) {
					// not dev mode: no mailbox, no demo admin
					assertThat(output).noneMatch((line) -> line.contains("event=demo-admin"));
				}
				List<String> classes = Files.readAllLines(loaded);
				long shared = classes.stream().filter((line) -> line.contains("source: shared objects file")).count();
				long application = classes.stream()
					.filter((line) -> line.contains("com.novanta.") && line.contains("shared objects file (top)"))
					.count();
				// the JDK's own archive holds about 1,300 classes; the application's
				// several thousand more, its own classes among them
				assertThat(shared).isGreaterThan(5_000);
				assertThat(application).isPositive();
			}
			finally {
				process.destroy();
				if (!process.waitFor(60, TimeUnit.SECONDS)) {
					process.destroyForcibly().waitFor();
				}
			}
		}
	}

	private static void read(Process process, CompletableFuture<String> started, List<String> output) {
		try (BufferedReader lines = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				synchronized (output) {
					output.add(line);
				}
				if (line.contains("Started NovantaApplication") || line.contains("APPLICATION FAILED TO START")) {
					started.complete(line);
				}
			}
		}
		catch (Exception ex) {
			// the process ended
		}
		started.complete("the process ended");
	}

}
