package com.novanta.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.WebVisitor;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A site served over https ({@code PUBLIC_URL=https://…}): every cookie that proves
 * something is {@code Secure} and carries the {@code __Host-} prefix, so that no other
 * host, sub-domain or plain-http page can set or overwrite it.
 */
@IntegrationTest
// A real deployment: not dev mode (which refuses a public address), with an SMTP server.
@TestPropertySource(properties = { "lottery.public-url=https://lotto.example", "lottery.dev.enabled=false",
		"spring.mail.host=localhost", "spring.mail.port=2525" })
class SecureCookiesIntegrationTests {

	static final String PASSWORD = "a long passphrase";

	@LocalServerPort
	int port;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Test
	void everyCookieThatProvesSomethingIsSecureAndHostOnly() {
		Account account = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(TestParticipants.email("https"), PASSWORD);
		WebVisitor visitor = new WebVisitor("http://localhost:" + this.port);

		WebVisitor.Page page = visitor.get("/signin");
		WebVisitor.Page signedIn = visitor.post("/signin",
				Map.of("email", List.of(account.email()), "password", List.of(PASSWORD), "remember", List.of("true")));

		List<String> cookies = new ArrayList<>(page.headers().allValues("Set-Cookie"));
		cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
		assertThat(signedIn.location()).isEqualTo("/");
		assertThat(cookies).extracting((cookie) -> cookie.substring(0, cookie.indexOf('=')))
			.contains("__Host-NOVANTA-XSRF", "__Host-NOVANTA-SESSION", "__Host-NOVANTA-REMEMBER",
					"__Host-NOVANTA-DEVICE");
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("__Host-")).allSatisfy((cookie) -> {
			assertThat(cookie).containsIgnoringCase("; Secure").containsIgnoringCase("; Path=/");
			assertThat(cookie).doesNotContainIgnoringCase("Domain=");
		});
		assertThat(cookies).filteredOn((cookie) -> cookie.startsWith("NOVANTA-")).isEmpty();
		assertThat(visitor.get("/account").status()).isEqualTo(200);
	}

}
