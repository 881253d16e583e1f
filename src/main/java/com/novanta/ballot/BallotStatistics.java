package com.novanta.ballot;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Ballots accepted per day (in the site's time zone), counted as they are accepted: one
 * counter document per day, so the admin dashboard never scans the ballots.
 */
@Service
public class BallotStatistics {

	private final MongoOperations mongo;

	private final Clock clock;

	private final ZoneId zone;

	BallotStatistics(MongoOperations mongo, Clock clock, Environment environment) {
		this.mongo = mongo;
		this.clock = clock;
		this.zone = ZoneId.of(environment.getProperty("lottery.accounts.time-zone", "Europe/Rome"));
	}

	void accepted(long ballots, long slips) {
		LocalDate today = today();
		this.mongo.upsert(Query.query(Criteria.where("_id").is(today.toString())),
				new Update().inc("ballots", ballots).inc("slips", slips).setOnInsert("date", today), DailyCount.class);
	}

	public LocalDate today() {
		return this.clock.instant().atZone(this.zone).toLocalDate();
	}

	/**
	 * Ballots accepted on each of the last {@code days} days, oldest first (zero where
	 * none).
	 */
	public Map<LocalDate, Long> lastDays(int days) {
		LocalDate today = today();
		LocalDate from = today.minusDays(days - 1L);
		Map<LocalDate, Long> counts = new LinkedHashMap<>();
		for (LocalDate date = from; !date.isAfter(today); date = date.plusDays(1)) {
			counts.put(date, 0L);
		}
		List<String> ids = counts.keySet().stream().map(LocalDate::toString).toList();
		for (DailyCount count : this.mongo.find(Query.query(Criteria.where("_id").in(ids)), DailyCount.class)) {
			counts.put(LocalDate.parse(count.id()), count.ballots());
		}
		return counts;
	}

	/**
	 * Ballots accepted on one day.
	 *
	 * @param id the date, ISO
	 * @param date the date
	 * @param ballots ballots accepted
	 * @param slips submissions accepted
	 */
	@Document("ballots_per_day")
	record DailyCount(@Id String id, LocalDate date, long ballots, long slips) {
	}

}
