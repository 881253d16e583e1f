package com.novanta;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.Accounts;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.TestSmtpServer;
import com.novanta.testing.AppInstance;
import com.novanta.testing.ProcessTest;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Dev mode (the dev mailbox, the embedded mail catcher, the demo admin) is what
 * {@code ./mvnw spring-boot:run} turns on with its {@code dev} profile; the packaged jar
 * never has it, and dev mode refuses to start where others could reach it. Each
 * application here is started as an operator would start it: no test profile.
 */
@ProcessTest
@ExtendWith(OutputCaptureExtension.class)
class DevModeIntegrationTests {

	private static final Pattern DEMO_ADMIN = Pattern
		.compile("event=demo-admin email=admin@novanta\\.local password=(\\S+)");

	/** What every start here shares: a free port, a database in memory, no jobs. */
	private static final List<String> QUIET = List.of("--server.port=0", "--lottery.database.embedded-backend=memory",
			"--lottery.scheduling.enabled=false", "--lottery.sessions.store=container", "--spring.main.banner-mode=off",
			"--logging.level.root=WARN", "--logging.level.com.novanta=INFO");

	@Test
	void theJarWithoutAnSmtpServerRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
		assertRefusesToStart(new SpringApplicationBuilder(NovantaApplication.class));

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("No SMTP server is configured")
			.contains("Set SMTP_HOST (spring.mail.host)")
			.contains("./mvnw spring-boot:run");
	}

	@Test
	void theJarWithoutASeedKeyRefusesToStartAndSaysWhatToSet(CapturedOutput output) {
		assertRefusesToStart(new SpringApplicationBuilder(NovantaApplication.class), "--SMTP_HOST=127.0.0.1");

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("No seed key is configured")
			.contains("Set LOTTERY_SEED_KEY (lottery.fairness.seed-key)")
			.contains("openssl rand -base64 32");
	}

	@Test
	void devModeRefusesADatabaseOnAnotherMachine(CapturedOutput output) {
		assertRefusesToStart(new SpringApplicationBuilder(NovantaApplication.class).profiles("dev"),
				"--MONGODB_URI=mongodb://db1.example.com,db2.example.com/novanta?replicaSet=rs0");

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Dev mode is on, but this looks like a real deployment")
			.contains("MONGODB_URI (spring.mongodb.uri) names db1.example.com");
	}

	@Test
	void devModeRefusesAPublicAddressOtherThanThisMachine(CapturedOutput output) {
		assertRefusesToStart(new SpringApplicationBuilder(NovantaApplication.class).profiles("dev"),
				"--PUBLIC_URL=https://lotto.example.com");

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("PUBLIC_URL (lottery.public-url) is https://lotto.example.com");
	}

	@Test
	void devModeRefusesToListenOnEveryNetworkInterface(CapturedOutput output) {
		assertRefusesToStart(new SpringApplicationBuilder(NovantaApplication.class).profiles("dev"),
				"--server.address=0.0.0.0");

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START").contains("server.address is 0.0.0.0");
	}

	/**
	 * The attack of issue 12 on what the Procfile runs, given an SMTP server: ask for a
	 * reset link for the demo admin and read it in the dev mailbox. Neither exists.
	 */
	@Test
	void outsideDevModeThereIsNeitherAMailboxNorADemoAdmin(CapturedOutput output) throws Exception {
		try (TestSmtpServer smtp = new TestSmtpServer()) {
			smtp.start();
			try (ConfigurableApplicationContext app = start(new SpringApplicationBuilder(NovantaApplication.class),
					"--SMTP_HOST=127.0.0.1", "--SMTP_PORT=" + smtp.port(), "--LOTTERY_SEED_KEY=" + AppInstance.SEED_KEY,
					"--LOTTERY_RECEIPT_KEY=" + AppInstance.RECEIPT_KEY)) {
				WebVisitor attacker = new WebVisitor(url(app));
				attacker.get("/password/forgot");
				attacker.post("/password/forgot", Map.of("email", List.of("admin@novanta.local")));

				// no such page: not found, for visitors too
				assertThat(attacker.get("/dev/mailbox").status()).isEqualTo(404);
				assertThat(attacker.get("/dev/mailbox/0").status()).isEqualTo(404);
				assertThat(attacker.get("/").body()).doesNotContain("/dev/mailbox");
				assertThat(app.getBean(Accounts.class).admins()).isEmpty();
				assertThat(output.getOut()).doesNotContain("event=demo-admin").contains("mailbox=none");
				// said loudly: the embedded database outside dev mode
				assertThat(output.getOut()).contains("WARN")
					.contains("The embedded database keeps everything in memory, outside dev mode");
			}
		}
	}

	/**
	 * What {@code ./mvnw spring-boot:run} starts: the dev mailbox, on this machine only,
	 * and a demo admin whose password is printed once and lets one into the admin area.
	 */
	@Test
	void devModeHasTheMailboxAndADemoAdminOnThisMachineOnly(CapturedOutput output) {
		try (ConfigurableApplicationContext app = start(
				new SpringApplicationBuilder(NovantaApplication.class).profiles("dev"))) {
			assertThat(app.getEnvironment().getProperty("server.address")).isEqualTo("127.0.0.1");
			WebVisitor developer = new WebVisitor(url(app));
			assertThat(developer.get("/dev/mailbox").status()).isEqualTo(200);
			assertThat(developer.get("/").body()).contains("href=\"/dev/mailbox\"");

			Matcher admin = DEMO_ADMIN.matcher(output.getOut());
			assertThat(admin.find()).as("the demo admin's sign-in is printed").isTrue();
			assertThat(developer.signIn("admin@novanta.local", admin.group(1))).isTrue();
			assertThat(developer.get("/admin").status()).isEqualTo(200);
			// with the database in memory, the seed key is too: no file is left behind
			assertThat(output.getOut()).contains("event=seed-key source=dev-memory");
		}
	}

	/**
	 * Dev mode on the file-backed database keeps the seed key it made in the data
	 * directory: after a restart, the seeds sealed before still open.
	 */
	@Test
	void devModeKeepsItsSeedKeyInTheDataDirectorySoThatARestartStillOpensTheSeeds(@TempDir Path dataDir,
			CapturedOutput output) {
		String[] onFile = { "--lottery.database.embedded-backend=h2", "--lottery.database.data-dir=" + dataDir };
		String lotteryId;
		String seed;
		try (ConfigurableApplicationContext app = start(
				new SpringApplicationBuilder(NovantaApplication.class).profiles("dev"), onFile)) {
			TestLotteries lotteries = new TestLotteries(app);
			lotteryId = lotteries.open("daily").id();
			seed = lotteries.seed(lotteryId);
		}
		assertThat(dataDir.resolve("seed-key")).isRegularFile();
		assertThat(output.getOut()).contains("event=seed-key source=dev-file file=" + dataDir.resolve("seed-key"));

		try (ConfigurableApplicationContext app = start(
				new SpringApplicationBuilder(NovantaApplication.class).profiles("dev"), onFile)) {
			assertThat(new TestLotteries(app).seed(lotteryId)).isEqualTo(seed);
		}
	}

	private static ConfigurableApplicationContext start(SpringApplicationBuilder app, String... args) {
		List<String> all = new ArrayList<>();
		// a setting given here replaces the quiet one (given twice, Spring would join
		// both)
		for (String quiet : QUIET) {
			String name = quiet.substring(0, quiet.indexOf('=') + 1);
			if (Arrays.stream(args).noneMatch((arg) -> arg.startsWith(name))) {
				all.add(quiet);
			}
		}
		all.addAll(List.of(args));
		return app.run(all.toArray(String[]::new));
	}

	private static void assertRefusesToStart(SpringApplicationBuilder app, String... args) {
		assertThatThrownBy(() -> start(app, args).close()).as("the application must refuse to start")
			.isInstanceOf(RuntimeException.class);
	}

	private static String url(ConfigurableApplicationContext app) {
		return "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
	}

}
