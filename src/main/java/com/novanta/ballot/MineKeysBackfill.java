package com.novanta.ballot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.stereotype.Component;

/**
 * Gives the slips stored before "My ballots" read them by their {@link MineKey} that key,
 * once per database: without it they would not be listed. A marker in {@code migrations}
 * says it is done, so that a restart does not read every slip again (the embedded
 * database has no index for "the field is missing"). Slips are otherwise never changed;
 * this adds the key derived from what they hold and changes nothing else.
 */
@Component
class MineKeysBackfill {

	static final String MARKER = "ballots.mine";

	private static final Logger log = LoggerFactory.getLogger(MineKeysBackfill.class);

	private static final int BATCH = 1000;

	private final MongoOperations mongo;

	MineKeysBackfill(MongoOperations mongo) {
		this.mongo = mongo;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		try {
			run();
		}
		catch (RuntimeException ex) {
			log.warn("Older slips could not be given their 'My ballots' key now (is the database reachable?): {}",
					ex.getMessage());
		}
	}

	/** Adds the key to every slip of a participant that lacks it; how many it changed. */
	long run() {
		MongoCollection<Document> migrations = this.mongo.getCollection("migrations");
		if (migrations.find(new Document("_id", MARKER)).first() != null) {
			return 0;
		}
		MongoCollection<Document> ballots = this.mongo.getCollection(this.mongo.getCollectionName(BallotSlip.class));
		Document missing = new Document(SlipRepository.MINE, new Document("$exists", false)).append("accountId",
				new Document("$type", "string"));
		Document fields = new Document("accountId", 1).append("submittedAt", 1)
			.append("slip", 1)
			.append("lotteryId", 1);
		long changed = 0;
		List<WriteModel<Document>> batch = new ArrayList<>();
		for (Document slip : ballots.find(missing).projection(fields)) {
			String accountId = slip.getString("accountId");
			Instant submittedAt = slip.getDate("submittedAt").toInstant();
			BallotSlip keyed = new BallotSlip(null, slip.getString("lotteryId"), null, null,
					((Number) slip.get("slip")).longValue(), accountId, submittedAt, List.of(), null, null, null, null,
					null, null, null);
			batch.add(new UpdateOneModel<>(new Document("_id", slip.get("_id")),
					new Document("$set", new Document(SlipRepository.MINE, MineKey.of(keyed)))));
			if (batch.size() == BATCH) {
				changed += ballots.bulkWrite(batch).getModifiedCount();
				batch.clear();
			}
		}
		if (!batch.isEmpty()) {
			changed += ballots.bulkWrite(batch).getModifiedCount();
		}
		migrations.replaceOne(new Document("_id", MARKER), new Document("_id", MARKER),
				new ReplaceOptions().upsert(true));
		if (changed > 0) {
			log.info("{} older slips were given their 'My ballots' key", changed);
		}
		return changed;
	}

}
