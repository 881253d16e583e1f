package com.novanta.embedded;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * Collections of the embedded server whose stored documents are never changed once
 * stored.
 * <p>
 * mongo-java-server answers a query with its stored documents themselves and applies an
 * update by changing the top level of the document the query gave it. Both happen under
 * the collection's lock, but the answer is encoded after the lock is released: a document
 * that another connection's update changed meanwhile failed its encoding with a
 * {@code ConcurrentModificationException} (seen on the outbox under the notification
 * benchmark), and on H2 the same object is what the store's background writer serialises.
 * <p>
 * Here a query's matched documents are copied while the lock is held
 * ({@code createQueryResult}, through which every query, update and findAndModify gets
 * its documents), so an update changes its own copy, and the copy then takes the stored
 * document's place (H2's {@code handleUpdate} puts it into the map; in memory it is put
 * into the list). A stored document is therefore never changed again, and whoever holds
 * one, a batch being encoded included, holds a snapshot. The copy is shallow: an update
 * builds every new value from a deep copy of the old document and only puts values into
 * (and removes them from) the top level of the one it changes, so nested values are never
 * changed in place either. Only the matched documents are copied, after the filter, sort,
 * skip and limit; the documents a query scans are not. ({@code
 * ConcurrentReadWriteTests} runs readers and writers on the same documents, on both
 * backends; it fails with the server's own collections.)
 */
final class CopyingCollections {

	private CopyingCollections() {
	}

	static List<Document> copies(List<Document> stored) {
		List<Document> copies = new ArrayList<>(stored.size());
		for (Document document : stored) {
			copies.add(new Document(document));
		}
		return copies;
	}

	/** On H2: the update's copy replaces the stored document ({@code put}). */
	static final class H2 extends H2Collection {

		H2(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
		}

		@Override
		protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
			return super.createQueryResult(copies(matched), batchSize);
		}

	}

	/**
	 * In memory: the server relies on the update having changed the stored document and
	 * writes nothing back, so the changed copy is put in its place in the collection's
	 * list of documents.
	 */
	static final class Memory extends MemoryCollection {

		private static final Field DOCUMENTS = documentsField();

		private final List<Document> documents;

		@SuppressWarnings("unchecked")
		Memory(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
			super(database, name, options, cursors);
			try {
				this.documents = (List<Document>) DOCUMENTS.get(this);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static Field documentsField() {
			try {
				Field field = MemoryCollection.class.getDeclaredField("documents");
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException ex) {
				throw new IllegalStateException(
						"mongo-java-server's MemoryCollection changed: see embedded/package-info", ex);
			}
		}

		@Override
		protected QueryResult createQueryResult(List<Document> matched, int batchSize) {
			return super.createQueryResult(copies(matched), batchSize);
		}

		@Override
		protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
			this.documents.set(position, newDocument);
		}

	}

}
