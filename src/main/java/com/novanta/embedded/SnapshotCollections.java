package com.novanta.embedded;

import java.lang.reflect.Field;
import java.util.List;
import java.util.stream.Stream;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;

/**
 * Collections of the embedded server that never change a stored document in place.
 * <p>
 * mongo-java-server hands out its stored documents themselves (a query's batches, the
 * rest of a cursor, what findAndModify returns) and applies an update by changing the
 * stored document's fields in place. The server's lock covers the query and the update,
 * but not the encoding of the answer, which happens after: a document changed by another
 * connection's update while its batch was being encoded failed with a
 * {@code ConcurrentModificationException} (seen on the outbox under the notification
 * benchmark), and on H2 the same document object is what the store's background writer
 * serialises. Here every document read out of a collection is a copy of the stored one,
 * an update changes that copy, and the copy then replaces the stored document: a stored
 * document is never changed again once stored, and whoever holds one holds a snapshot.
 * <p>
 * The copy is shallow: an update builds every new value from a deep copy of the old
 * document and only puts values into (and removes them from) the top level of the one it
 * changes, so nested values are never changed in place either.
 * ({@code ConcurrentReadWriteTests} runs readers and writers on the same documents, on
 * both backends; it failed with the server's own collections.)
 */
final class SnapshotCollections {

	private SnapshotCollections() {
	}

	static Document copy(Document stored) {
		return (stored != null) ? new Document(stored) : null;
	}

	static <P> Stream<DocumentWithPosition<P>> copies(Stream<DocumentWithPosition<P>> stored) {
		return stored.map((each) -> new DocumentWithPosition<>(copy(each.getDocument()), each.getPosition()));
	}

	/** On H2: the stored document is replaced by the changed copy ({@code put}). */
	static final class H2 extends H2Collection {

		private final MVMap<Object, Document> data;

		H2(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, Document> data,
				MVMap<String, Object> meta, CursorRegistry cursors) {
			super(database, name, options, data, meta, cursors);
			this.data = data;
		}

		@Override
		protected Document getDocument(Object position) {
			return copy(super.getDocument(position));
		}

		@Override
		protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
			return copies(super.streamAllDocumentsWithPosition());
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			if (isNaturalDescending(orderBy)) {
				// in reverse order of the keys: through streamAllDocumentsWithPosition
				return super.matchDocuments(query, orderBy, skip, limit, batchSize, projection);
			}
			return matchDocumentsFromStream(this.data.values().stream().map(SnapshotCollections::copy), query, orderBy,
					skip, limit, batchSize, projection);
		}

	}

	/**
	 * In memory: the server changes the stored document and writes nothing back, so the
	 * changed copy is put in its place in the collection's list of documents.
	 */
	static final class Memory extends MemoryCollection {

		private final List<Document> documents;

		Memory(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
			super(database, name, options, cursors);
			this.documents = storedDocuments(this);
		}

		@SuppressWarnings("unchecked")
		private static List<Document> storedDocuments(MemoryCollection collection) {
			try {
				Field field = MemoryCollection.class.getDeclaredField("documents");
				field.setAccessible(true);
				return (List<Document>) field.get(collection);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(
						"mongo-java-server's MemoryCollection changed: see embedded/package-info", ex);
			}
		}

		@Override
		protected Document getDocument(Integer position) {
			return copy(super.getDocument(position));
		}

		@Override
		protected Stream<DocumentWithPosition<Integer>> streamAllDocumentsWithPosition() {
			return copies(super.streamAllDocumentsWithPosition());
		}

		@Override
		protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
				Document projection) {
			Stream<Document> stored = streamAllDocumentsWithPosition().map(DocumentWithPosition::getDocument);
			if (isNaturalDescending(orderBy)) {
				stored = streamAllDocumentsWithPosition()
					.sorted((a, b) -> Integer.compare(b.getPosition(), a.getPosition()))
					.map(DocumentWithPosition::getDocument);
			}
			return matchDocumentsFromStream(stored, query, orderBy, skip, limit, batchSize, projection);
		}

		@Override
		protected void handleUpdate(Integer position, Document oldDocument, Document newDocument) {
			this.documents.set(position, newDocument);
		}

	}

}
