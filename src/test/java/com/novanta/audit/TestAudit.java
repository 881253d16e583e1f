package com.novanta.audit;

import java.util.List;

import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit entries about one thing a test made, read straight from the database: never
 * the newest entries of the whole log, which other tests share and fill, and never by
 * instant alone, which entries of one frozen instant share.
 */
public final class TestAudit {

	private final MongoOperations mongo;

	public TestAudit(ApplicationContext context) {
		this.mongo = context.getBean(MongoOperations.class);
	}

	/**
	 * The entries of an action about one target, in the order they were recorded (ids
	 * grow within one process).
	 */
	public List<AuditEvent> about(String targetId, String action) {
		return this.mongo.find(Query.query(Criteria.where("targetId").is(targetId).and("action").is(action))
			.with(Sort.by("at", "_id")), AuditEvent.class);
	}

	/** The one entry of an action about one target. */
	public AuditEvent only(String targetId, String action) {
		List<AuditEvent> events = about(targetId, action);
		assertThat(events).as("%s entries about %s", action, targetId).hasSize(1);
		return events.get(0);
	}

}
