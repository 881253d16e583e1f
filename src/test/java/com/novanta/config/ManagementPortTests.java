package com.novanta.config;

import com.novanta.testing.ProcessTest;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a management port ({@code MANAGEMENT_SERVER_PORT}), the actuator answers there,
 * without signing in: that port is the operators' (their network, their scraper), not the
 * public's. Over real HTTP, on a small application of the security rules and the actuator
 * alone, with both ports free.
 */
@ProcessTest
class ManagementPortTests {

	private static ConfigurableApplicationContext app;

	@BeforeAll
	static void start() {
		app = new SpringApplicationBuilder(ActuatorOnly.class).run("--server.port=0", "--management.server.port=0",
				"--server.address=127.0.0.1", "--management.server.address=127.0.0.1",
				"--management.endpoint.health.group.readiness.include=readinessState", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN",
				// no pages here to share between visitors (SharedPages wants the
				// application's clock)
				"--lottery.web.shared-pages=false");
	}

	@AfterAll
	static void stop() {
		app.close();
	}

	@Test
	void metricsAndInfoAnswerOnTheManagementPortWithoutSignIn() {
		WebVisitor scraper = on("local.management.port");

		WebVisitor.Page metrics = scraper.get("/actuator/prometheus");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		assertThat(scraper.get("/actuator/info").status()).isEqualTo(200);
		assertThat(scraper.get("/actuator/health").status()).isEqualTo(200);
	}

	@Test
	void theApplicationPortStillAsksForAnAdmin() {
		WebVisitor visitor = on("local.server.port");

		assertThat(visitor.get("/actuator/prometheus").status()).isIn(302, 401, 403);
		assertThat(visitor.get("/actuator/info").status()).isIn(302, 401, 403);
	}

	private static WebVisitor on(String port) {
		assertThat(app.getEnvironment().getProperty("local.management.port"))
			.isNotEqualTo(app.getEnvironment().getProperty("local.server.port"));
		return new WebVisitor("http://localhost:" + app.getEnvironment().getProperty(port));
	}

	/**
	 * Not a {@code @Configuration}: the application's component scan, which sees test
	 * classes too, must not pick it up.
	 */
	@EnableAutoConfiguration(excludeName = { "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
			"org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration" })
	@Import({ SecurityConfiguration.class, SiteCookies.class })
	static class ActuatorOnly {

		@Bean
		HttpSecurityCustomizer signInPage() {
			return (http) -> http.formLogin((form) -> form.loginPage("/signin"));
		}

	}

}
