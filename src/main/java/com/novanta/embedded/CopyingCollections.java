package com.novanta.embedded;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Collections of the embedded server that answer with copies of their stored documents.
 * <p>
 * mongo-java-server answers a query with its stored documents themselves and applies an
 * update by changing the top level of the stored document in place. Both happen under the
 * collection's lock, but the answer is encoded after the lock is released: a document
 * that another connection's update changed meanwhile failed its encoding with a
 * {@code ConcurrentModificationException} (seen on the outbox under the notification
 * benchmark).
 * <p>
 * Here what leaves a collection for an answer, a query's documents (its first batch and
 * the rest its cursor keeps) and what findAndModify returns, is copied while the lock is
 * held. Updates still change the stored documents as the server always did: a stored
 * document is stored exactly as before (an attempt that made updates replace stored
 * documents with changed copies instead left a million-ballot H2 file that H2 could not
 * open again, three runs of three). The copy is shallow: an update builds every new value
 * from a deep copy of the old document and only puts values into (and removes them from)
 * the top level of the stored document, so the nested values a copy shares with it are
 * never changed. ({@code StoredDocumentsTests} checks that a copy handed out is not
 * changed by later updates, on both backends and on a reopened file;
 * {@code ConcurrentReadWriteTests} runs readers and writers on the same documents.)
 */
final class CopyingCollections {

	/**
	 * Set while a query's answer is made, unless findAndModify makes it (that query finds
	 * the stored document it then changes in place).
	 */
	private static final ThreadLocal<Boolean> ANSWERING = ThreadLocal.withInitial(() -> false);

	private static final ThreadLocal<Boolean> MODIFYING = ThreadLocal.withInitial(() -> false);

	private CopyingCollections() {
	}

	/** The documents of a query's result: copies if they are an answer. */
	static List<Document> answered(List<Document> stored) {
		if (!ANSWERING.get()) {
			return stored;
		}
		List<Document> copies = new ArrayList<>(stored.size());
		for (Document document : stored) {
			copies.add((document != null) ? new Document(document) : null);
		}
		return copies;
	}

	/** Runs a query whose documents are an answer (unless findAndModify runs it). */
	static QueryResult query(Supplier<QueryResult> query) {
		if (MODIFYING.get()) {
			return query.get();
		}
		ANSWERING.set(true);
		try {
			return query.get();
		}
		finally {
			ANSWERING.set(false);
		}
	}

	/** Runs a findAndModify on the stored document, and copies what it returns. */
	static Document findAndModify(Supplier<Document> modify) {
		Document answer;
		MODIFYING.set(true);
		try {
			answer = modify.get();
		}
		finally {
			MODIFYING.set(false);
		}
		if (answer.get("value") instanceof Document value) {
			answer.put("value", new Document(value));
		}
		return answer;
	}

	/**
	 * On H2. A collection of a file being opened also builds its secondary indexes (which
	 * live in memory) together, in one pass over its documents, rather than the server's
	 * two passes for each of them: reading a document back from the file is most of what
	 * opening a big file costs. That pass runs in the background ({@link IndexBuilds})
	 * while the application starts, holding the collection's lock, which every query and
	 * write of the server takes: they wait for it rather than see a part-built index.
	 */
	static final class H2 extends H2Collection {

		private static final Logger log = LoggerFactory.getLogger(H2.class);

		private final List<SecondaryIndex<Object>> deferred = new ArrayList<>();

		private final MVMap<Object, Document> data;

		private boolean opening;

		H2(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors, boolean opening) {
			super(database, name, options, data, meta, cursors);
			this.data = data;
			this.opening = opening;
		}

		/**
		 * An index it has already (the application declares its indexes every time it
		 * starts) is not added again, and so does not wait for a build in progress.
		 */
		@Override
		public void addIndex(Index<Object> index) {
			for (Index<Object> existing : getIndexes()) {
				if (existing.getName().equals(index.getName()) && existing.hasSameOptions(index)) {
					return;
				}
			}
			addIndexLocked(index);
		}

		private synchronized void addIndexLocked(Index<Object> index) {
			if (this.opening && index instanceof SecondaryIndex<Object> secondary && secondary.isEmpty()) {
				secondary.defer();
				this.deferred.add(secondary);
			}
			super.addIndex(index);
		}

		/**
		 * The file is open: whether secondary indexes added while it was being opened are
		 * still to be built ({@link #buildDeferred}).
		 */
		synchronized boolean opened() {
			this.opening = false;
			return !this.deferred.isEmpty();
		}

		/** Its documents: what building its indexes reads. */
		long size() {
			return this.data.sizeAsLong();
		}

		/**
		 * Builds the secondary indexes added while the file was being opened; the caller
		 * holds this collection's lock. An index whose build fails serves no query (the
		 * server scans the collection instead, slower but right).
		 */
		synchronized void buildDeferred() {
			try {
				List<SecondaryIndex<Object>.Build> builds = new ArrayList<>();
				this.deferred.forEach((index) -> builds.add(index.build()));
				streamAllDocumentsWithPosition().forEach((stored) -> {
					for (SecondaryIndex<Object>.Build build : builds) {
						build.add(stored.getDocument(), stored.getPosition());
					}
				});
				builds.forEach(SecondaryIndex.Build::finish);
				this.deferred.forEach(SecondaryIndex::built);
			}
			catch (RuntimeException ex) {
				log.error("event=index-build-failed collection={}: its queries scan the collection instead",
						getCollectionName(), ex);
				this.deferred.forEach(SecondaryIndex::failed);
			}
			finally {
				this.deferred.clear();
			}
		}

		/** Counts use the indexes: not while they are being built. */
		@Override
		public synchronized int count(Document query, int skip, int limit) {
			return super.count(query, skip, limit);
		}

		@Override
		public synchronized QueryResult handleQuery(QueryParameters parameters) {
			return CopyingCollections.query(() -> super.handleQuery(parameters));
		}

		@Override
		protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
			return super.createQueryResult(answered(matched), batchSize);
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			return CopyingCollections.findAndModify(() -> super.findAndModify(query));
		}

		/** Through the index that reads the fewest entries ({@link IndexChoice}). */
		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			return IndexChoice.query(getIndexes(), query,
					(positions) -> matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields),
					() -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
		}

	}

	static final class Memory extends MemoryCollection {

		Memory(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
			super(database, name, options, cursors);
		}

		@Override
		public synchronized QueryResult handleQuery(QueryParameters parameters) {
			return CopyingCollections.query(() -> super.handleQuery(parameters));
		}

		@Override
		protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
			return super.createQueryResult(answered(matched), batchSize);
		}

		@Override
		public synchronized Document findAndModify(Document query) {
			return CopyingCollections.findAndModify(() -> super.findAndModify(query));
		}

		/** Through the index that reads the fewest entries ({@link IndexChoice}). */
		@Override
		protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document fields) {
			return IndexChoice.query(getIndexes(), query,
					(positions) -> matchDocuments(query, positions, orderBy, skip, limit, batchSize, fields),
					() -> super.queryDocuments(query, orderBy, skip, limit, batchSize, fields));
		}

	}

}
