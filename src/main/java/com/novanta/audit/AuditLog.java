package com.novanta.audit;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.novanta.config.DatabaseIndexes;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/**
 * The append-only audit log. It has no method to change or delete an entry.
 */
@Service
public class AuditLog {

	private static final Logger log = LoggerFactory.getLogger("audit");

	private final MongoOperations mongo;

	private final Clock clock;

	AuditLog(MongoOperations mongo, Clock clock, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		indexes.ensure(AuditEvent.class, new Index().on("at", Sort.Direction.DESC));
		indexes.ensure(AuditEvent.class, new Index().on("actorId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
		indexes.ensure(AuditEvent.class, new Index().on("action", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
	}

	/** Records something that happened. */
	public AuditEvent record(Actor actor, AuditAction action, String targetType, String targetId, Map<String, ?> before,
			Map<String, ?> after) {
		AuditEvent event = new AuditEvent(new ObjectId().toHexString(), this.clock.instant(), actor.id(),
				actor.description(), action.name(), targetType, targetId, copy(before), copy(after),
				actor.clientAddress());
		this.mongo.insert(event);
		log.info("action={} actor={} target={}:{}", action, actor.description(), targetType, targetId);
		return event;
	}

	/** Records something that happened, without values before and after. */
	public AuditEvent record(Actor actor, AuditAction action, String targetType, String targetId) {
		return record(actor, action, targetType, targetId, null, null);
	}

	/** The newest entries first, optionally only by one actor and of one action. */
	public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
		return this.mongo.find(query(filter).with(Sort.by(Sort.Direction.DESC, "at")).skip(offset).limit(limit),
				AuditEvent.class);
	}

	public long count(AuditFilter filter) {
		return this.mongo.count(query(filter), AuditEvent.class);
	}

	private static Query query(AuditFilter filter) {
		Query query = new Query();
		if (StringUtils.hasText(filter.actor())) {
			query.addCriteria(new Criteria().orOperator(Criteria.where("actorId").is(filter.actor()),
					Criteria.where("actorEmail").is(filter.actor().trim().toLowerCase(Locale.ROOT))));
		}
		if (StringUtils.hasText(filter.action())) {
			query.addCriteria(Criteria.where("action").is(filter.action()));
		}
		return query;
	}

	private static Map<String, Object> copy(Map<String, ?> values) {
		return (values != null) ? new LinkedHashMap<>(values) : null;
	}

	/**
	 * Who acted.
	 *
	 * @param id the account id, or {@code null}
	 * @param description an email or "system"
	 * @param clientAddress the client's address, or {@code null}
	 */
	public record Actor(String id, String description, String clientAddress) {

		public static Actor system() {
			return new Actor(null, "system", null);
		}

		public static Actor anonymous(String clientAddress) {
			return new Actor(null, "anonymous", clientAddress);
		}

	}

	/**
	 * Which entries to show.
	 *
	 * @param actor an account id or email, or blank for everyone
	 * @param action an action, or blank for all
	 */
	public record AuditFilter(String actor, String action) {

		public static AuditFilter all() {
			return new AuditFilter(null, null);
		}

	}

}
