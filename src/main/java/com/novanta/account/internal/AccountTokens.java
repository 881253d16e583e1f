package com.novanta.account.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import com.novanta.config.DatabaseIndexes;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Single-use tokens sent by email (verification, password reset, linking a sign-in). A
 * token is 256 random bits from a CSPRNG; only its SHA-256 is stored, so a copy of the
 * database does not let anyone use one. Expiry is checked here, not by a TTL index (the
 * embedded database does not expire documents).
 */
@Component
public class AccountTokens {

	private static final int TOKEN_BYTES = 32;

	private final MongoOperations mongo;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	AccountTokens(MongoOperations mongo, Clock clock, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		// a token is kept a week after it expired (its link then says it expired rather
		// than that it is unknown), then removed (a TTL index; swept on the embedded
		// database)
		indexes.ensure(StoredToken.class, new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ofDays(7)));
	}

	/**
	 * Issues a token; the returned raw value goes into the link and is stored nowhere.
	 */
	public String issue(Purpose purpose, String accountId, Duration validity, Map<String, String> data) {
		byte[] bytes = new byte[TOKEN_BYTES];
		this.random.nextBytes(bytes);
		String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.mongo.insert(new StoredToken(hash(raw), purpose, accountId, now, now.plus(validity), null,
				(data != null) ? data : Map.of()));
		return raw;
	}

	/** Looks at a token without using it up: for a form that will use it. */
	public Optional<StoredToken> peek(Purpose purpose, String raw) {
		if (!looksLikeAToken(raw)) {
			return Optional.empty();
		}
		StoredToken token = this.mongo.findById(hash(raw), StoredToken.class);
		return Optional.ofNullable(token).filter((t) -> t.purpose() == purpose && usable(t));
	}

	/** Uses a token up, atomically: of two concurrent uses only one succeeds. */
	public Optional<StoredToken> consume(Purpose purpose, String raw) {
		if (!looksLikeAToken(raw)) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		Query unused = Query.query(Criteria.where("_id")
			.is(hash(raw))
			.and("purpose")
			.is(purpose)
			.and("usedAt")
			.isNull()
			.and("expiresAt")
			.gt(now));
		StoredToken token = this.mongo.findAndModify(unused, new Update().set("usedAt", now),
				FindAndModifyOptions.options().returnNew(true), StoredToken.class);
		return Optional.ofNullable(token);
	}

	/** Makes every unused token of an account for one purpose unusable. */
	public void revokeAll(Purpose purpose, String accountId) {
		this.mongo.updateMulti(
				Query
					.query(Criteria.where("accountId").is(accountId).and("purpose").is(purpose).and("usedAt").isNull()),
				new Update().set("usedAt", this.clock.instant()), StoredToken.class);
	}

	private boolean usable(StoredToken token) {
		return token.usedAt() == null && token.expiresAt().isAfter(this.clock.instant());
	}

	private static boolean looksLikeAToken(String raw) {
		return raw != null && raw.length() >= 40 && raw.length() <= 64 && raw.matches("[A-Za-z0-9_-]+");
	}

	public static String hash(String raw) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.US_ASCII));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public enum Purpose {

		VERIFY_EMAIL, RESET_PASSWORD, LINK_IDENTITY

	}

	/**
	 * A token as stored: by the hash of its value.
	 *
	 * @param id SHA-256 of the raw token, hex
	 * @param purpose what it is for
	 * @param accountId whose it is
	 * @param createdAt when it was issued
	 * @param expiresAt when it stops working
	 * @param usedAt when it was used, or {@code null}
	 * @param data what else the purpose needs
	 */
	@Document("account_tokens")
	public record StoredToken(@Id String id, Purpose purpose, String accountId, Instant createdAt, Instant expiresAt,
			Instant usedAt, Map<String, String> data) {
	}

}
