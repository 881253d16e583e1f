package com.novanta.account.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import com.novanta.account.Account;
import com.novanta.account.internal.AccountTokens;
import com.novanta.config.DatabaseIndexes;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * "Keep me signed in", revocably. Each remembered browser holds a random series id and a
 * random secret; the database keeps the series with the SHA-256 of the secret, the
 * account and the account's session epoch at sign-in. The cookie carries no email and no
 * password hash. A remembered browser is forgotten when its owner signs out on it; every
 * one of an account's is forgotten when its owner signs out everywhere, and stops working
 * as soon as the account's session epoch moves (password changed or reset, account
 * disabled or deleted), even if the account is enabled again later.
 */
@Component
public class RememberMeTokens {

	static final Duration VALIDITY = Duration.ofDays(30);

	private final MongoOperations mongo;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	RememberMeTokens(MongoOperations mongo, Clock clock, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		indexes.ensure(Token.class, new Index().on("accountId", Sort.Direction.ASC));
		// a remembered browser is gone once it expired (a TTL index; swept on the
		// embedded
		// database)
		indexes.ensure(Token.class, new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	/**
	 * Remembers a browser for the account.
	 * @return the series and the secret, for the cookie
	 */
	String[] issue(Account account) {
		String series = randomValue();
		String secret = randomValue();
		Instant now = this.clock.instant();
		this.mongo.insert(new Token(series, AccountTokens.hash(secret), account.id(), account.sessionEpoch(), now,
				now.plus(VALIDITY)));
		return new String[] { series, secret };
	}

	/**
	 * The account id a remembered browser's cookie stands for, if the series exists, its
	 * secret matches and it has not expired. The caller still checks the account's status
	 * and session epoch against {@link Token#sessionEpoch()}.
	 */
	Optional<Token> find(String series, String secret) {
		if (series == null || secret == null || series.length() > 64 || secret.length() > 64) {
			return Optional.empty();
		}
		Token token = this.mongo.findById(series, Token.class);
		if (token == null || !token.expiresAt().isAfter(this.clock.instant())) {
			return Optional.empty();
		}
		boolean matches = MessageDigest.isEqual(token.secretHash().getBytes(StandardCharsets.US_ASCII),
				AccountTokens.hash(secret).getBytes(StandardCharsets.US_ASCII));
		return matches ? Optional.of(token) : Optional.empty();
	}

	/** Forgets one remembered browser. */
	void forget(String series) {
		if (series != null) {
			this.mongo.remove(Query.query(Criteria.where("_id").is(series)), Token.class);
		}
	}

	/** Forgets every remembered browser of an account. */
	public void forgetAll(String accountId) {
		this.mongo.remove(Query.query(Criteria.where("accountId").is(accountId)), Token.class);
	}

	private String randomValue() {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/**
	 * A remembered browser.
	 *
	 * @param series its id, in the cookie
	 * @param secretHash SHA-256 of the secret in the cookie, hex
	 * @param accountId whose browser it is
	 * @param sessionEpoch the account's session epoch when it was remembered
	 * @param createdAt when
	 * @param expiresAt until when
	 */
	@Document("remember_me")
	record Token(@Id String series, String secretHash, String accountId, int sessionEpoch, Instant createdAt,
			Instant expiresAt) {
	}

}
