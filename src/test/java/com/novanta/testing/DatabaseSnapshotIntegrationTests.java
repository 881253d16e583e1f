package com.novanta.testing;

import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The hostile-input tests trust {@link DatabaseSnapshot} to see any change a refused
 * request makes: here it is shown changes that leave every count as it was, in a document
 * nobody watches.
 */
@IntegrationTest
class DatabaseSnapshotIntegrationTests {

	@Autowired
	MongoOperations mongo;

	@Autowired
	ApplicationContext context;

	CurrentAccount participant;

	@BeforeEach
	void setUp() {
		this.participant = new TestParticipants(this.context).verified("Snapshot Subject", "Torino");
	}

	@Test
	void seesNoChangeWhereThereIsNone() {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);
		assertThatCode(before::assertUnchanged).doesNotThrowAnyException();
		assertThatCode(before::assertNothingChanged).doesNotThrowAnyException();
	}

	@Test
	void seesOneFieldOfOneDocumentChangedInPlace() {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);

		setCity("Pavia");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(before::assertUnchanged)
			.withMessageContaining("content hash per collection")
			.withMessageContaining("accounts");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(before::assertNothingChanged)
			.withMessageContaining("accounts");
	}

	@Test
	void seesADocumentReplacedByAnotherWithTheCountUnchanged() {
		String probes = "snapshot_probes";
		this.mongo.insert(new Document("_id", "first").append("value", 1), probes);
		try {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);

			this.mongo.remove(Query.query(Criteria.where("_id").is("first")), probes);
			this.mongo.insert(new Document("_id", "second").append("value", 1), probes);

			assertThatExceptionOfType(AssertionError.class).isThrownBy(before::assertUnchanged)
				.withMessageContaining("content hash per collection")
				.withMessageContaining(probes);
		}
		finally {
			this.mongo.dropCollection(probes);
		}
	}

	@Test
	void aFieldWrittenWithTheValueItHadIsNoChange() {
		DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);

		setCity("Torino");

		assertThatCode(before::assertUnchanged).doesNotThrowAnyException();
	}

	@Test
	void bookkeepingMayChangeInPlaceButNotInNumberWhereNothingMayChange() {
		String key = "snapshot-" + this.participant.id();
		this.mongo.insert(new Document("_id", key).append("count", 1), "rate_limits");
		try {
			DatabaseSnapshot before = DatabaseSnapshot.take(this.mongo);

			this.mongo.updateFirst(Query.query(Criteria.where("_id").is(key)), new Update().inc("count", 1),
					"rate_limits");
			assertThatCode(before::assertUnchanged).doesNotThrowAnyException();
			assertThatCode(before::assertNothingChanged).doesNotThrowAnyException();

			this.mongo.insert(new Document("_id", key + "-more").append("count", 1), "rate_limits");
			assertThatCode(before::assertUnchanged).doesNotThrowAnyException();
			assertThatExceptionOfType(AssertionError.class).isThrownBy(before::assertNothingChanged)
				.withMessageContaining("rate_limits");
		}
		finally {
			this.mongo.remove(Query.query(Criteria.where("_id").regex("^" + key)), "rate_limits");
		}
	}

	@Test
	void seesAChangeAfterSnapshotsThatFoundNone() {
		DatabaseSnapshot first = DatabaseSnapshot.take(this.mongo);
		DatabaseSnapshot second = DatabaseSnapshot.take(this.mongo);
		second.assertUnchanged();

		setCity("Pavia");

		assertThatExceptionOfType(AssertionError.class).isThrownBy(first::assertUnchanged)
			.withMessageContaining("accounts");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(second::assertUnchanged)
			.withMessageContaining("accounts");
		DatabaseSnapshot.take(this.mongo).assertUnchanged();
	}

	@Test
	void throughAClientWhoseWritesAreNotCountedReadsEveryDocumentEveryTime() {
		ConnectionString database = this.context.getBean(MongoConnectionDetails.class).getConnectionString();
		try (MongoClient client = MongoClients.create(database)) {
			MongoTemplate uncounted = new MongoTemplate(client, this.mongo.execute(MongoDatabase::getName));
			assertThat(DatabaseWrites.COUNTER.watches(uncounted)).isFalse();
			assertThat(DatabaseWrites.COUNTER.watches(this.mongo)).isTrue();
			DatabaseSnapshot before = DatabaseSnapshot.take(uncounted);
			DatabaseSnapshot.take(uncounted).assertUnchanged();

			uncounted.updateFirst(Query.query(Criteria.where("_id").is(this.participant.id())),
					new Update().set("city", "Pavia"), "accounts");

			assertThatExceptionOfType(AssertionError.class).isThrownBy(before::assertUnchanged)
				.withMessageContaining("accounts");
		}
	}

	private void setCity(String city) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.participant.id())),
				new Update().set("city", city), "accounts");
	}

}
