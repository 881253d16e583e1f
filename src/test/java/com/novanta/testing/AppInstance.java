package com.novanta.testing;

import java.util.ArrayList;
import java.util.List;

import com.novanta.NovantaApplication;
import com.novanta.beacon.TestBeacon;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * One instance of the whole application, as production runs it: its own web server on a
 * free port, an external MongoDB, an SMTP server, sessions in MongoDB. The tests of
 * several instances and of database faults start these; the background jobs are off, and
 * the tests run them on the instances they choose.
 */
public final class AppInstance implements AutoCloseable {

	/** The seed key of every instance (outside dev mode there must be one). */
	public static final String SEED_KEY = "H4OfWN2KmIgUH9nRBf5Lq5ZHwMxCgSbYaBTAwGXP0Ts=";

	/**
	 * The receipt signing key of instances started outside dev mode (RFC 8032's first).
	 */
	public static final String RECEIPT_KEY = "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=";

	private final ConfigurableApplicationContext context;

	private AppInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	/**
	 * Starts an instance on the database at {@code mongoUri}, sending mail to the SMTP
	 * server on {@code smtpPort}, with {@code clock} as its clock.
	 */
	public static AppInstance start(String mongoUri, int smtpPort, MutableClock clock, String... extra) {
		List<String> args = new ArrayList<>(List.of("--spring.mongodb.uri=" + mongoUri, "--server.port=0",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--lottery.scheduling.enabled=false",
				"--lottery.sessions.store=mongo", "--lottery.accounts.demo-admin=false",
				// every instance on one database shares the key its seeds are sealed with
				"--LOTTERY_SEED_KEY=" + SEED_KEY, "--logging.level.root=WARN", "--logging.level.com.novanta=WARN",
				"--spring.main.banner-mode=off", "--LOTTERY_RECEIPT_KEY=" + RECEIPT_KEY));
		// the tests' beacon chain, from a relay in this JVM
		args.addAll(TestBeacon.arguments());
		args.addAll(List.of(extra));
		ConfigurableApplicationContext context = new SpringApplicationBuilder(NovantaApplication.class)
			.initializers((ConfigurableApplicationContext ctx) -> ((GenericApplicationContext) ctx)
				.registerBean("mutableClock", MutableClock.class, () -> clock, (bean) -> bean.setPrimary(true)))
			.run(args.toArray(String[]::new));
		return new AppInstance(context);
	}

	public String url() {
		return "http://localhost:" + this.context.getEnvironment().getProperty("local.server.port");
	}

	public ConfigurableApplicationContext context() {
		return this.context;
	}

	public <T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	@Override
	public void close() {
		this.context.close();
	}

}
