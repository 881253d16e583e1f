package com.novanta.config;

import java.security.SecureRandom;
import java.util.Base64;

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
 */
@Component
public class SharedSecrets {

	private final MongoOperations mongo;

	private final SecureRandom random = new SecureRandom();

	SharedSecrets(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** The secret of that name, made on first use. */
	public String get(String name) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String candidate = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Secret secret = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(name)),
				new Update().setOnInsert("value", candidate),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Secret.class);
		return secret.value();
	}

	@Document("secrets")
	record Secret(@Id String id, String value) {
	}

}
