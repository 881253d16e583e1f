package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The winning numbers of past draws, for statistics, the number checker and the open
 * results.
 */
@Service
public class DrawHistory {

	private static final List<LotteryStatus> DRAWN = List.of(LotteryStatus.DRAWN, LotteryStatus.SETTLED,
			LotteryStatus.NOTIFIED);

	private final MongoOperations mongo;

	DrawHistory(LotteryRepository repository) {
		this.mongo = repository.mongo();
	}

	/**
	 * The drawn lotteries of a game with a draw date in a range, oldest first.
	 * @param gameId the game
	 * @param from the first draw date, or {@code null} for no limit
	 * @param to the last draw date, or {@code null} for no limit
	 */
	public List<DrawnNumbers> drawn(String gameId, LocalDate from, LocalDate to) {
		Query query = Query.query(drawnOf(gameId, from, to)).with(Sort.by("drawDate"));
		// only what statistics need: a lottery document also holds its seed, digest and
		// summary
		query.fields().include("drawDate", "winningNumbers");
		return this.mongo.find(query, Row.class, this.mongo.getCollectionName(LotteryDocument.class))
			.stream()
			.filter((row) -> row.winningNumbers() != null)
			.map((row) -> new DrawnNumbers(row.id(), row.drawDate(), row.winningNumbers()))
			.toList();
	}

	/**
	 * The latest drawn lotteries of a game with a draw date in a range, newest first,
	 * with their prize breakdown once settled: one query, which the index on game and
	 * draw date (descending) serves, filter and order alike.
	 * @param gameId the game
	 * @param from the first draw date, or {@code null} for no limit
	 * @param to the last draw date, or {@code null} for no limit
	 * @param limit the most lotteries to read
	 */
	public List<PastDraw> latest(String gameId, LocalDate from, LocalDate to, int limit) {
		Query query = Query.query(drawnOf(gameId, from, to))
			.with(Sort.by(Sort.Direction.DESC, "drawDate"))
			.limit(limit);
		return results(query, false);
	}

	/**
	 * The latest drawn lotteries of a game, newest first, with their prize breakdown once
	 * settled and when they closed and were drawn: for the open results.
	 * @param gameId the game
	 * @param limit the most lotteries to read
	 */
	public List<PastDraw> latestWithTimes(String gameId, int limit) {
		Query query = Query.query(drawnOf(gameId, null, null))
			.with(Sort.by(Sort.Direction.DESC, "drawDate"))
			.limit(limit);
		return results(query, true);
	}

	/**
	 * A page of a game's drawn lotteries, newest first (the draw date is unique per game,
	 * so the order is stable), with when they closed and were drawn: for the public
	 * archive.
	 * @param gameId the game
	 * @param offset how many of the newest to skip
	 * @param limit the most lotteries to read
	 */
	public List<PastDraw> page(String gameId, int offset, int limit) {
		Query query = Query.query(drawnOf(gameId, null, null))
			.with(Sort.by(Sort.Direction.DESC, "drawDate"))
			.skip(offset)
			.limit(limit);
		return results(query, true);
	}

	/** How many lotteries of a game are drawn. */
	public long count(String gameId) {
		return this.mongo.count(Query.query(drawnOf(gameId, null, null)), LotteryDocument.class);
	}

	private List<PastDraw> results(Query query, boolean withTimes) {
		// only what is asked for: a lottery document also holds its seed, digest and
		// ballots' places
		query.fields().include("drawDate", "winningNumbers", "summary");
		if (withTimes) {
			query.fields().include("closesAt", "drawnAt");
		}
		return this.mongo.find(query, ResultRow.class, this.mongo.getCollectionName(LotteryDocument.class))
			.stream()
			.filter((row) -> row.winningNumbers() != null)
			.map((row) -> new PastDraw(row.id(), row.drawDate(), row.winningNumbers(), row.summary(), row.closesAt(),
					row.drawnAt()))
			.toList();
	}

	/** The game first, then the draw date: the order of the index that serves it. */
	private static Criteria drawnOf(String gameId, LocalDate from, LocalDate to) {
		Criteria criteria = Criteria.where("gameId").is(gameId);
		if (from != null || to != null) {
			Criteria dates = criteria.and("drawDate");
			if (from != null) {
				dates.gte(from);
			}
			if (to != null) {
				dates.lte(to);
			}
		}
		criteria.and("status").in(DRAWN);
		return criteria;
	}

	record Row(@Id String id, LocalDate drawDate, List<Integer> winningNumbers) {

	}

	record ResultRow(@Id String id, LocalDate drawDate, List<Integer> winningNumbers, LotterySummary summary,
			Instant closesAt, Instant drawnAt) {

	}

}
