package com.novanta.responsibleplay;

import java.util.Optional;
import java.util.function.LongSupplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Ballots per participant and day or month, in MongoDB: each reservation is one
 * conditional increment of one counter document, like the limit per lottery. The ballot
 * module reserves a submission's ballots here before it stores them, and gives them back
 * if the submission fails after all.
 */
@Component
public class PlayCounts {

	private final MongoOperations mongo;

	PlayCounts(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/**
	 * Counts {@code ballots} more for the participant, in the day and the month of their
	 * status, if they fit under the limits in force; counts nothing otherwise.
	 * @return empty if they fit, else the limit they would go over
	 */
	public Optional<LimitReached> reserve(String accountId, PlayStatus play, String submissionKey, int ballots) {
		if (!reserve(accountId, play.day(), submissionKey, ballots, play.dailyLimit())) {
			return Optional.of(new LimitReached(false, leftToday(accountId, play)));
		}
		if (!reserve(accountId, play.month(), submissionKey, ballots, play.monthlyLimit())) {
			release(accountId, play.day(), submissionKey, ballots);
			return Optional.of(new LimitReached(true, leftThisMonth(accountId, play)));
		}
		return Optional.empty();
	}

	/**
	 * Gives back the ballots {@link #reserve(String, PlayStatus, String, int)} counted
	 * for a submission that failed (once, however often it is called).
	 */
	public void release(String accountId, PlayStatus play, String submissionKey, int ballots) {
		release(accountId, play.month(), submissionKey, ballots);
		release(accountId, play.day(), submissionKey, ballots);
	}

	/** The ballots the participant can still play today, {@code null} for no limit. */
	public Long leftToday(String accountId, PlayStatus play) {
		return left(play.dailyLimit(), () -> used(accountId, play.day()));
	}

	/**
	 * The ballots the participant can still play this month, {@code null} for no limit.
	 */
	public Long leftThisMonth(String accountId, PlayStatus play) {
		return left(play.monthlyLimit(), () -> used(accountId, play.month()));
	}

	private static Long left(Integer limit, LongSupplier used) {
		return (limit != null) ? Math.max(0, limit - used.getAsLong()) : null;
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
	 * Gives back ballots counted by
	 * {@link #reserve(String, Object, String, int, Integer)} for a submission that failed
	 * (once, however often it is called).
	 */
	void release(String accountId, Object period, String submissionKey, int ballots) {
		this.mongo.updateFirst(Reservations.heldBy(PlayCount.id(accountId, period), submissionKey),
				Reservations.remove(new Update().inc("ballots", -(long) ballots), submissionKey), PlayCount.class);
	}

	/**
	 * How many ballots are counted for the participant in the period.
	 * @param period the day ({@link java.time.LocalDate}) or month
	 * ({@link java.time.YearMonth}) in the site's time zone
	 */
	public long used(String accountId, Object period) {
		PlayCount count = this.mongo.findById(PlayCount.id(accountId, period), PlayCount.class);
		return (count != null) ? count.ballots() : 0;
	}

	/**
	 * A submission that would go over a limit.
	 *
	 * @param monthly whether it is the monthly limit, else the daily one
	 * @param left the ballots that can still be played under it
	 */
	public record LimitReached(boolean monthly, long left) {
	}

}
