package com.novanta.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What may start: outside dev mode, only with an SMTP server and a seed key; dev mode,
 * only on this machine. (That the application really refuses, and prints this, is in
 * {@code DevModeIntegrationTests}.)
 */
class DeploymentCheckTests {

	@Test
	void outsideDevModeAnSmtpServerIsNeeded() {
		assertThatThrownBy(() -> DeploymentCheck.verify(new MockEnvironment(), true))
			.isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("No SMTP server is configured")
			.satisfies((ex) -> assertThat(((UnsafeDeploymentException) ex).getAction()).contains("Set SMTP_HOST")
				.contains("./mvnw spring-boot:run"));
	}

	@Test
	void outsideDevModeASeedKeyIsNeeded() {
		MockEnvironment withoutKey = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com");

		assertThatThrownBy(() -> DeploymentCheck.verify(withoutKey, true)).isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("No seed key is configured")
			.satisfies((ex) -> assertThat(((UnsafeDeploymentException) ex).getAction())
				.contains("Set LOTTERY_SEED_KEY (lottery.fairness.seed-key)")
				.contains("openssl rand -base64 32")
				.contains("./mvnw spring-boot:run"));
		assertThatThrownBy(() -> DeploymentCheck.verify(withoutKey.withProperty(DeploymentCheck.SEED_KEY, "  "), true))
			.hasMessageContaining("No seed key is configured");
	}

	@Test
	void outsideDevModeAReceiptKeyIsNeeded() {
		MockEnvironment withoutKey = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")
			.withProperty(DeploymentCheck.SEED_KEY, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

		assertThatThrownBy(() -> DeploymentCheck.verify(withoutKey, true)).isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("No receipt signing key is configured")
			.satisfies((ex) -> assertThat(((UnsafeDeploymentException) ex).getAction())
				.contains("Set LOTTERY_RECEIPT_KEY (lottery.fairness.receipt-key)")
				.contains("openssl rand -base64 32"));
		assertThatThrownBy(
				() -> DeploymentCheck.verify(withoutKey.withProperty(DeploymentCheck.RECEIPT_KEY, "c2hvcnQ="), true))
			.hasMessageContaining(
					"The receipt key LOTTERY_RECEIPT_KEY (lottery.fairness.receipt-key) is base64 of 5 bytes");
	}

	@ParameterizedTest
	@ValueSource(strings = { "not base64!", "AAECAwQFBgcICQoLDA0ODw==", "secret" })
	void aSeedKeyThatIsNot32BytesOfBase64StopsTheStartInEveryMode(String key) {
		MockEnvironment production = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")
			.withProperty(DeploymentCheck.SEED_KEY, key);

		assertThatThrownBy(() -> DeploymentCheck.verify(production, true)).isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("The seed key LOTTERY_SEED_KEY (lottery.fairness.seed-key) is ")
			.hasMessageContaining("it must be base64 of 32 random bytes");
		assertThatThrownBy(() -> DeploymentCheck.verify(devMode().withProperty(DeploymentCheck.SEED_KEY, key), true))
			.isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("it must be base64 of 32 random bytes");
	}

	@Test
	void devModeNeedsNoSeedKey() {
		assertThatNoException().isThrownBy(() -> DeploymentCheck.verify(devMode(), true));
	}

	@Test
	void outsideDevModeAnythingElseGoes() {
		MockEnvironment production = new MockEnvironment().withProperty("spring.mail.host", "smtp.example.com")
			.withProperty(DeploymentCheck.SEED_KEY, "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=")
			.withProperty(DeploymentCheck.RECEIPT_KEY, "nWGxne/9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A=")
			.withProperty("spring.mongodb.uri", "mongodb://db1.example.com/novanta")
			.withProperty("lottery.public-url", "https://lotto.example.com")
			.withProperty("server.address", "0.0.0.0");

		assertThatNoException().isThrownBy(() -> DeploymentCheck.verify(production, true));
	}

	@Test
	void devModeOnThisMachineStarts() {
		assertThatNoException().isThrownBy(() -> DeploymentCheck.verify(devMode(), true));
		assertThatNoException().isThrownBy(() -> DeploymentCheck.verify(devMode()
			.withProperty("spring.mongodb.uri", "mongodb://localhost:27017,127.0.0.1:27018,[::1]:27019/novanta")
			.withProperty("lottery.public-url", "http://localhost:8080")
			.withProperty("spring.mail.host", "smtp.example.com"), true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "mongodb://db1.example.com/novanta", "mongodb://localhost,db2.example.com/novanta",
			"mongodb+srv://cluster0.example.mongodb.net/novanta", "mongodb://10.0.0.5:27017/novanta",
			"mongodb://localhost.example.com/novanta", "mongodb://127.0.0.1.nip.io/novanta" })
	void devModeRefusesADatabaseElsewhere(String uri) {
		assertThatThrownBy(() -> DeploymentCheck.verify(devMode().withProperty("spring.mongodb.uri", uri), true))
			.isInstanceOf(UnsafeDeploymentException.class)
			.hasMessageContaining("Dev mode is on, but this looks like a real deployment")
			.hasMessageContaining("MONGODB_URI (spring.mongodb.uri) names ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://lotto.example.com", "http://192.168.1.20:8080", "not a url" })
	void devModeRefusesAPublicAddressElsewhere(String url) {
		assertThatThrownBy(() -> DeploymentCheck.verify(devMode().withProperty("lottery.public-url", url), true))
			.hasMessageContaining("PUBLIC_URL (lottery.public-url) is " + url);
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:8080", "http://127.0.0.1:8080/", "http://[::1]:8080" })
	void devModeTakesAPublicAddressOnThisMachine(String url) {
		assertThatNoException()
			.isThrownBy(() -> DeploymentCheck.verify(devMode().withProperty("lottery.public-url", url), true));
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0.0.0", "::", "192.168.1.20", "my-laptop" })
	void devModeRefusesToListenBeyondThisMachine(String address) {
		assertThatThrownBy(() -> DeploymentCheck.verify(devMode().withProperty("server.address", address), true))
			.hasMessageContaining("server.address is " + address);
	}

	@Test
	void devModeRefusesToListenOnEveryInterface() {
		MockEnvironment everywhere = new MockEnvironment().withProperty(DevMode.PROPERTY, "true");

		assertThatThrownBy(() -> DeploymentCheck.verify(everywhere, true))
			.hasMessageContaining("server.address is not set");
		// without a web server, nothing listens
		assertThatNoException().isThrownBy(() -> DeploymentCheck.verify(everywhere, false));
	}

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost", "LOCALHOST", "::ffff:127.0.0.1" })
	void loopbackAddressesAreThisMachine(String host) {
		assertThat(DevMode.isLoopback(host)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "0.0.0.0", "::", "10.0.0.1", "203.0.113.7", "localhost.example.com",
			"127.0.0.1.nip.io", "0127.0.0.1", "127.0.0.256", "127.1", "db:27017", "smtp:25", "[::1" })
	void otherHostsAreNot(String host) {
		assertThat(DevMode.isLoopback(host)).isFalse();
	}

	/** Dev mode as ./mvnw spring-boot:run has it. */
	private static MockEnvironment devMode() {
		return new MockEnvironment().withProperty(DevMode.PROPERTY, "true").withProperty("server.address", "127.0.0.1");
	}

}
