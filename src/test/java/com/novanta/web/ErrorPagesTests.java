package com.novanta.web;

import java.util.List;

import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Error pages go through the servlet container's error dispatch, so they are tested over
 * real HTTP rather than MockMvc.
 */
@IntegrationTest
class ErrorPagesTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void unknownPageGetsTheNotFoundPage() {
		ResponseEntity<String> response = exchange("/lotteries/no/such/page", html());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getBody()).contains("We could not find that page").contains("<header");
	}

	/**
	 * A mistyped address leads to "page not found" for a visitor who is not signed in
	 * too, not to a sign-in form that would lead nowhere; pages that exist still ask to
	 * sign in, whatever their parameters, and so does every other method.
	 */
	@Test
	void aMistypedAddressIsNotFoundWithoutSigningIn() {
		for (String mistyped : new String[] { "/plya", "/my/balots", "/account/nothing/here", "/no-such-page.html" }) {
			ResponseEntity<String> response = exchange(mistyped, html());
			assertThat(response.getStatusCode()).as(mistyped).isEqualTo(HttpStatus.NOT_FOUND);
			assertThat(response.getBody()).as(mistyped).contains("We could not find that page");
		}
		for (String existing : new String[] { "/play", "/play/daily-2099-01-01", "/my/ballots", "/account", "/admin",
				"/admin/no-such-page" }) {
			// the client follows the redirect to the sign-in form
			ResponseEntity<String> response = exchange(existing, html());
			assertThat(response.getStatusCode()).as(existing).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody()).as(existing).contains("action=\"/signin\"");
		}
		ResponseEntity<String> posted = this.http.exchange("/plya", HttpMethod.POST, new HttpEntity<>(html()),
				String.class);
		assertThat(posted.getStatusCode()).as("a form posted to a mistyped address").isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void notFoundPageSpeaksItalian() {
		HttpHeaders headers = html();
		headers.set(HttpHeaders.ACCEPT_LANGUAGE, "it");
		assertThat(exchange("/lotteries/no/such/page", headers).getBody())
			.contains("Non abbiamo trovato questa pagina");
	}

	@Test
	void htmxRequestGetsAnAlertSwappedIntoTheAlertArea() {
		HttpHeaders headers = new HttpHeaders();
		headers.set("HX-Request", "true");
		ResponseEntity<String> response = exchange("/lotteries/no/such/page", headers);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getFirst("HX-Retarget")).isEqualTo("#alerts");
		assertThat(response.getHeaders().getFirst("HX-Reswap")).isEqualTo("innerHTML");
		assertThat(response.getBody()).doesNotContain("<html").contains("role=\"alert\"");
	}

	@Test
	void failureGetsTheServerErrorPageWithoutDetails() {
		ResponseEntity<String> response = exchange("/lotteries/test-failure", html());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
		assertThat(response.getBody()).contains("something went wrong on our side")
			.doesNotContain("IllegalStateException")
			.doesNotContain("at com.novanta");
	}

	@Test
	void forbiddenGetsTheForbiddenPage() {
		ResponseEntity<String> response = exchange("/lotteries/test-forbidden", html());
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getBody()).contains("You are not allowed to see this page");
	}

	@Test
	void otherClientsGetAShortJsonError() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		ResponseEntity<String> response = exchange("/lotteries/no/such/page", headers);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
		assertThat(response.getBody()).contains("\"status\":404").contains("\"error\":\"Not Found\"");
	}

	private ResponseEntity<String> exchange(String path, HttpHeaders headers) {
		return this.http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	private static HttpHeaders html() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_HTML));
		return headers;
	}

}
