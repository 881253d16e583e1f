package com.novanta.embedded;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;

import com.novanta.NovantaApplication;
import com.novanta.config.DatabaseDescription;
import com.novanta.testing.ProcessTest;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Starts the real application (without its web server) on the file-backed embedded
 * database.
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDatabaseIntegrationTests {

	@TempDir
	Path dataDir;

	@Test
	void keepsDataAcrossARestart() {
		try (ConfigurableApplicationContext first = start(this.dataDir)) {
			first.getBean(MongoTemplate.class).insert(new Document("_id", "kept").append("value", 42), "restart_check");
			assertThat(first.getBean(DatabaseDescription.class).summary()).contains("H2 file")
				.contains(this.dataDir.toString());
		}
		try (ConfigurableApplicationContext second = start(this.dataDir)) {
			Document kept = second.getBean(MongoTemplate.class).findById("kept", Document.class, "restart_check");
			assertThat(kept).isNotNull();
			assertThat(kept.getInteger("value")).isEqualTo(42);
		}
	}

	@Test
	void refusesToStartOnAFileLockedByAnotherProcessWithAClearMessage(CapturedOutput output) throws Exception {
		Files.createDirectories(this.dataDir);
		Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), LockHolder.class.getName(),
				this.dataDir.resolve(EmbeddedMongoServer.FILE_NAME).toString())
			.redirectErrorStream(true)
			.start();
		try {
			BufferedReader holderOutput = new BufferedReader(new InputStreamReader(holder.getInputStream()));
			assertThat(holderOutput.readLine()).isEqualTo("locked");

			assertThatException().isThrownBy(() -> start(this.dataDir))
				.satisfies(EmbeddedDatabaseIntegrationTests::causedByLockedFile);
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("is locked: another instance of the application is already running on this data directory")
				.contains("LOTTERY_DATA_DIR")
				.doesNotContain("at org.h2.mvstore");
		}
		finally {
			holder.getOutputStream().close();
			holder.waitFor();
		}
	}

	@Test
	void refusesASecondInstanceInTheSameProcessToo() {
		try (ConfigurableApplicationContext running = start(this.dataDir)) {
			assertThatException().isThrownBy(() -> start(this.dataDir))
				.satisfies(EmbeddedDatabaseIntegrationTests::causedByLockedFile);
		}
	}

	@Test
	void startsNothingEmbeddedWhenAUriIsConfigured() {
		MongoServer external = new MongoServer(new MemoryBackend());
		external.bind("127.0.0.1", 0);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NovantaApplication.class)
			.web(WebApplicationType.NONE)
			.profiles("test")
			.run("--spring.mongodb.uri=mongodb://127.0.0.1:" + external.getLocalAddress().getPort() + "/external",
					"--lottery.database.data-dir=" + this.dataDir)) {
			assertThat(context.getBeanNamesForType(EmbeddedMongoServer.class)).isEmpty();
			assertThat(context.getBean(DatabaseDescription.class).embedded()).isFalse();
			context.getBean(MongoTemplate.class).insert(new Document("_id", "x"), "where_am_i");
		}
		finally {
			external.shutdown();
		}
		assertThat(this.dataDir).isEmptyDirectory();
	}

	private static void causedByLockedFile(Throwable failure) {
		boolean locked = false;
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			locked |= cause instanceof EmbeddedDatabaseLockedException;
		}
		assertThat(locked).as("caused by EmbeddedDatabaseLockedException: " + failure).isTrue();
	}

	private static ConfigurableApplicationContext start(Path dataDir) {
		return new SpringApplicationBuilder(NovantaApplication.class).web(WebApplicationType.NONE)
			.profiles("test")
			.run("--lottery.database.embedded-backend=h2", "--lottery.database.data-dir=" + dataDir);
	}

}
