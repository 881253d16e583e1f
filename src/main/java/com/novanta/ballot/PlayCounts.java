package com.novanta.ballot;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Ballots per participant and day or month, in MongoDB: each reservation is one
 * conditional increment of one counter document, like the limit per lottery.
 */
@Component
class PlayCounts {

	private final MongoOperations mongo;

	PlayCounts(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Counts {@code ballots} more for the participant in the period, atomically. Ballots
	 * are counted even without a limit, so that a limit set later counts them too.
	 * @param limit the most ballots in the period, or {@code null} for no limit
	 * @return whether they fit under the limit
	 */
	boolean reserve(String accountId, Object period, String submissionKey, int ballots, Integer limit) {
		if (limit != null && ballots > limit) {
			return false;
		}
		String id = PlayCount.id(accountId, period);
		Criteria criteria = Criteria.where("_id").is(id).and(Reservations.FIELD).ne(submissionKey);
		if (limit != null) {
			criteria = criteria.and("ballots").lte((long) limit - ballots);
		}
		Update update = Reservations.add(new Update().inc("ballots", (long) ballots), submissionKey)
			.setOnInsert("accountId", accountId)
			.setOnInsert("period", period.toString());
		try {
			return this.mongo.findAndModify(Query.query(criteria), update,
					FindAndModifyOptions.options().upsert(true).returnNew(true), PlayCount.class) != null;
		}
		catch (DuplicateKeyException ex) {
			// the counter exists: either this submission was counted by an attempt that
			// failed half-way, or the ballots do not fit
			return Reservations.holds(this.mongo, id, submissionKey, PlayCount.class);
		}
	}

	/**
	 * Gives back ballots counted by {@link #reserve} for a submission that failed (once,
	 * however often it is called).
	 */
	void release(String accountId, Object period, String submissionKey, int ballots) {
		this.mongo.updateFirst(Reservations.heldBy(PlayCount.id(accountId, period), submissionKey),
				Reservations.remove(new Update().inc("ballots", -(long) ballots), submissionKey), PlayCount.class);
	}

	/** How many ballots are counted for the participant in the period. */
	long used(String accountId, Object period) {
		PlayCount count = this.mongo.findById(PlayCount.id(accountId, period), PlayCount.class);
		return (count != null) ? count.ballots() : 0;
	}

}
