package com.novanta.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import com.mongodb.ConnectionString;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationContextAware;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Refuses to start a deployment that would expose what only a developer's machine may
 * have, or that could not send mail, before anything starts (no database, no web server):
 * <ul>
 * <li>outside dev mode, without an SMTP server: there would be no way to send a single
 * email, and the embedded catcher is for dev mode only;</li>
 * <li>outside dev mode, without a seed key: the lotteries' seeds would have nothing to be
 * sealed with (the key that dev mode makes by itself lives in a file on the developer's
 * machine); and anywhere, with a seed key that is not base64 of 32 bytes;</li>
 * <li>in dev mode, where the deployment looks real: a database on another machine, a
 * public address other than this machine, or a web server that listens beyond it. Dev
 * mode shows every email in a page and makes a demo admin: nobody but the developer may
 * reach it.</li>
 * </ul>
 */
@Component
class DeploymentCheck implements BeanFactoryPostProcessor, ApplicationContextAware {

	/** The seed key's property ({@code LOTTERY_SEED_KEY}), read by the lottery module. */
	static final String SEED_KEY = "lottery.fairness.seed-key";

	/**
	 * The receipt signing key's property ({@code LOTTERY_RECEIPT_KEY}), read by the
	 * ballot module.
	 */
	static final String RECEIPT_KEY = "lottery.fairness.receipt-key";

	private static final String HOW_TO_MAKE_A_SEED_KEY = "Make one with: openssl rand -base64 32 "
			+ "(or: python3 -c 'import base64,os; print(base64.b64encode(os.urandom(32)).decode())'), "
			+ "keep it in your secrets store, and give every instance the same one: without it no sealed seed "
			+ "can be opened, and no lottery can be drawn.";

	private static final String HOW_TO_MAKE_A_RECEIPT_KEY = "Make one with: openssl rand -base64 32, keep it in "
			+ "your secrets store, give every instance the same one and never change it: its public key is "
			+ "published, and participants keep receipts signed with it.";

	// A bean factory post-processor is made before constructors can be autowired
	private ApplicationContext context;

	@Override
	public void setApplicationContext(ApplicationContext context) {
		this.context = context;
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		verify(this.context.getEnvironment(), this.context instanceof WebServerApplicationContext);
	}

	/**
	 * @param webServer whether the application listens for HTTP (then its address counts)
	 * @throws UnsafeDeploymentException if the configuration must not start
	 */
	static void verify(Environment environment, boolean webServer) {
		verifyKeyFormat(environment, SEED_KEY, "The seed key LOTTERY_SEED_KEY",
				"Set LOTTERY_SEED_KEY to the key the lotteries' seeds were sealed with. If there is none yet: "
						+ HOW_TO_MAKE_A_SEED_KEY);
		verifyKeyFormat(environment, RECEIPT_KEY, "The receipt key LOTTERY_RECEIPT_KEY",
				"Set LOTTERY_RECEIPT_KEY to the key receipts have been signed with. If there is none yet: "
						+ HOW_TO_MAKE_A_RECEIPT_KEY);
		if (!DevMode.isOn(environment)) {
			if (!environment.containsProperty("spring.mail.host")) {
				throw new UnsafeDeploymentException("No SMTP server is configured, and this is not dev mode: "
						+ "the application could not send a single email (verification, password reset, draw results).",
						"Set SMTP_HOST (spring.mail.host), with SMTP_PORT, SMTP_USERNAME, SMTP_PASSWORD, SMTP_AUTH "
								+ "and SMTP_STARTTLS as your server needs, for real mail; or run in dev mode with "
								+ "./mvnw spring-boot:run, which catches every email in a mailbox on this machine.");
			}
			if (!StringUtils.hasText(environment.getProperty(SEED_KEY))) {
				throw new UnsafeDeploymentException("No seed key is configured, and this is not dev mode: the "
						+ "lotteries' secret seeds would have nothing to be sealed with, and whoever reads the database "
						+ "could read every seed before its draw.",
						"Set LOTTERY_SEED_KEY (" + SEED_KEY + ") to 32 random bytes in base64. "
								+ HOW_TO_MAKE_A_SEED_KEY
								+ " Or run in dev mode with ./mvnw spring-boot:run, which makes a key in the data "
								+ "directory.");
			}
			if (!StringUtils.hasText(environment.getProperty(RECEIPT_KEY))) {
				throw new UnsafeDeploymentException("No receipt signing key is configured, and this is not dev "
						+ "mode: no receipt could be signed, and participants could not prove what was accepted.",
						"Set LOTTERY_RECEIPT_KEY (" + RECEIPT_KEY + ") to 32 random bytes in base64. "
								+ HOW_TO_MAKE_A_RECEIPT_KEY
								+ " Or run in dev mode with ./mvnw spring-boot:run, which makes a key in the data "
								+ "directory.");
			}
			return;
		}
		List<String> reasons = reasonsItLooksReal(environment, webServer);
		if (!reasons.isEmpty()) {
			throw new UnsafeDeploymentException(
					"Dev mode is on, but this looks like a real deployment: " + String.join("; ", reasons)
							+ ". Dev mode shows every email in the dev mailbox and makes a "
							+ "demo admin, so it may only run where nobody but the developer can reach it.",
					"To deploy, run the packaged jar (java -jar target/novanta.jar) without the dev profile and "
							+ "without " + DevMode.PROPERTY + ", with SMTP_HOST set (see the README). To develop, keep "
							+ "everything on this machine: no MONGODB_URI (or one on localhost), no PUBLIC_URL (or one "
							+ "on localhost), and server.address 127.0.0.1, as ./mvnw spring-boot:run has it.");
		}
	}

