package com.novanta.account;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.social.SocialSignIn;
import com.novanta.account.social.SocialUsers;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.config.oauth2.client.CommonOAuth2Provider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.user.OAuth2User;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Sign-in with Facebook, from its Graph API's answer to the account: the application's
 * OAuth2 user service asks a stand-in of {@code graph.facebook.com/me} (on a local port)
 * who signed in, as Spring Security's Facebook registration does, and the answer makes or
 * finds the account.
 */
@IntegrationTest
class FacebookSignInIntegrationTests {

	@Autowired
	SocialSignIn socialSignIn;

	@Autowired
	AccountRepository accounts;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	HttpServer graph;

	volatile String answer;

	volatile String asked;

	@BeforeEach
	void startGraph() throws IOException {
		this.graph = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.graph.createContext("/me", this::me);
		this.graph.start();
	}

	@AfterEach
	void stopGraph() {
		this.graph.stop(0);
	}

	@Test
	void aFacebookSignInWithAnEmailMakesAVerifiedParticipantLinkedToItsId() {
		String id = facebookId();
		String email = "ada-" + UUID.randomUUID() + "@example.com";

		OAuth2User user = signIn("{\"id\":\"" + id + "\",\"name\":\"Ada Lovelace\",\"email\":\"" + email + "\"}");

		assertThat(this.asked).isEqualTo("/me?fields=id,name,email Bearer facebook-token");
		Account account = this.accounts.findByEmail(email).orElseThrow();
		assertThat(((SocialUsers.SignedInOAuth2User) user).account().id()).isEqualTo(account.id());
		assertThat(account.emailVerified()).isTrue();
		assertThat(account.name()).isEqualTo("Ada Lovelace");
		assertThat(account.hasPassword()).isFalse();
		assertThat(this.accounts.findIdentity("facebook", id)).hasValueSatisfying((identity) -> {
			assertThat(identity.accountId()).isEqualTo(account.id());
			assertThat(identity.email()).isEqualTo(email);
		});

		// the same Facebook user with another address since: linked by id, not by email
		OAuth2User again = signIn(
				"{\"id\":\"" + id + "\",\"name\":\"Ada Lovelace\",\"email\":\"other-" + email + "\"}");
		assertThat(((SocialUsers.SignedInOAuth2User) again).account().id()).isEqualTo(account.id());
		assertThat(this.accounts.findByEmail("other-" + email)).isEmpty();
	}

	@Test
	void aFacebookSignInWithoutAnEmailIsRefusedAndMakesNothing() {
		String id = facebookId();
		String name = "No Mail " + id;

		assertThatExceptionOfType(OAuth2AuthenticationException.class)
			.isThrownBy(() -> signIn("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}"))
			.satisfies((ex) -> assertThat(ex.getError().getErrorCode()).isEqualTo(SocialSignIn.UNVERIFIED_EMAIL));

		assertThat(this.accounts.findIdentity("facebook", id)).isEmpty();
		assertThat(this.mongo.count(Query.query(Criteria.where("name").is(name)), Account.class)).isZero();
	}

	private OAuth2User signIn(String graphAnswer) {
		this.answer = graphAnswer;
		ClientRegistration facebook = CommonOAuth2Provider.FACEBOOK.getBuilder("facebook")
			.clientId("novanta-test")
			.clientSecret("secret")
			.userInfoUri("http://127.0.0.1:" + this.graph.getAddress().getPort() + "/me?fields=id,name,email")
			.build();
		Instant now = this.clock.instant();
		OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "facebook-token", now,
				now.plus(Duration.ofHours(1)));
		return SocialUsers.oauth2(this.socialSignIn).loadUser(new OAuth2UserRequest(facebook, token));
	}

	private void me(HttpExchange exchange) throws IOException {
		this.asked = exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Authorization");
		byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** Facebook's ids are long strings of digits. */
	private static String facebookId() {
		return String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits()));
	}

}
