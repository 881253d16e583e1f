package com.novanta.embedded;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Conditional;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Does on the embedded database what MongoDB's TTL monitor does: removes every document
 * whose TTL-indexed date is older than the index's {@code expireAfterSeconds} (expired
 * sessions, sign-in and reset tokens, remembered browsers, rate-limit and sign-in
 * counters). The embedded server keeps TTL indexes but never acts on them; a real MongoDB
 * does it itself, so this runs only on the embedded database. It reads the TTL indexes as
 * declared, so a new one needs nothing here.
 */
@Component
@Conditional(EmbeddedMongoCondition.class)
class ExpirySweep {

	private static final Logger log = LoggerFactory.getLogger(ExpirySweep.class);

	private final MongoOperations mongo;

	private final Clock clock;

	ExpirySweep(MongoOperations mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** Every minute, like MongoDB's TTL monitor. */
	@Scheduled(fixedDelayString = "${lottery.database.expiry-sweep:1m}", initialDelayString = "1m")
	void sweepNow() {
		try {
			long removed = sweep();
			if (removed > 0) {
				log.debug("event=expiry-sweep removed={}", removed);
			}
		}
		catch (RuntimeException ex) {
			log.warn("event=expiry-sweep-failed reason={}", ex.toString());
		}
	}

	/**
	 * Removes what the TTL indexes say has expired, by the application's clock.
	 * @return how many documents were removed
	 */
	long sweep() {
		Instant now = this.clock.instant();
		long removed = 0;
		for (String name : this.mongo.getCollectionNames()) {
			MongoCollection<Document> collection = this.mongo.getCollection(name);
			for (Document index : collection.listIndexes()) {
				Number after = index.get("expireAfterSeconds", Number.class);
				Document key = index.get("key", Document.class);
				if (after == null || key == null || key.size() != 1) {
					// not a TTL index (MongoDB ignores TTL options on compound indexes
					// too)
					continue;
				}
				String field = key.keySet().iterator().next();
				Date before = Date.from(now.minusSeconds(after.longValue()));
				removed += collection.deleteMany(Filters.lt(field, before)).getDeletedCount();
			}
		}
		return removed;
	}

}
