package com.novanta.embedded;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.bson.Document;

/** Helpers to read the shape of a query the embedded server received. */
final class QueryShapes {

	private QueryShapes() {
	}

	/**
	 * The top-level conditions of a query, with those of a top-level {@code $and} of
	 * plain sub-queries merged in, as the driver writes {@code Filters.and(...)}. All of
	 * them must hold for a document to match, so an index may serve any of them.
	 */
	static Document conjunction(Document query) {
		Object and = query.get("$and");
		if (!(and instanceof List<?> parts)) {
			return query;
		}
		Document flat = new Document();
		for (Map.Entry<String, Object> entry : query.entrySet()) {
			if (!entry.getKey().equals("$and")) {
				flat.put(entry.getKey(), entry.getValue());
			}
		}
		for (Object part : parts) {
			if (part instanceof Document condition) {
				for (Map.Entry<String, Object> entry : conjunction(condition).entrySet()) {
					flat.putIfAbsent(entry.getKey(), entry.getValue());
				}
			}
		}
		return flat;
	}

}
