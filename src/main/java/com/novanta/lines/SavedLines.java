package com.novanta.lines;

import java.time.Clock;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.novanta.account.AccountDeleted;
import com.novanta.config.DatabaseIndexes;

import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A participant's saved lines. Every read and write takes the account: another
 * participant's line is not found, as if it did not exist.
 *
 * <p>
 * Saving is one insert guarded by two unique indexes (account and normalised name;
 * account and slot), never a transaction: of two requests that save the same name at once
 * one is refused, and however many save at once, a participant never has more than
 * {@value #MAX_LINES} lines.
 */
@Service
public class SavedLines {

	/** The most lines a participant keeps. */
	public static final int MAX_LINES = 20;

	private final MongoOperations mongo;

	private final Clock clock;

	SavedLines(MongoOperations mongo, Clock clock, DatabaseIndexes indexes) {
		this.mongo = mongo;
		this.clock = clock;
		indexes.ensure(SavedLineDocument.class,
				new Index().on("accountId", Sort.Direction.ASC).on("nameKey", Sort.Direction.ASC).unique());
		indexes.ensure(SavedLineDocument.class,
				new Index().on("accountId", Sort.Direction.ASC).on("slot", Sort.Direction.ASC).unique());
	}

	/** The participant's lines, by name. */
	public List<SavedLine> of(String accountId) {
		return documents(accountId).stream().map(SavedLineDocument::view).toList();
	}

	/** The participant's lines of one game, by name. */
	public List<SavedLine> of(String accountId, String gameId) {
		return of(accountId).stream().filter((line) -> line.gameId().equals(gameId)).toList();
	}

	/** One of the participant's lines; empty when it is not theirs or does not exist. */
	public Optional<SavedLine> find(String accountId, String lineId) {
		if (accountId == null || lineId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findOne(own(accountId, lineId), SavedLineDocument.class))
			.map(SavedLineDocument::view);
	}

	/** Saves a valid line for the participant. */
	Saved save(String accountId, LineEntry entry) {
		String key = LineEntry.key(entry.name());
		// each failed insert means another request saved a line of theirs meanwhile: read
		// again and decide again (at most one more round than there are slots)
		for (int attempt = 0; attempt <= MAX_LINES; attempt++) {
			List<SavedLineDocument> mine = documents(accountId);
			if (mine.stream().anyMatch((line) -> line.nameKey().equals(key))) {
				return new Saved(Outcome.NAME_TAKEN, null);
			}
			if (mine.size() >= MAX_LINES) {
				return new Saved(Outcome.FULL, null);
			}
			BitSet taken = new BitSet(MAX_LINES);
			mine.forEach((line) -> taken.set(line.slot()));
			SavedLineDocument line = new SavedLineDocument(UUID.randomUUID().toString(), accountId, entry.game().id(),
					entry.name(), key, entry.numbers(), taken.nextClearBit(0), this.clock.instant());
			try {
				this.mongo.insert(line);
				return new Saved(Outcome.SAVED, line.view());
			}
			catch (DuplicateKeyException ex) {
				// the name or the slot was taken meanwhile
			}
		}
		return new Saved(Outcome.FULL, null);
	}

	/**
	 * Deletes one of the participant's lines.
	 * @return the line deleted; empty when it is not theirs or was already deleted
	 */
	Optional<SavedLine> delete(String accountId, String lineId) {
		if (lineId == null) {
			return Optional.empty();
		}
		return Optional.ofNullable(this.mongo.findAndRemove(own(accountId, lineId), SavedLineDocument.class))
			.map(SavedLineDocument::view);
	}

	/** A deleted account's lines go with it. */
	@EventListener
	void accountDeleted(AccountDeleted deleted) {
		this.mongo.remove(Query.query(Criteria.where("accountId").is(deleted.accountId())), SavedLineDocument.class);
	}

	private List<SavedLineDocument> documents(String accountId) {
		return this.mongo.find(Query.query(Criteria.where("accountId").is(accountId)), SavedLineDocument.class)
			.stream()
			.sorted(Comparator.comparing(SavedLineDocument::nameKey))
			.toList();
	}

	private static Query own(String accountId, String lineId) {
		return Query.query(Criteria.where("_id").is(lineId).and("accountId").is(accountId));
	}

	/** What became of a line to save. */
	enum Outcome {

		SAVED, NAME_TAKEN, FULL

	}

	/**
	 * What became of a line to save.
	 *
	 * @param outcome saved, or why not
	 * @param line the line saved, or {@code null}
	 */
	record Saved(Outcome outcome, SavedLine line) {
	}

}
