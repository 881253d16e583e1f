package com.novanta.winner;

import java.util.List;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/** A participant's own wins. Nobody else's are ever returned. */
@Service
class MyWins {

	private final MongoOperations mongo;

	MyWins(MongoOperations mongo) {
		this.mongo = mongo;
	}

	/** A page of the participant's wins, newest draw first. */
	List<Winner> page(String accountId, int offset, int limit) {
		return this.mongo.find(query(accountId)
			.with(Sort.by(Sort.Order.desc("drawDate"), Sort.Order.desc("tier"), Sort.Order.asc("_id")))
			.skip(offset)
			.limit(limit), Winner.class);
	}

	long count(String accountId) {
		return this.mongo.count(query(accountId), Winner.class);
	}

	private static Query query(String accountId) {
		return Query.query(Criteria.where("accountId").is(accountId));
	}

}
