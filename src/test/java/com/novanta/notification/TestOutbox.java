package com.novanta.notification;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;

import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** Waits for the outbox, for tests that count the mail it sent. */
public final class TestOutbox {

	private TestOutbox() {
	}

	/**
	 * Waits until nothing in the outbox is pending or being sent and no worker of these
	 * dispatchers (one per application instance) is busy: nothing more will be sent until
	 * new mail is written, so a count taken then also sees a duplicate sent late.
	 */
	public static void awaitIdle(MongoOperations mongo, OutboxDispatcher... dispatchers) {
		Awaitility.await()
			.atMost(Duration.ofMinutes(1))
			.until(() -> mongo.count(
					Query.query(Criteria.where("status").in(OutboxStatus.PENDING.name(), OutboxStatus.SENDING.name())),
					OutboxMessage.class) == 0 && List.of(dispatchers).stream().allMatch(OutboxDispatcher::isIdle));
	}

}
