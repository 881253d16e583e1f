package com.novanta.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Random keys the application signs things with (remember-me cookies, unsubscribe links).
 * Each is made once, from a CSPRNG, and kept in the database, so every instance uses the
 * same one and a restart does not invalidate what was signed.
 *
 * <p>
 * A stored secret never changes, so each instance keeps what it read for {@link #REREAD}:
 * signing the unsubscribe link of 20,000 result emails asked the database 20,000 times (a
 * JFR profile put 72% of the outbox fill's samples there). A secret removed from the
 * database (to make a new one) reaches every instance within that time.
 */
@Component
public class SharedSecrets {

	/** How long an instance uses a secret it read before it reads it again. */
	static final Duration REREAD = Duration.ofMinutes(1);

	private final MongoOperations mongo;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Read> read = new ConcurrentHashMap<>();

	SharedSecrets(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** The secret of that name, made on first use. */
	public String get(String name) {
		Instant now = this.clock.instant();
		Read last = this.read.get(name);
		if (last != null && !now.isBefore(last.at()) && now.isBefore(last.at().plus(REREAD))) {
			return last.value();
		}
		String value = load(name);
		this.read.put(name, new Read(value, now));
		return value;
	}

	private String load(String name) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Secret secret = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(name)),
				new Update().setOnInsert("value", candidate),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Secret.class);
		return secret.value();
	}

	private record Read(String value, Instant at) {
	}

	@Document("secrets")
	record Secret(@Id String id, String value) {
	}

}