	/**
	 * A key, if set, is base64 of 32 bytes (an AES-256 key, an Ed25519 private key).
	 */
	private static void verifyKeyFormat(Environment environment, String property, String name, String action) {
		String key = environment.getProperty(property);
		if (!StringUtils.hasText(key)) {
			return;
		}
		int length;
		try {
			length = Base64.getDecoder().decode(key.strip()).length;
		}
		catch (IllegalArgumentException ex) {
			length = -1;
		}
		if (length != 32) {
			throw new UnsafeDeploymentException(
					name + " (" + property + ") is " + ((length < 0) ? "not base64" : "base64 of " + length + " bytes")
							+ ": it must be base64 of 32 random bytes.",
					action);
		}
	}

	private static List<String> reasonsItLooksReal(Environment environment, boolean webServer) {
		List<String> reasons = new ArrayList<>();
		String uri = environment.getProperty("spring.mongodb.uri");
		if (StringUtils.hasText(uri)) {
			String elsewhere = hostElsewhere(uri);
			if (elsewhere != null) {
				reasons.add("MONGODB_URI (spring.mongodb.uri) names " + elsewhere + ", not this machine");
			}
		}
		String mongoHost = environment.getProperty("spring.mongodb.host");
		if (StringUtils.hasText(mongoHost) && !DevMode.isLoopback(mongoHost)) {
			reasons.add("spring.mongodb.host is " + mongoHost + ", not this machine");
		}
		String publicUrl = environment.getProperty("lottery.public-url");
		if (StringUtils.hasText(publicUrl) && !DevMode.isLoopback(host(publicUrl))) {
			reasons.add("PUBLIC_URL (lottery.public-url) is " + publicUrl + ", not this machine");
		}
		if (webServer) {
			String address = environment.getProperty("server.address");
			if (!StringUtils.hasText(address)) {
				reasons.add("server.address is not set, so the web server listens on every network interface");
			}
			else if (!DevMode.isLoopback(address)) {
				reasons.add("server.address is " + address + ", so the web server listens beyond this machine");
			}
		}
		return reasons;
	}

	/** The first host of a MongoDB connection string that is not this machine. */
	private static String hostElsewhere(String uri) {
		List<String> hosts;
		try {
			hosts = new ConnectionString(uri).getHosts();
		}
		catch (IllegalArgumentException ex) {
			return "a host that cannot be read";
		}
		if (uri.startsWith("mongodb+srv:")) {
			// a DNS seed list: its servers are wherever the name says
			return hosts.get(0);
		}
		for (String hostAndPort : hosts) {
			String host = withoutPort(hostAndPort);
			if (!DevMode.isLoopback(host)) {
				return host;
			}
		}
		return null;
	}

	private static String withoutPort(String hostAndPort) {
		if (hostAndPort.startsWith("[")) {
			return hostAndPort.substring(0, hostAndPort.indexOf(']') + 1);
		}
		int colon = hostAndPort.lastIndexOf(':');
		return (colon < 0) ? hostAndPort : hostAndPort.substring(0, colon);
	}

	private static String host(String url) {
		try {
			return new URI(url.strip()).getHost();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
