package com.novanta.lottery;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The winning numbers of past draws, for statistics and the number checker. */
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
		query.fields().include("drawDate", "winningNumbers", "summary");
		return this.mongo.find(query, ResultRow.class, this.mongo.getCollectionName(LotteryDocument.class))
			.stream()
			.filter((row) -> row.winningNumbers() != null)
			.map((row) -> new PastDraw(row.id(), row.drawDate(), row.winningNumbers(), row.summary()))
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

	record ResultRow(@Id String id, LocalDate drawDate, List<Integer> winningNumbers, LotterySummary summary) {

	}

}
