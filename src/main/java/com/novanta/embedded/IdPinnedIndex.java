package com.novanta.embedded;

import java.util.Collection;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;

/**
 * The embedded database's {@code _id} index, taught to serve queries that pin {@code _id}
 * next to other conditions, such as the atomic claim {@code {_id: x, status: "OPEN"}}.
 * The stock index only serves queries on {@code _id} alone and scans the whole collection
 * otherwise; the server still applies the whole query to the document found.
 */
final class IdPinnedIndex<P> extends Index<P> {

	private final Index<P> delegate;

	IdPinnedIndex(Index<P> delegate, List<IndexKey> keys) {
		super(delegate.getName(), keys, false);
		this.delegate = delegate;
	}

	@Override
	public boolean canHandle(Document query) {
		if (this.delegate.canHandle(query)) {
			return true;
		}
		Document conditions = QueryShapes.conjunction(query);
		if (!conditions.containsKey("_id")) {
			return false;
		}
		return this.delegate.canHandle(idOnly(conditions));
	}

	@Override
	public Iterable<P> getPositions(Document query) {
		if (this.delegate.canHandle(query)) {
			return this.delegate.getPositions(query);
		}
		return this.delegate.getPositions(idOnly(QueryShapes.conjunction(query)));
	}

	private static Document idOnly(Document query) {
		Object id = query.get("_id");
		if (id instanceof Document condition
				&& !(condition.size() == 1 && condition.get("$in") instanceof Collection<?>)) {
			// only equality and $in are served by the primary key
			return new Document("_id", new Document("$unsupported", true));
		}
		return new Document("_id", id);
	}

	@Override
	public P getPosition(Document document) {
		return this.delegate.getPosition(document);
	}

	@Override
	public void checkAdd(Document document, MongoCollection<P> collection) {
		this.delegate.checkAdd(document, collection);
	}

	@Override
	public void add(Document document, P position, MongoCollection<P> collection) {
		this.delegate.add(document, position, collection);
	}

	@Override
	public P remove(Document document) {
		return this.delegate.remove(document);
	}

	@Override
	public long getCount() {
		return this.delegate.getCount();
	}

	@Override
	public long getDataSize() {
		return this.delegate.getDataSize();
	}

	@Override
	public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
		this.delegate.checkUpdate(oldDocument, newDocument, collection);
	}

	@Override
	public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
			throws KeyConstraintError {
		this.delegate.updateInPlace(oldDocument, newDocument, position, collection);
	}

	@Override
	public void drop() {
		this.delegate.drop();
	}

	@Override
	public boolean isUnique() {
		return true;
	}

}
