package com.novanta.responsibleplay;

import java.time.LocalDate;
import java.time.ZoneId;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters of a participant's ballots per day and month count each submission once,
 * however often it is retried, and give it back once.
 */
@IntegrationTest
class PlayCountsIntegrationTests {

	@Autowired
	PlayCounts counts;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationContext context;

	CurrentAccount player;

	@BeforeEach
	void setUp() {
		this.player = new TestParticipants(this.context).verified("Alan Turing");
	}

	@Test
	void aCounterCountsEachSubmissionOnceAndGivesItBackOnce() {
		LocalDate day = today();
		assertThat(this.counts.reserve(this.player.id(), day, "first", 3, 5)).isTrue();
		assertThat(this.counts.reserve(this.player.id(), day, "first", 3, 5)).as("the same submission again").isTrue();
		assertThat(this.counts.used(this.player.id(), day)).isEqualTo(3);
		assertThat(this.counts.reserve(this.player.id(), day, "second", 3, 5)).as("over the limit").isFalse();
		assertThat(this.counts.reserve(this.player.id(), day, "second", 2, 5)).isTrue();
		assertThat(this.counts.used(this.player.id(), day)).isEqualTo(5);

		this.counts.release(this.player.id(), day, "first", 3);
		this.counts.release(this.player.id(), day, "first", 3);
		this.counts.release(this.player.id(), day, "never counted", 3);

		assertThat(this.counts.used(this.player.id(), day)).isEqualTo(2);
	}

	@Test
	void aCounterRemembersOnlyTheLastSubmissions() {
		LocalDate day = today();
		for (int i = 0; i < 50; i++) {
			assertThat(this.counts.reserve(this.player.id(), day, "key-" + i, 1, null)).isTrue();
		}
		Document counter = this.mongo.findById(PlayCount.id(this.player.id(), day), Document.class, "playCounts");
		assertThat(counter.getList(Reservations.FIELD, String.class)).hasSize(20).endsWith("key-49");
		assertThat(this.counts.used(this.player.id(), day)).isEqualTo(50);
	}

	/** The participant's day, in the site's time zone. */
	private LocalDate today() {
		return this.clock.instant().atZone(ZoneId.of("Europe/Rome")).toLocalDate();
	}

}
