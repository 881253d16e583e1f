package com.novanta.lines;

import java.time.Instant;
import java.util.List;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A saved line as stored. Two unique indexes keep the rules without a transaction: one on
 * the account and the normalised name (two lines of one participant never share a name,
 * however many requests race), one on the account and a slot from 0 to the most lines a
 * participant keeps less one (so an insert can never make one line too many).
 *
 * @param id a random id, stored as a string (never converted to an ObjectId, so that an
 * id from a request is only ever compared as text)
 * @param accountId whose line it is
 * @param gameId the game
 * @param name the name as written, trimmed
 * @param nameKey the name normalised for uniqueness ({@link LineEntry#key})
 * @param numbers the numbers, ascending
 * @param slot its place among the participant's lines
 * @param createdAt when it was saved
 */
@Document(SavedLineDocument.COLLECTION)
record SavedLineDocument(@MongoId(FieldType.STRING) String id, String accountId, String gameId, String name,
		String nameKey, List<Integer> numbers, int slot, Instant createdAt) {

	static final String COLLECTION = "saved_lines";

	SavedLine view() {
		return new SavedLine(this.id, this.gameId, this.name, List.copyOf(this.numbers));
	}

}
