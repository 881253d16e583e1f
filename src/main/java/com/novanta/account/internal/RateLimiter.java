package com.novanta.account.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

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
 * Fixed-window rate limits shared by every instance: one counter document per bucket, key
 * and window, incremented atomically.
 */
@Component
public class RateLimiter {

	private final MongoOperations mongo;

	private final Clock clock;

	RateLimiter(MongoOperations mongo, Clock clock, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		// a counter is removed once its window ended (a TTL index; swept on the embedded
		// database)
		indexes.ensure(Counter.class, new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
	}

	/**
	 * Counts one more use of {@code bucket} by {@code key} in the current window.
	 * @return whether it is still within {@code limit}
	 */
	public boolean tryAcquire(String bucket, String key, int limit, Duration window) {
		Instant now = this.clock.instant();
		long windowNumber = now.toEpochMilli() / window.toMillis();
		String id = bucket + ":" + AccountTokens.hash(key).substring(0, 32) + ":" + windowNumber;
		Counter counter = this.mongo.findAndModify(Query.query(Criteria.where("_id").is(id)),
				new Update().inc("count", 1)
					.setOnInsert("expiresAt", Instant.ofEpochMilli((windowNumber + 1) * window.toMillis())),
				FindAndModifyOptions.options().upsert(true).returnNew(true), Counter.class);
		return counter != null && counter.count() <= limit;
	}

	@Document("rate_limits")
	record Counter(@Id String id, int count, Instant expiresAt) {
	}

}
