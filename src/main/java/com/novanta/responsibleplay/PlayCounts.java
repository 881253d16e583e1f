package com.novanta.responsibleplay;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.bson.Document;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Ballots per participant and day or month, in MongoDB: one counter document per
 * participant and month holds the month's count and each day's, and a reservation is one
 * conditional increment of it (both limits checked in the same atomic write), like the
 * limit per lottery. The ballot module reserves a submission's ballots here before it
 * stores them, and gives them back if the submission fails after all.
 * <p>
 * Counters written before the days were kept in the month's document had a document per
 * day as well: the first reservation of a month whose document has no days yet moves that
 * day's count into it ({@link #DAYS_SINCE} marks the day from which it holds the days);
 * the days before stay where they were and are read there.
 */
@Component
public class PlayCounts {

	/** The day from which the month's document counts each day itself. */
	static final String DAYS_SINCE = "daysSince";

	static final String DAYS = "days";

	static final String COLLECTION = "playCounts";

	/** Enough for a reservation to pass a release or a move racing it. */
	private static final int ATTEMPTS = 4;

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
		Integer daily = play.dailyLimit();
		Integer monthly = play.monthlyLimit();
		if (daily != null && ballots > daily) {
			return Optional.of(new LimitReached(false, leftToday(accountId, play)));
		}
		if (monthly != null && ballots > monthly) {
			return Optional.of(new LimitReached(true, leftThisMonth(accountId, play)));
		}
		String id = PlayCount.id(accountId, play.month());
		String day = play.day().toString();
		Document counter = null;
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			if (count(accountId, play, submissionKey, ballots)) {
				return Optional.empty();
			}
			// not counted now: counted by an earlier attempt of this submission, over a
			// limit, or a month counted before its document held the days
			counter = this.mongo.findById(id, Document.class, COLLECTION);
			if (counter == null) {
				continue;
			}
			if (Reservations.holds(counter, submissionKey)) {
				return Optional.empty();
			}
			if (counter.get(DAYS_SINCE) == null) {
				moveDayIn(accountId, play.day());
				continue;
			}
			long today = dayCount(counter, day);
			long month = counter.get("ballots", Number.class).longValue();
			if ((daily != null && today + ballots > daily) || (monthly != null && month + ballots > monthly)) {
				break;
			}
			// a release or another day's move came in between: try again
		}
		long today = (counter != null) ? dayCount(counter, day) : 0;
		if (daily != null && today + ballots > daily) {
			return Optional.of(new LimitReached(false, Math.max(0, daily - today)));
		}
		if (monthly != null) {
			long month = (counter != null) ? counter.get("ballots", Number.class).longValue() : 0;
			return Optional.of(new LimitReached(true, Math.max(0, monthly - month)));
		}
		// no limit, and still not counted: the writes racing it never let it through
		throw new IllegalStateException("Could not count the ballots of " + submissionKey);
	}

	/**
	 * Counts the ballots in the month's document, the day's and the month's limits
	 * checked in the same write; only a document that holds the days.
	 * @return whether they were counted
	 */
	private boolean count(String accountId, PlayStatus play, String submissionKey, int ballots) {
		String day = play.day().toString();
		Criteria criteria = Criteria.where("_id")
			.is(PlayCount.id(accountId, play.month()))
			.and(Reservations.FIELD)
			.ne(submissionKey)
			.and(DAYS_SINCE)
			.exists(true);
		if (play.monthlyLimit() != null) {
			criteria = criteria.and("ballots").lte((long) play.monthlyLimit() - ballots);
		}
		if (play.dailyLimit() != null) {
			// a day not counted yet has no field: "not over" matches it
			criteria = criteria.and(DAYS + "." + day).not().gt((long) play.dailyLimit() - ballots);
		}
		Update update = Reservations
			.add(new Update().inc("ballots", (long) ballots).inc(DAYS + "." + day, (long) ballots), submissionKey)
			.setOnInsert("accountId", accountId)
			.setOnInsert("period", play.month().toString())
			.setOnInsert(DAYS_SINCE, day);
		try {
			return this.mongo.findAndModify(Query.query(criteria), update,
					FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, COLLECTION) != null;
		}
		catch (DuplicateKeyException ex) {
			// the document exists and did not match
			return false;
		}
	}

	/**
	 * Moves the day's count from its own document, where counters kept it before, into
	 * the month's document, which from then on counts the days itself.
	 */
	private void moveDayIn(String accountId, LocalDate day) {
		PlayCount before = this.mongo.findById(PlayCount.id(accountId, day), PlayCount.class);
		long ballots = (before != null) ? before.ballots() : 0;
		this.mongo.updateFirst(Query.query(
				Criteria.where("_id").is(PlayCount.id(accountId, YearMonth.from(day))).and(DAYS_SINCE).exists(false)),
				new Update().set(DAYS_SINCE, day.toString()).max(DAYS + "." + day, ballots), COLLECTION);
	}

	/**
	 * Gives back the ballots {@link #reserve(String, PlayStatus, String, int)} counted
	 * for a submission that failed (once, however often it is called).
	 */
	public void release(String accountId, PlayStatus play, String submissionKey, int ballots) {
		this.mongo.updateFirst(Reservations.heldBy(PlayCount.id(accountId, play.month()), submissionKey),
				Reservations.remove(
						new Update().inc("ballots", -(long) ballots).inc(DAYS + "." + play.day(), -(long) ballots),
						submissionKey),
				COLLECTION);
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
	 * How many ballots are counted for the participant in the period.
	 * @param period the day ({@link LocalDate}) or month ({@link YearMonth}) in the
	 * site's time zone
	 */
	public long used(String accountId, Object period) {
		if (period instanceof LocalDate day) {
			Document month = this.mongo.findById(PlayCount.id(accountId, YearMonth.from(day)), Document.class,
					COLLECTION);
			Object since = (month != null) ? month.get(DAYS_SINCE) : null;
			if (since != null && day.toString().compareTo(since.toString()) >= 0) {
				return dayCount(month, day.toString());
			}
		}
		PlayCount count = this.mongo.findById(PlayCount.id(accountId, period), PlayCount.class);
		return (count != null) ? count.ballots() : 0;
	}

	private static long dayCount(Document counter, String day) {
		return (counter.get(DAYS) instanceof Document days && days.get(day) instanceof Number count) ? count.longValue()
				: 0;
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
