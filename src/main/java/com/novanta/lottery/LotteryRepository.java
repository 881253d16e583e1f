package com.novanta.lottery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.novanta.config.DatabaseIndexes;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/**
 * Lotteries in MongoDB; every change is one atomic write to one lottery document. It
 * reads {@link LotteryDocument}s and answers with their {@link Lottery} views.
 */
@Component
class LotteryRepository {

	private final MongoOperations mongo;

	LotteryRepository(MongoOperations mongo, DatabaseIndexes indexes) {
		this.mongo = mongo;
		indexes.ensure(LotteryDocument.class,
				new Index().on("status", Sort.Direction.ASC).on("closesAt", Sort.Direction.ASC));
		indexes.ensure(LotteryDocument.class,
				new Index().on("gameId", Sort.Direction.ASC).on("drawDate", Sort.Direction.DESC));
		indexes.ensure(LotteryDocument.class, new Index().on("drawDate", Sort.Direction.DESC));
	}

	Optional<Lottery> findById(String id) {
		return Optional.ofNullable(id)
			.map((value) -> this.mongo.findById(value, LotteryDocument.class))
			.map(LotteryDocument::view);
	}

	List<Lottery> findAllById(Collection<String> ids) {
		return views(this.mongo.find(Query.query(Criteria.where("_id").in(ids)), LotteryDocument.class));
	}

	List<Lottery> findByStatus(LotteryStatus status) {
		return views(this.mongo.find(Query.query(Criteria.where("status").is(status)).with(Sort.by("closesAt")),
				LotteryDocument.class));
	}

	List<Lottery> findOpen(Instant now) {
		return views(
				this.mongo.find(Query.query(Criteria.where("status").is(LotteryStatus.OPEN).and("closesAt").gt(now))
					.with(Sort.by("closesAt")), LotteryDocument.class));
	}

	/** Whether a lottery of the game drawn before {@code date} is not settled yet. */
	boolean anyUnsettledBefore(String gameId, LocalDate date) {
		return this.mongo.exists(Query.query(Criteria.where("gameId")
			.is(gameId)
			.and("drawDate")
			.lt(date)
			.and("status")
			.in(LotteryStatus.OPEN, LotteryStatus.CLOSED, LotteryStatus.DRAWN)), LotteryDocument.class);
	}

	/** Lotteries past their close instant that are not finished yet, oldest first. */
	List<Lottery> findDue(Instant now) {
		return views(
				this.mongo.find(
						Query
							.query(Criteria.where("status")
								.in(LotteryStatus.OPEN, LotteryStatus.CLOSED, LotteryStatus.DRAWN,
										LotteryStatus.SETTLED)
								.and("closesAt")
								.lte(now))
							.with(Sort.by("closesAt")),
						LotteryDocument.class));
	}

	List<Lottery> page(String gameId, LocalDate date, List<LotteryStatus> statuses, int offset, int limit) {
		Query query = new Query();
		if (gameId != null) {
			query.addCriteria(Criteria.where("gameId").is(gameId));
		}
		if (date != null) {
			query.addCriteria(Criteria.where("drawDate").is(date));
		}
		if (statuses != null && !statuses.isEmpty()) {
			query.addCriteria(Criteria.where("status").in(statuses));
		}
		return views(this.mongo.find(
				query.with(Sort.by(Sort.Order.desc("drawDate"), Sort.Order.asc("gameId"))).skip(offset).limit(limit),
				LotteryDocument.class));
	}

	long count(String gameId, LocalDate date, List<LotteryStatus> statuses) {
		Query query = new Query();
		if (gameId != null) {
			query.addCriteria(Criteria.where("gameId").is(gameId));
		}
		if (date != null) {
			query.addCriteria(Criteria.where("drawDate").is(date));
		}
		if (statuses != null && !statuses.isEmpty()) {
			query.addCriteria(Criteria.where("status").in(statuses));
		}
		return this.mongo.count(query, LotteryDocument.class);
	}

	/** Creates the lottery unless it exists; never changes an existing one. */
	boolean createIfAbsent(LotteryDocument lottery) {
		Update update = new Update().setOnInsert("gameId", lottery.gameId())
			.setOnInsert("drawDate", lottery.drawDate())
			.setOnInsert("closesAt", lottery.closesAt())
			.setOnInsert("status", lottery.status())
			.setOnInsert("seedCommitment", lottery.seedCommitment())
			.setOnInsert("slots", 0L)
			.setOnInsert("reservedBallots", 0L)
			.setOnInsert("createdAt", lottery.createdAt())
			.setOnInsert("recipe", lottery.recipe());
		if (lottery.beacon() != null) {
			update.setOnInsert("beacon", lottery.beacon());
		}
		try {
			return this.mongo.upsert(Query.query(Criteria.where("_id").is(lottery.id())), update, LotteryDocument.class)
				.getUpsertedId() != null;
		}
		catch (DuplicateKeyException ex) {
			// another instance created it at the same moment
			return false;
		}
	}

	/**
	 * Gives ballot slips their places in an open lottery.
	 * @return the last slip's number, or empty if the lottery is not open at {@code now}
	 */
	Optional<Long> allocateSlots(String lotteryId, int slips, long ballots, Instant now) {
		LotteryDocument lottery = this.mongo.findAndModify(Query
			.query(Criteria.where("_id").is(lotteryId).and("status").is(LotteryStatus.OPEN).and("closesAt").gt(now)),
				new Update().inc("slots", (long) slips).inc("reservedBallots", ballots),
				FindAndModifyOptions.options().returnNew(true), LotteryDocument.class);
		return Optional.ofNullable(lottery).map(LotteryDocument::slots);
	}

	/**
	 * Applies an update if the lottery is in the expected status; returns the updated
	 * lottery.
	 */
	Optional<Lottery> advance(String lotteryId, LotteryStatus expected, Update update) {
		return Optional.ofNullable(
				this.mongo.findAndModify(Query.query(Criteria.where("_id").is(lotteryId).and("status").is(expected)),
						update, FindAndModifyOptions.options().returnNew(true), LotteryDocument.class))
			.map(LotteryDocument::view);
	}

	Optional<Lottery> update(Query query, Update update) {
		return Optional
			.ofNullable(this.mongo.findAndModify(query, update, FindAndModifyOptions.options().returnNew(true),
					LotteryDocument.class))
			.map(LotteryDocument::view);
	}

	private static List<Lottery> views(List<LotteryDocument> documents) {
		return documents.stream().map(LotteryDocument::view).toList();
	}

	MongoOperations mongo() {
		return this.mongo;
	}

}
