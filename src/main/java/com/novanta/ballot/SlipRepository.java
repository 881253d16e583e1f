package com.novanta.ballot;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Ballot slips and participations in MongoDB. */
@Component
class SlipRepository {

	private final MongoOperations mongo;

	SlipRepository(MongoOperations mongo) {
		this.mongo = mongo;
		mongo.indexOps(BallotSlip.class)
			.createIndex(new Index().on("submissionKey", Sort.Direction.ASC).unique().sparse());
		mongo.indexOps(BallotSlip.class)
			.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
		mongo.indexOps(Participation.class).createIndex(new Index().on("lotteryId", Sort.Direction.ASC));
		mongo.indexOps(Participation.class)
			.createIndex(new Index().on("accountId", Sort.Direction.ASC).on("drawDate", Sort.Direction.DESC));
	}

	Optional<BallotSlip> findById(String id) {
		return Optional.ofNullable(this.mongo.findById(id, BallotSlip.class)).filter((slip) -> !slip.isTombstone());
	}

	Optional<BallotSlip> findBySubmissionKey(String submissionKey) {
		return Optional.ofNullable(
				this.mongo.findOne(Query.query(Criteria.where("submissionKey").is(submissionKey)), BallotSlip.class));
	}

	/**
	 * Inserts an accepted slip; a duplicate key means its key was used or its place
	 * sealed.
	 */
	void insert(BallotSlip slip) {
		this.mongo.insert(slip);
	}

	/** Slips by id, in the order asked, skipping missing ones. */
	List<BallotSlip> findAllById(Collection<String> ids) {
		return this.mongo.find(Query.query(Criteria.where("_id").in(ids)), BallotSlip.class);
	}

	/**
	 * Seals an empty place so that no late slip can take it; true if this call sealed it.
	 */
	boolean seal(String lotteryId, long slip) {
		try {
			this.mongo.insert(new BallotSlip(BallotSlip.id(lotteryId, slip), lotteryId, null, null, slip, null, null,
					List.of(), null, null, null, Boolean.TRUE));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	List<BallotSlip> findByAccount(String accountId, String gameId, java.time.LocalDate drawDate, int offset,
			int limit) {
		Query query = Query.query(Criteria.where("accountId").is(accountId));
		if (gameId != null) {
			query.addCriteria(Criteria.where("gameId").is(gameId));
		}
		if (drawDate != null) {
			query.addCriteria(Criteria.where("drawDate").is(drawDate));
		}
		return this.mongo.find(
				query.with(Sort.by(Sort.Order.desc("submittedAt"), Sort.Order.desc("_id"))).skip(offset).limit(limit),
				BallotSlip.class);
	}

	/**
	 * Counts {@code ballots} more against the participant's limit in the lottery,
	 * atomically.
	 * @return whether they fit under {@code limit}
	 */
	boolean reserve(Participation participation, int ballots, int limit) {
		Query query = Query.query(Criteria.where("_id").is(participation.id()).and("ballots").lte(limit - ballots));
		Update update = new Update().inc("ballots", (long) ballots)
			.setOnInsert("lotteryId", participation.lotteryId())
			.setOnInsert("accountId", participation.accountId())
			.setOnInsert("gameId", participation.gameId())
			.setOnInsert("drawDate", participation.drawDate())
			.setOnInsert("firstAt", participation.firstAt());
		try {
			return this.mongo.findAndModify(query, update, FindAndModifyOptions.options().upsert(true).returnNew(true),
					Participation.class) != null;
		}
		catch (DuplicateKeyException ex) {
			// the participation exists and the ballots do not fit
			return false;
		}
	}

	/**
	 * Gives back ballots counted by {@link #reserve} for a submission that did not go
	 * through.
	 */
	void release(String participationId, int ballots) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(participationId)),
				new Update().inc("ballots", -(long) ballots), Participation.class);
	}

	Optional<Participation> findParticipation(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Participation.class));
	}

	/**
	 * Every participant of a lottery, streamed from the database (never all in memory).
	 */
	java.util.stream.Stream<Participation> streamParticipations(String lotteryId) {
		return this.mongo.stream(Query.query(Criteria.where("lotteryId").is(lotteryId)), Participation.class);
	}

	MongoOperations mongo() {
		return this.mongo;
	}

}
