package com.novanta.responsibleplay;

import java.util.List;

import org.bson.Document;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

/**
 * Makes the counters of a participant's ballots (per lottery, day and month) count each
 * submission once. A counter remembers the keys of the last submissions it counted, in
 * the same atomic write as the count: when the database goes away in the middle of a
 * submission, the counters it reached keep its key, and the participant's retry of the
 * same form is not counted twice (nor is it given back twice). Public for the ballot
 * module's counter per lottery, which works the same way.
 */
public final class Reservations {

	public static final String FIELD = "recentKeys";

	/** Far more than the submissions of one participant in flight at once. */
	private static final int KEPT = 20;

	private Reservations() {
	}

	public static Update add(Update update, String submissionKey) {
		update.push(FIELD).slice(-KEPT).each(submissionKey);
		return update;
	}

	public static Update remove(Update update, String submissionKey) {
		return update.pull(FIELD, submissionKey);
	}

	public static Query heldBy(String counterId, String submissionKey) {
		return Query.query(Criteria.where("_id").is(counterId).and(FIELD).is(submissionKey));
	}

	/** Whether a counter already read holds the submission's key. */
	public static boolean holds(Document counter, String submissionKey) {
		return counter.get(FIELD) instanceof List<?> keys && keys.contains(submissionKey);
	}

	public static boolean holds(MongoOperations mongo, String counterId, String submissionKey, Class<?> type) {
		return mongo.exists(heldBy(counterId, submissionKey), type);
	}

}
