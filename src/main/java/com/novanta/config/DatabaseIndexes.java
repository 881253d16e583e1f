package com.novanta.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.IndexDefinition;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates the indexes every query of the application needs. Modules declare them when
 * they start; if the database cannot be reached then, the application starts anyway (its
 * health says the database is down) and the indexes are created as soon as it can be
 * reached.
 */
@Component
public class DatabaseIndexes {

	private static final Logger log = LoggerFactory.getLogger(DatabaseIndexes.class);

	private final MongoOperations mongo;

	private final List<Pending> pending = new CopyOnWriteArrayList<>();

	DatabaseIndexes(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** Creates an index on the collection of a document type, now or later. */
	public void ensure(Class<?> type, IndexDefinition index) {
		ensure(this.mongo.getCollectionName(type), index);
	}

	/** Creates an index on a collection, now or later. */
	public void ensure(String collection, IndexDefinition index) {
		Pending definition = new Pending(collection, index);
		// once the database has not answered, the rest wait too rather than each waiting
		// for its own timeout
		if (!this.pending.isEmpty() || !create(definition)) {
			this.pending.add(definition);
		}
	}

	@Scheduled(fixedDelayString = "30s", initialDelayString = "30s")
	synchronized void retry() {
		if (this.pending.isEmpty()) {
			return;
		}
		for (Pending definition : this.pending) {
			if (!create(definition)) {
				return;
			}
			this.pending.remove(definition);
		}
		log.info("The database is back: every index is in place");
	}

	/** Whether every index is in place. */
	public boolean complete() {
		return this.pending.isEmpty();
	}

	private boolean create(Pending definition) {
		try {
			this.mongo.indexOps(definition.collection()).createIndex(definition.index());
			return true;
		}
		catch (RuntimeException ex) {
			if (this.pending.isEmpty()) {
				log.warn(
						"The database cannot be reached ({}). Starting anyway: pages answer 503 and "
								+ "/actuator/health reports DOWN until it is back; its indexes are created then.",
						ex.getMessage());
			}
			return false;
		}
	}

	private record Pending(String collection, IndexDefinition index) {
	}

}
