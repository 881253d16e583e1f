package com.novanta.lottery;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** The winning numbers of past draws, for statistics. */
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
		Query query = Query.query(criteria).with(Sort.by("drawDate"));
		// only what statistics need: a lottery document also holds its seed, digest and
		// summary
		query.fields().include("drawDate", "winningNumbers");
		return this.mongo.find(query, Row.class, this.mongo.getCollectionName(LotteryDocument.class))
			.stream()
			.filter((row) -> row.winningNumbers() != null)
			.map((row) -> new DrawnNumbers(row.id(), row.drawDate(), row.winningNumbers()))
			.toList();
	}

	record Row(@Id String id, LocalDate drawDate, List<Integer> winningNumbers) {

	}

}
