package com.novanta.config;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Metrics and build information are for the operators, over real HTTP: an admin's
 * session, or the management port (see {@link ManagementPortTests}). Health stays public,
 * for the load balancer.
 */
@IntegrationTest
class ActuatorSecurityIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	ApplicationContext context;

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/info" })
	void areNotForTheAnonymousPublic(String path) {
		WebVisitor.Page answer = visitor().get(path);

		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/signin");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/actuator/prometheus", "/actuator/info" })
	void areNotForParticipants(String path) {
		CurrentAccount participant = new TestParticipants(this.context).verified("Curious Participant");
		WebVisitor visitor = visitor();
		assertThat(visitor.signIn(participant.email(), TestParticipants.PASSWORD)).isTrue();

		assertThat(visitor.get(path).status()).isEqualTo(403);
	}

	@Test
	void areForAdmins() {
		CurrentAccount admin = new TestParticipants(this.context).admin("Metrics Admin");
		WebVisitor visitor = visitor();
		assertThat(visitor.signIn(admin.email(), TestParticipants.PASSWORD)).isTrue();

		WebVisitor.Page metrics = visitor.get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		WebVisitor.Page info = visitor.get("/actuator/info");
		assertThat(info.status()).isEqualTo(200);
		assertThat(info.body()).contains("\"artifact\":\"novanta\"");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "/actuator/health", "/actuator/health/readiness", "/actuator/health/liveness" })
	void healthStaysPublic(String path) {
		assertThat(visitor().get(path).status()).isEqualTo(200);
	}

	private WebVisitor visitor() {
		return new WebVisitor("http://localhost:" + this.port);
	}

}
