package com.novanta.winner;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.novanta.account.Participant;
import com.novanta.account.Accounts;
import com.novanta.config.DatabaseIndexes;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * The wins their winners chose to share, for a lottery's public page. Only what each
 * winner shared leaves this class.
 */
@Service
public class SharedWins {

	/**
	 * Set to the lottery id on a winner document while its winner shares something, and
	 * removed when they share nothing: an index on it finds a lottery's shared wins
	 * without reading its (maybe tens of thousands of) private ones.
	 */
	static final String SHARED_IN = "sharedIn";

	/** The most shared wins one page lists. */
	public static final int LIMIT = 100;

	private final MongoOperations mongo;

	private final Accounts accounts;

	SharedWins(MongoOperations mongo, Accounts accounts, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.accounts = accounts;
		indexes.ensure(Winner.class,
				new Index().on(SHARED_IN, Sort.Direction.ASC).on("tier", Sort.Direction.DESC).sparse());
	}

	/** The shared wins of a lottery, best tier first (at most {@link #LIMIT}). */
	public List<SharedWin> ofLottery(String lotteryId) {
		List<Winner> winners = this.mongo.find(query(lotteryId)
			.with(Sort.by(Sort.Order.desc("tier"), Sort.Order.asc("createdAt"), Sort.Order.asc("_id")))
			.limit(LIMIT), Winner.class);
		Map<String, Participant> byId = this.accounts
			.findAll(winners.stream().map(Winner::accountId).distinct().toList())
			.stream()
			.collect(Collectors.toMap(Participant::id, Function.identity()));
		return winners.stream().map((winner) -> shared(winner, byId.get(winner.accountId()))).toList();
	}

	/** How many wins of a lottery are shared. */
	public long countOfLottery(String lotteryId) {
		return this.mongo.count(query(lotteryId), Winner.class);
	}

	private static Query query(String lotteryId) {
		// both conditions: the flags are the truth, the marker only finds them fast
		return Query.query(Criteria.where(SHARED_IN)
			.is(lotteryId)
			.orOperator(Criteria.where("shareCity").is(true), Criteria.where("sharePrize").is(true)));
	}

	/** What the public sees of a win, given what its winner chose. */
	static SharedWin shared(Winner winner, Participant account) {
		String name = (account != null) ? account.publicName() : "";
		String city = (winner.shareCity() && account != null && account.city() != null && !account.city().isBlank())
				? account.city().trim() : null;
		int picks = (winner.numbers() != null) ? winner.numbers().size() : 0;
		return new SharedWin(name, city, winner.tier(), picks, winner.sharePrize(),
				winner.sharePrize() ? winner.prize() : null);
	}

}
