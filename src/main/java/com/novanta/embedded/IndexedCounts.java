package com.novanta.embedded;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.AbstractMongoDatabase;
import de.bwaldvogel.mongo.bson.Document;

/**
 * Counts with a filter, as the driver asks for them ({@code countDocuments}: an
 * aggregation of {@code $match}, optional {@code $skip} and {@code $limit}, then a
 * {@code $group} summing ones), answered through the collection's query and so its
 * indexes, as MongoDB does. mongo-java-server runs every aggregation over the whole
 * collection: a page showing "N wins" read every winner ever recorded (half the time of a
 * results page, measured) and slowed down as the lotteries piled up.
 */
final class IndexedCounts {

	private IndexedCounts() {
	}

	/**
	 * The answer to the command if it is such a count, or {@code null} for the server to
	 * answer as usual.
	 */
	static Document answer(AbstractMongoDatabase<?> database, String command, Document query) {
		Count count = recognise(command, query);
		if (count == null) {
			return null;
		}
		MongoCollection<?> collection = database.resolveCollection(count.collection(), false);
		int n = (collection != null) ? collection.count(count.filter(), count.skip(), count.limit()) : 0;
		List<Document> batch = (n > 0) ? List.of(new Document("_id", 1).append(count.field(), n)) : List.of();
		Document cursor = new Document("id", 0L).append("ns", database.getDatabaseName() + "." + count.collection())
			.append("firstBatch", batch);
		return new Document("cursor", cursor).append("ok", 1.0);
	}

	/** The count the command asks for, or {@code null} if it is any other command. */
	static Count recognise(String command, Document query) {
		if (!"aggregate".equals(command) || !(query.get("aggregate") instanceof String collection)
				|| !(query.get("pipeline") instanceof List<?> stages) || stages.size() < 2) {
			return null;
		}
		Document filter = null;
		int skip = 0;
		int limit = 0;
		for (int i = 0; i < stages.size(); i++) {
			if (!(stages.get(i) instanceof Document stage) || stage.size() != 1) {
				return null;
			}
			String operator = stage.keySet().iterator().next();
			Object value = stage.get(operator);
			boolean last = i == stages.size() - 1;
			if (i == 0 && "$match".equals(operator) && value instanceof Document match) {
				filter = match;
			}
			else if (!last && "$skip".equals(operator) && value instanceof Number number) {
				skip = number.intValue();
			}
			else if (!last && "$limit".equals(operator) && value instanceof Number number) {
				limit = number.intValue();
			}
			else if (last && "$group".equals(operator) && value instanceof Document group) {
				String field = countField(group);
				return (filter != null && field != null) ? new Count(collection, filter, skip, limit, field) : null;
			}
			else {
				return null;
			}
		}
		return null;
	}

	/** The field of {@code {_id: 1, <field>: {$sum: 1}}}, or {@code null}. */
	private static String countField(Document group) {
		if (group.size() != 2 || !(group.get("_id") instanceof Number id) || id.intValue() != 1) {
			return null;
		}
		for (String key : group.keySet()) {
			if (!key.equals("_id") && group.get(key) instanceof Document sum && sum.size() == 1
					&& sum.get("$sum") instanceof Number one && one.intValue() == 1) {
				return key;
			}
		}
		return null;
	}

	/** A count: of the collection's documents matching the filter. */
	record Count(String collection, Document filter, int skip, int limit, String field) {
	}

}
