package com.novanta.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.novanta.account.internal.AccountTokens.Purpose;
import com.novanta.account.internal.AccountTokens.StoredToken;
import com.novanta.account.internal.AccountTokens;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/** Single-use emailed tokens, against the embedded database. */
@IntegrationTest
class AccountTokensIntegrationTests {

	@Autowired
	AccountTokens tokens;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	final String accountId = new ObjectId().toHexString();

	@Test
	void issuesLongRandomUrlSafeTokens() {
		String first = issue(Duration.ofHours(1));
		String second = issue(Duration.ofHours(1));
		assertThat(first).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(second);
	}

	@Test
	void aTokenCanBeLookedAtWithoutUsingItUp() {
		String token = issue(Duration.ofHours(1));

		assertThat(this.tokens.peek(Purpose.RESET_PASSWORD, token)).hasValueSatisfying((stored) -> {
			assertThat(stored.accountId()).isEqualTo(this.accountId);
			assertThat(stored.usedAt()).isNull();
		});
		assertThat(this.tokens.peek(Purpose.RESET_PASSWORD, token)).isPresent();
		assertThat(this.tokens.consume(Purpose.RESET_PASSWORD, token)).isPresent();
	}

	@Test
	void aTokenWorksOnlyOnce() {
		String token = issue(Duration.ofHours(1));

		Optional<StoredToken> first = this.tokens.consume(Purpose.RESET_PASSWORD, token);
		Optional<StoredToken> second = this.tokens.consume(Purpose.RESET_PASSWORD, token);

		assertThat(first).hasValueSatisfying((used) -> {
			assertThat(used.accountId()).isEqualTo(this.accountId);
			assertThat(used.usedAt()).isNotNull();
		});
		assertThat(second).isEmpty();
		assertThat(this.tokens.peek(Purpose.RESET_PASSWORD, token)).isEmpty();
	}

	@Test
	void aTokenStopsWorkingWhenItExpiresEvenThoughTheDatabaseKeepsIt() {
		String token = issue(Duration.ofHours(1));

		this.clock.advance(Duration.ofMinutes(59));
		assertThat(this.tokens.peek(Purpose.RESET_PASSWORD, token)).isPresent();

		this.clock.advance(Duration.ofMinutes(1));
		assertThat(this.tokens.peek(Purpose.RESET_PASSWORD, token)).isEmpty();
		assertThat(this.tokens.consume(Purpose.RESET_PASSWORD, token)).isEmpty();
		assertThat(this.mongo.findById(AccountTokens.hash(token), StoredToken.class)).isNotNull();
	}

	@Test
	void aTokenWorksOnlyForItsPurpose() {
		String token = issue(Duration.ofHours(1));

		assertThat(this.tokens.peek(Purpose.VERIFY_EMAIL, token)).isEmpty();
		assertThat(this.tokens.consume(Purpose.VERIFY_EMAIL, token)).isEmpty();
		assertThat(this.tokens.consume(Purpose.RESET_PASSWORD, token)).isPresent();
	}

	@Test
	void storesOnlyTheSha256OfTheToken() {
		String token = issue(Duration.ofHours(1));

		Document stored = this.mongo.findOne(Query.query(Criteria.where("accountId").is(this.accountId)),
				Document.class, "account_tokens");
		assertThat(stored).isNotNull();
		assertThat(stored.getString("_id")).isEqualTo(sha256Hex(token)).hasSize(64);
		assertThat(stored.toJson()).doesNotContain(token);
	}

	@Test
	void unknownOrMalformedTokensAreRefused() {
		issue(Duration.ofHours(1));

		for (String token : new String[] { null, "", "short", "x".repeat(43), "not a token at all, with spaces",
				"../../etc/passwd" }) {
			assertThat(this.tokens.peek(Purpose.RESET_PASSWORD, token)).as(token).isEmpty();
			assertThat(this.tokens.consume(Purpose.RESET_PASSWORD, token)).as(token).isEmpty();
		}
	}

	@Test
	void revokingMakesEveryUnusedTokenOfThatPurposeUnusable() {
		String first = issue(Duration.ofHours(1));
		String second = issue(Duration.ofHours(1));
		String other = this.tokens.issue(Purpose.VERIFY_EMAIL, this.accountId, Duration.ofHours(1), null);

		this.tokens.revokeAll(Purpose.RESET_PASSWORD, this.accountId);

		assertThat(this.tokens.consume(Purpose.RESET_PASSWORD, first)).isEmpty();
		assertThat(this.tokens.consume(Purpose.RESET_PASSWORD, second)).isEmpty();
		assertThat(this.tokens.consume(Purpose.VERIFY_EMAIL, other)).isPresent();
	}

	@Test
	void keepsTheDataItWasIssuedWith() {
		String token = this.tokens.issue(Purpose.LINK_IDENTITY, this.accountId, Duration.ofHours(1),
				Map.of("provider", "google", "subject", "1234"));

		assertThat(this.tokens.consume(Purpose.LINK_IDENTITY, token)).hasValueSatisfying(
				(used) -> assertThat(used.data()).containsEntry("provider", "google").containsEntry("subject", "1234"));
	}

	private String issue(Duration validity) {
		return this.tokens.issue(Purpose.RESET_PASSWORD, this.accountId, validity, null);
	}

	private static String sha256Hex(String raw) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
