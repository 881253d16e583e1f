package com.novanta;

import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class ApplicationIntegrationTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void servesTheHomePage() {
		ResponseEntity<String> home = this.http.getForEntity("/", String.class);
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(home.getBody()).contains("<title>Home · Novanta</title>").contains("Pick my numbers");
	}

	@Test
	void reportsHealthWithDatabaseAndMail() {
		ResponseEntity<String> health = this.http.getForEntity("/actuator/health", String.class);
		assertThat(health.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(health.getBody()).contains("\"status\":\"UP\"")
			.contains("\"mongo\":{\"status\":\"UP\"}")
			.contains("\"mail\":{\"status\":\"UP\"}");
	}

	@Test
	void servesHtmxFromItsWebjar() {
		ResponseEntity<String> htmx = this.http.getForEntity("/webjars/htmx.org/dist/htmx.min.js", String.class);
		assertThat(htmx.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(htmx.getBody()).contains("htmx");
	}

}
