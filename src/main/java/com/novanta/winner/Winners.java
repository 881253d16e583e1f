package com.novanta.winner;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.InsertManyOptions;
import com.novanta.config.DatabaseIndexes;
import org.bson.Document;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** The winners' own collection. Recording is idempotent: a ballot wins once. */
@Service
public class Winners {

	private static final int DUPLICATE_KEY = 11000;

	private static final String COLLECTION = "winners";

	private final MongoOperations mongo;

	Winners(MongoOperations mongo, DatabaseIndexes indexes) {
		this.mongo = mongo;
		indexes.ensure(Winner.class, new Index().on("lotteryId", Sort.Direction.ASC).on("tier", Sort.Direction.DESC));
		indexes.ensure(Winner.class,
				new Index().on("accountId", Sort.Direction.ASC).on("drawDate", Sort.Direction.DESC));
		indexes.ensure(Winner.class, new Index().on("drawDate", Sort.Direction.DESC));
	}

	/**
	 * Records winning ballots; those recorded before are left as they are.
	 * @return how many were new
	 */
	public int recordAll(Collection<Winner> winners) {
		if (winners.isEmpty()) {
			return 0;
		}
		List<Document> documents = winners.stream().map(Winners::toDocument).toList();
		try {
			// written as plain documents: a lottery with a million ballots has tens of
			// thousands of winners
			return this.mongo.getCollection(COLLECTION)
				.insertMany(documents, new InsertManyOptions().ordered(false))
				.getInsertedIds()
				.size();
		}
		catch (MongoBulkWriteException ex) {
			if (ex.getWriteErrors().stream().anyMatch((error) -> error.getCode() != DUPLICATE_KEY)) {
				throw ex;
			}
			return ex.getWriteResult().getInsertedCount();
		}
	}

	private static Document toDocument(Winner winner) {
		return new Document("_id", winner.id()).append("lotteryId", winner.lotteryId())
			.append("gameId", winner.gameId())
			.append("drawDate", winner.drawDate())
			.append("slipId", winner.slipId())
			.append("line", winner.line())
			.append("receipt", winner.receipt())
			.append("accountId", winner.accountId())
			.append("numbers", winner.numbers())
			.append("matched", winner.matched())
			.append("tier", winner.tier())
			.append("prize", winner.prize())
			.append("jackpot", winner.jackpot())
			.append("shareCity", winner.shareCity())
			.append("sharePrize", winner.sharePrize())
			.append("createdAt", winner.createdAt());
	}

	/**
	 * Sets the prize of every winning ballot of one tier of a lottery (for jackpot
	 * shares).
	 */
	public void setPrize(String lotteryId, int tier, long prize) {
		this.mongo.updateMulti(Query.query(Criteria.where("lotteryId").is(lotteryId).and("tier").is(tier)),
				new Update().set("prize", prize), Winner.class);
	}

	/** Winners matching a filter, newest draw first. */
	public List<Winner> search(WinnerFilter filter, int offset, int limit) {
		return this.mongo.find(
				query(filter).with(Sort.by(Sort.Order.desc("drawDate"), Sort.Order.desc("tier"), Sort.Order.asc("_id")))
					.skip(offset)
					.limit(limit),
				Winner.class);
	}

	public long count(WinnerFilter filter) {
		return this.mongo.count(query(filter), Winner.class);
	}

	/**
	 * Winners matching a filter, streamed (for an export); close the stream after use.
	 */
	public Stream<Winner> stream(WinnerFilter filter) {
		return this.mongo.stream(
				query(filter)
					.with(Sort.by(Sort.Order.desc("drawDate"), Sort.Order.desc("tier"), Sort.Order.asc("_id"))),
				Winner.class);
	}

	public Optional<Winner> find(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Winner.class));
	}

	private static Query query(WinnerFilter filter) {
		Query query = new Query();
		if (filter.accountId() != null) {
			query.addCriteria(Criteria.where("accountId").is(filter.accountId()));
		}
		if (filter.gameId() != null) {
			query.addCriteria(Criteria.where("gameId").is(filter.gameId()));
		}
		if (filter.from() != null || filter.to() != null) {
			Criteria dates = Criteria.where("drawDate");
			if (filter.from() != null) {
				dates = dates.gte(filter.from());
			}
			if (filter.to() != null) {
				dates = dates.lte(filter.to());
			}
			query.addCriteria(dates);
		}
		if (filter.tier() != null) {
			query.addCriteria(Criteria.where("tier").is(filter.tier()));
		}
		return query;
	}

	/**
	 * Which winners to find.
	 *
	 * @param gameId of this game only, or all
	 * @param from drawn on or after this date, or any
	 * @param to drawn on or before this date, or any
	 * @param tier of this tier only, or all
	 * @param accountId of this participant only, or all
	 */
	public record WinnerFilter(String gameId, LocalDate from, LocalDate to, Integer tier, String accountId) {

		public static WinnerFilter all() {
			return new WinnerFilter(null, null, null, null, null);
		}

	}

	/** The winning ballots of a lottery, best tier first. */
	public List<Winner> ofLottery(String lotteryId) {
		return this.mongo.find(Query.query(Criteria.where("lotteryId").is(lotteryId))
			.with(Sort.by(Sort.Order.desc("tier"), Sort.Order.asc("_id"))), Winner.class);
	}

	public long countOfLottery(String lotteryId) {
		return this.mongo.count(Query.query(Criteria.where("lotteryId").is(lotteryId)), Winner.class);
	}

	/** A participant's winning ballots, newest first. */
	public List<Winner> ofAccount(String accountId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId))
			.with(Sort.by(Sort.Order.desc("drawDate"), Sort.Order.desc("tier"))), Winner.class);
	}

	/**
	 * Several participants' winning ballots in one lottery, read together: by
	 * participant, each's by id; participants without a win are left out.
	 */
	public Map<String, List<Winner>> ofAccountsInLottery(Collection<String> accountIds, String lotteryId) {
		if (accountIds.isEmpty()) {
			return Map.of();
		}
		return this.mongo
			.find(Query.query(Criteria.where("accountId").in(accountIds).and("lotteryId").is(lotteryId))
				.with(Sort.by("_id")), Winner.class)
			.stream()
			.collect(Collectors.groupingBy(Winner::accountId));
	}

	/** A participant's winning ballots in one lottery. */
	public List<Winner> ofAccountInLottery(String accountId, String lotteryId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("lotteryId").is(lotteryId))
			.with(Sort.by("_id")), Winner.class);
	}

}
