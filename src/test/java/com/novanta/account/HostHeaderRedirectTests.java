package com.novanta.account;

import com.novanta.testing.IntegrationTest;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Redirects over real HTTP with a Host header naming another site: the answer says where
 * to go on this site ({@code Location: /signin}), never an address built from that
 * header, so a cache or a proxy that passes the header on cannot send visitors elsewhere.
 */
@IntegrationTest
class HostHeaderRedirectTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/account", "/my/ballots", "/my/wins", "/admin", "/play" })
	void aPageThatNeedsSignInRedirectsWithinTheSite(String path) {
		String answer = new WebVisitor("http://localhost:" + this.port).raw("GET " + path
				+ " HTTP/1.1\r\nHost: evil.example\r\nAccept: text/html\r\n" + "Connection: close\r\n\r\n");

		assertThat(answer).startsWith("HTTP/1.1 302");
		assertThat(location(answer)).isEqualTo("/signin");
	}

	private static String location(String answer) {
		for (String line : answer.split("\r\n")) {
			if (line.regionMatches(true, 0, "Location:", 0, 9)) {
				return line.substring(9).trim();
			}
			if (line.isEmpty()) {
				break;
			}
		}
		return null;
	}

}
