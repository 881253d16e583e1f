package com.novanta.lines;

import java.util.ArrayList;
import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.game.GameCatalog;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * Saved lines in the embedded database: requests racing to save the same name, or past
 * the most lines a participant keeps, each behind a barrier that starts them at the same
 * moment; and a deleted account's lines going with it.
 */
@IntegrationTest
class SavedLinesIntegrationTests {

	static final int RACERS = 8;

	@Autowired
	ApplicationContext context;

	@Autowired
	SavedLines savedLines;

	@Autowired
	GameCatalog games;

	@Autowired
	MongoOperations mongo;

	@Autowired
	MockMvc mvc;

	CurrentAccount me;

	@BeforeEach
	void setUp() {
		this.me = new TestParticipants(this.context).verified("Emmy Noether");
	}

	@RepeatedTest(3)
	void requestsSavingTheSameNameAtOnceStoreOneLine() throws Exception {
		List<SavedLines.Saved> results = AllAtOnce.run(RACERS,
				(i) -> () -> this.savedLines.save(this.me.id(),
						entry(((i % 2) == 0) ? "Family birthdays" : "FAMILY  birthdays", 1 + i, 10 + i, 20 + i, 30 + i,
								40 + i, 50 + i)));

		assertThat(results).filteredOn((saved) -> saved.outcome() == SavedLines.Outcome.SAVED).hasSize(1);
		assertThat(results).filteredOn((saved) -> saved.outcome() == SavedLines.Outcome.NAME_TAKEN).hasSize(RACERS - 1);
		assertThat(this.mongo.count(Query.query(Criteria.where("accountId").is(this.me.id())),
				SavedLineDocument.COLLECTION))
			.isEqualTo(1);
	}

	@RepeatedTest(3)
	void requestsRacingForTheLastPlacesNeverMakeOneLineTooMany() throws Exception {
		for (int i = 0; i < SavedLines.MAX_LINES - 2; i++) {
			this.savedLines.save(this.me.id(), entry("Line " + i, 1, 2, 3, 4, 5, 6 + i));
		}
		List<SavedLines.Saved> results = AllAtOnce.run(RACERS,
				(i) -> () -> this.savedLines.save(this.me.id(), entry("Racer " + i, 1, 2, 3, 4, 5, 60 + i)));

		assertThat(results).filteredOn((saved) -> saved.outcome() == SavedLines.Outcome.SAVED).hasSize(2);
		assertThat(results).filteredOn((saved) -> saved.outcome() == SavedLines.Outcome.FULL).hasSize(RACERS - 2);
		assertThat(this.savedLines.of(this.me.id())).hasSize(SavedLines.MAX_LINES);
	}

	@Test
	void aDeletedPlaceIsTakenAgain() {
		for (int i = 0; i < SavedLines.MAX_LINES; i++) {
			this.savedLines.save(this.me.id(), entry("Line " + i, 1, 2, 3, 4, 5, 6 + i));
		}
		SavedLine third = this.savedLines.of(this.me.id()).get(2);
		assertThat(this.savedLines.delete(this.me.id(), third.id())).contains(third);
		assertThat(this.savedLines.delete(this.me.id(), third.id())).as("deleted once").isEmpty();
		assertThat(this.savedLines.save(this.me.id(), entry("A new one", 7, 8, 9, 10, 11, 12)).outcome())
			.isEqualTo(SavedLines.Outcome.SAVED);
		assertThat(this.savedLines.save(this.me.id(), entry("One too many", 7, 8, 9, 10, 11, 12)).outcome())
			.isEqualTo(SavedLines.Outcome.FULL);
	}

	@Test
	void theRulesAreUniqueIndexesOfTheDatabase() {
		List<Document> indexes = this.mongo.getCollection(SavedLineDocument.COLLECTION)
			.listIndexes()
			.into(new ArrayList<>());
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.get("key", Document.class).keySet()).containsExactly("accountId", "nameKey");
			assertThat(index.getBoolean("unique")).isTrue();
		});
		assertThat(indexes).anySatisfy((index) -> {
			assertThat(index.get("key", Document.class).keySet()).containsExactly("accountId", "slot");
			assertThat(index.getBoolean("unique")).isTrue();
		});
	}

	@Test
	void deletingTheAccountDeletesItsLinesAndNoOneElses() throws Exception {
		CurrentAccount other = new TestParticipants(this.context).verified("Lise Meitner");
		TestSavedLines lines = new TestSavedLines(this.context);
		lines.save(this.me, "Family birthdays", "daily", 1, 2, 3, 4, 5, 6);
		lines.save(this.me, "Saturdays", "saturday", 1, 2, 3, 4, 5);
		SavedLine theirs = lines.save(other, "Family birthdays", "daily", 1, 2, 3, 4, 5, 6);

		this.mvc.perform(post("/account/delete").with(signedIn(this.me)).with(csrf()).with((request) -> {
			request.setRemoteAddr(TestParticipants.clientAddress());
			return request;
		}).param("confirmation", TestParticipants.PASSWORD)).andExpect(redirectedUrl("/?deleted"));

		assertThat(this.mongo.count(Query.query(Criteria.where("accountId").is(this.me.id())),
				SavedLineDocument.COLLECTION))
			.isZero();
		assertThat(this.savedLines.of(other.id())).containsExactly(theirs);
	}

	private LineEntry entry(String name, int... numbers) {
		StringBuilder typed = new StringBuilder();
		for (int n : numbers) {
			typed.append(n).append(' ');
		}
		return LineEntry.of(name, "daily", typed.toString(), this.games.all());
	}

}
