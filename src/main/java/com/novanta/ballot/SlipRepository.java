package com.novanta.ballot;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import com.novanta.config.DatabaseIndexes;
import com.novanta.responsibleplay.Reservations;
import org.bson.Document;

import org.springframework.dao.DataAccessException;
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

	/**
	 * The field that orders a participant's slips for "My ballots" ({@link MineKey}),
	 * written with each slip and indexed alone.
	 */
	static final String MINE = "mine";

	/** What "My ballots" does not show, left in the database. */
	private static final String[] NOT_SHOWN = { "submissionKey", "signature", MINE };

	private final MongoOperations mongo;

	SlipRepository(MongoOperations mongo, DatabaseIndexes indexes) {
		this.mongo = mongo;
		indexes.ensure(BallotSlip.class, new Index().on("submissionKey", Sort.Direction.ASC).unique().sparse());
		indexes.ensure(BallotSlip.class,
				new Index().on("accountId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
		indexes.ensure(BallotSlip.class,
				new Index().on("lotteryId", Sort.Direction.ASC).on("slip", Sort.Direction.ASC));
		indexes.ensure(BallotSlip.class, new Index().on(MINE, Sort.Direction.ASC).named(MINE).sparse());
		indexes.ensure(Participation.class, new Index().on("lotteryId", Sort.Direction.ASC));
		indexes.ensure(Participation.class,
				new Index().on("accountId", Sort.Direction.ASC).on("drawDate", Sort.Direction.DESC));
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
		this.mongo.insert(document(slip), this.mongo.getCollectionName(BallotSlip.class));
	}

	/**
	 * Inserts accepted slips together, in one write when none of them meets a duplicate
	 * key (the usual case), else each on its own.
	 * @return for each slip in order, whether it is stored; {@code false} means a
	 * duplicate key: its key was used or its place sealed
	 */
	List<Boolean> insertAll(List<BallotSlip> slips) {
		String collection = this.mongo.getCollectionName(BallotSlip.class);
		if (slips.size() > 1) {
			try {
				this.mongo.insert(slips.stream().map(this::document).toList(), collection);
				return slips.stream().map((slip) -> true).toList();
			}
			catch (DataAccessException ex) {
				// some of them may be stored (the server stops at the first duplicate):
				// each is looked at on its own below
			}
		}
		List<Boolean> stored = new ArrayList<>(slips.size());
		for (BallotSlip slip : slips) {
			stored.add(insertOrFind(slip, collection));
		}
		return stored;
	}

	/** Inserts a slip unless this very slip is stored already. */
	private boolean insertOrFind(BallotSlip slip, String collection) {
		Document there = this.mongo.findOne(Query.query(Criteria.where("_id").is(slip.id())), Document.class,
				collection);
		if (there != null) {
			return slip.submissionKey() != null && slip.submissionKey().equals(there.get("submissionKey"));
		}
		try {
			insert(slip);
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	private Document document(BallotSlip slip) {
		Document document = new Document();
		this.mongo.getConverter().write(slip, document);
		document.put(MINE, MineKey.of(slip));
		return document;
	}

	/**
	 * A participant's slips after {@code after} in "My ballots" order (newest first), as
	 * one range of the {@link #MINE} index: the database reads only the slips it returns
	 * and sorts nothing.
	 * @param after the order key of the last slip seen ({@link MineKey#order}), or
	 * {@code null} from the first
	 * @param limit how many at most
	 */
	List<BallotSlip> mine(String accountId, String after, String gameId, LocalDate drawDate, int limit) {
		// No sort and no condition on accountId: either would make the embedded server
		// read the participant's every slip (it sorts in memory, and would serve
		// accountId from the other index, in submission order). The range of the key,
		// which starts with the participant, is the whole query; the index (hinted, for a
		// real MongoDB) gives it in key order, which is the order wanted.
		Query query = Query.query(Criteria.where(MINE).gt(MineKey.from(accountId, after)).lt(MineKey.end(accountId)))
			.limit(limit)
			.withHint(MINE);
		if (gameId != null) {
			query.addCriteria(Criteria.where("gameId").is(gameId));
		}
		if (drawDate != null) {
			query.addCriteria(Criteria.where("drawDate").is(drawDate));
		}
		query.fields().exclude(NOT_SHOWN);
		return this.mongo.find(query, BallotSlip.class)
			.stream()
			.filter((slip) -> accountId.equals(slip.accountId()))
			.toList();
	}

	/**
	 * The slips numbered {@code from} to {@code to} of a lottery, in slip order, read raw
	 * (number, lines and participant only): the draw reads millions of ballots this way.
	 */
	List<RawSlip> range(String lotteryId, long from, long to) {
		Document query = new Document("lotteryId", lotteryId).append("slip",
				new Document("$gte", from).append("$lte", to));
		Document projection = new Document("slip", 1).append("lines", 1)
			.append("accountId", 1)
			.append("tombstone", 1)
			.append("salts", 1);
		List<RawSlip> slips = new ArrayList<>((int) (to - from + 1));
		for (Document document : this.mongo.getCollection("ballots")
			.find(query)
			.projection(projection)
			.sort(new Document("slip", 1))
			.batchSize(2000)) {
			slips.add(RawSlip.of(document));
		}
		return slips;
	}

	/**
	 * A slip as the draw reads it.
	 *
	 * @param id the slip id
	 * @param slip the slip number
	 * @param lines the lines' numbers
	 * @param accountId the participant
	 * @param tombstone whether the place was sealed empty
	 * @param salts the lines' salts (zeros on a slip accepted before salts were kept)
	 */
	record RawSlip(String id, long slip, int[][] lines, String accountId, boolean tombstone, byte[][] salts) {

		static RawSlip of(Document document) {
			@SuppressWarnings("unchecked")
			List<List<Integer>> lines = (List<List<Integer>>) document.get("lines");
			int[][] numbers = new int[(lines != null) ? lines.size() : 0][];
			for (int i = 0; i < numbers.length; i++) {
				List<Integer> line = lines.get(i);
				numbers[i] = new int[line.size()];
				for (int j = 0; j < numbers[i].length; j++) {
					numbers[i][j] = line.get(j);
				}
			}
			@SuppressWarnings("unchecked")
			List<String> salts = (List<String>) document.get("salts");
			byte[][] salt = new byte[numbers.length][];
			for (int i = 0; i < numbers.length; i++) {
				salt[i] = BallotSlip.salt(salts, i);
			}
			return new RawSlip(document.getString("_id"), ((Number) document.get("slip")).longValue(), numbers,
					document.getString("accountId"), Boolean.TRUE.equals(document.getBoolean("tombstone")), salt);
		}

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
					List.of(), null, null, null, Boolean.TRUE, null, null, null));
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	/** The slips of several participants in a lottery, in one query. */
	List<BallotSlip> findByAccountsInLottery(Collection<String> accountIds, String lotteryId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").in(accountIds).and("lotteryId").is(lotteryId)),
				BallotSlip.class);
	}

	List<BallotSlip> findByAccountInLottery(String accountId, String lotteryId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId).and("lotteryId").is(lotteryId)),
				BallotSlip.class);
	}

	/**
	 * Counts {@code ballots} more against the participant's limit in the lottery,
	 * atomically.
	 * @return whether they fit under {@code limit}
	 */
	boolean reserve(Participation participation, String submissionKey, int ballots, int limit) {
		Query query = Query.query(Criteria.where("_id")
			.is(participation.id())
			.and("ballots")
			.lte(limit - ballots)
			.and(Reservations.FIELD)
			.ne(submissionKey));
		Update update = Reservations.add(new Update().inc("ballots", (long) ballots), submissionKey)
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
			// the participation exists: either this submission was counted by an attempt
			// that failed half-way, or the ballots do not fit
			return Reservations.holds(this.mongo, participation.id(), submissionKey, Participation.class);
		}
	}

	/**
	 * Gives back ballots counted by {@link #reserve} for a submission that did not go
	 * through (once, however often it is called).
	 */
	void release(String participationId, String submissionKey, int ballots) {
		this.mongo.updateFirst(Reservations.heldBy(participationId, submissionKey),
				Reservations.remove(new Update().inc("ballots", -(long) ballots), submissionKey), Participation.class);
	}

	Optional<Participation> findParticipation(String id) {
		return Optional.ofNullable(this.mongo.findById(id, Participation.class));
	}

	/**
	 * Every participant of a lottery, streamed from the database (never all in memory).
	 */
	Stream<Participation> streamParticipations(String lotteryId) {
		return this.mongo.stream(Query.query(Criteria.where("lotteryId").is(lotteryId)), Participation.class);
	}

	MongoOperations mongo() {
		return this.mongo;
	}

}
