package com.novanta.embedded;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The embedded database's two backends with working secondary indexes and
 * {@code _id}-pinned queries (see {@link SecondaryIndex} and {@link IdPinnedIndex}), so
 * that the application's queries do not scan whole collections on the embedded default.
 */
final class IndexedBackends {

	/**
	 * The server's names for a collection's maps in the H2 file, before its namespace
	 * ({@code db.collection}): its documents, and its size and such.
	 */
	static final String DOCUMENTS_MAP = "databases.";

	static final String META_MAP = "meta.";

	/**
	 * The server's name for a unique index's map, after the namespace, before its name.
	 */
	static final String INDEX_MAP = "._index_";

	private IndexedBackends() {
	}

	static <P> Index<P> primary(Index<P> index, List<IndexKey> keys) {
		boolean idOnly = keys.size() == 1 && "_id".equals(keys.get(0).getKey());
		return idOnly ? new IdPinnedIndex<>(index, keys) : index;
	}

	static final class Memory extends MemoryBackend {

		@Override
		public MemoryDatabase openOrCreateDatabase(String databaseName) {
			return new IndexedMemoryDatabase(databaseName, getCursorRegistry());
		}

	}

	static final class IndexedMemoryDatabase extends MemoryDatabase {

		IndexedMemoryDatabase(String databaseName, CursorRegistry cursorRegistry) {
			super(databaseName, cursorRegistry);
		}

		/**
		 * Called by the server's constructor too (for every collection it finds), before
		 * this class's fields are set: it uses only the server's.
		 */
		@Override
		protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
			return new CopyingCollections.Memory(this, collectionName, options, this.cursorRegistry);
		}

		@Override
		public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
				Oplog oplog) {
			Document count = IndexedCounts.answer(this, command, query);
			return (count != null) ? count : super.handleCommand(channel, command, query, resolver, oplog);
		}

		@Override
		protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			return primary(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys);
		}

		@Override
		protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
				List<IndexKey> keys, boolean sparse) {
			return new SecondaryIndex<>(indexName, keys, sparse);
		}

	}

	static final class H2 extends H2Backend {

		private final DurableWrites durable;

		/** Closed by a backup for the moment it commits (see {@link OnlineBackup}). */
		final WriteGate gate = new WriteGate();

		/** The backup command of a running instance, once it has its backups. */
		volatile BackupCommandHandler backups;

		/**
		 * The secondary indexes of a reopened file, built while the application starts.
		 */
		final IndexBuilds builds;

		/**
		 * @param beforeBuilds what the index builds' thread runs once it holds the
		 * collections, before building (tests hold it there)
		 */
		H2(MVStore store, boolean durable, Runnable beforeBuilds) {
			// opens the databases a reopened file holds, before this class's fields are
			// set: they get their durable writes below
			super(store);
			this.durable = (durable) ? new DurableWrites(store) : null;
			List<CopyingCollections.H2> unbuilt = new ArrayList<>();
			for (String name : listDatabaseNames()) {
				IndexedH2Database database = (IndexedH2Database) resolveDatabase(name);
				database.durable = this.durable;
				unbuilt.addAll(database.unbuilt);
			}
			this.builds = IndexBuilds.start(store, unbuilt, beforeBuilds);
		}

		@Override
		public void close() {
			// not under a build still reading the file
			this.builds.await();
			super.close();
		}

		@Override
		public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
			BackupCommandHandler handler = this.backups;
			if (handler != null && BackupCommandHandler.COMMAND.equalsIgnoreCase(command)) {
				return handler.answer(query);
			}
			return this.gate.pass(command, query, () -> super.handleCommand(channel, databaseName, command, query));
		}

		@Override
		protected H2Database openOrCreateDatabase(String databaseName) {
			return new IndexedH2Database(databaseName, getMvStore(), getCursorRegistry(), this.durable);
		}

	}

	static final class IndexedH2Database extends H2Database {

		private final MVStore store;

		/**
		 * Set once the backend is constructed, for the databases a reopened file holds.
		 */
		private volatile DurableWrites durable;

		private static final Field SERVER_STORE = serverStoreField();

		/** The collections the server's constructor opens on this thread. */
		private static final ThreadLocal<List<CopyingCollections.H2>> OPENING = ThreadLocal.withInitial(ArrayList::new);

		/**
		 * The collections of the reopened file whose secondary indexes are to be built.
		 */
		final List<CopyingCollections.H2> unbuilt = new ArrayList<>();

		IndexedH2Database(String databaseName, MVStore store, CursorRegistry cursorRegistry, DurableWrites durable) {
			super(databaseName, store, cursorRegistry);
			this.store = store;
			this.durable = durable;
			try {
				for (CopyingCollections.H2 collection : OPENING.get()) {
					if (collection.getDatabase() == this && collection.opened()) {
						this.unbuilt.add(collection);
					}
				}
			}
			finally {
				OPENING.remove();
			}
		}

		/**
		 * The server's own collection on the same maps (by the server's names for them,
		 * {@code databases.} and {@code meta.} with the namespace), copying what it hands
		 * out and keeping its documents as BSON ({@link BsonValues}). Called by the
		 * server's constructor too, for every collection a reopened file holds, before
		 * this class's fields are set: it uses only the server's (its store, read from
		 * its private field, is set before it opens any collection).
		 */
		@Override
		protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
			String namespace = getFullCollectionNamespace(collectionName);
			MVStore store = serverStore(this);
			MVMap<Object, Document> data = BsonValues.documents(store, DOCUMENTS_MAP + namespace);
			MVMap<String, Object> meta = store.openMap(META_MAP + namespace);
			// this.store is set once the server's constructor is done
			boolean opening = this.store == null;
			CopyingCollections.H2 collection = new CopyingCollections.H2(this, collectionName, options, data, meta,
					this.cursorRegistry, opening);
			if (opening) {
				OPENING.get().add(collection);
			}
			return collection;
		}

		private static MVStore serverStore(H2Database database) {
			try {
				return (MVStore) SERVER_STORE.get(database);
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}

		private static Field serverStoreField() {
			try {
				Field field = H2Database.class.getDeclaredField("mvStore");
				field.setAccessible(true);
				return field;
			}
			catch (NoSuchFieldException ex) {
				throw new IllegalStateException("mongo-java-server's H2Database changed: see embedded/package-info",
						ex);
			}
		}

		/**
		 * Every command reads the store's version it started on to the end: H2 must not
		 * drop that version's chunks under it (without this a scan running while the
		 * store writes and compacts fails with "Chunk N not found", seen under load).
		 */
		@Override
		public Document handleCommand(Channel channel, String command, Document query, DatabaseResolver resolver,
				Oplog oplog) {
			MVStore.TxCounter usage = this.store.registerVersionUsage();
			try {
				Document count = IndexedCounts.answer(this, command, query);
				if (count != null) {
					return count;
				}
				Document answer = super.handleCommand(channel, command, query, resolver, oplog);
				if (this.durable != null && DurableWrites.writes(command)) {
					this.durable.onDisk();
				}
				return answer;
			}
			finally {
				this.store.deregisterVersionUsage(usage);
			}
		}

		@Override
		public QueryResult handleQuery(MongoQuery query) {
			MVStore.TxCounter usage = this.store.registerVersionUsage();
			try {
				return super.handleQuery(query);
			}
			finally {
				this.store.deregisterVersionUsage(usage);
			}
		}

		/**
		 * The server's unique index on its map (by the server's name for it), whose keys
		 * are stored compactly ({@link IndexKeys}). Called by the server's constructor
		 * too: it uses only the server's fields.
		 */
		@Override
		protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			IndexKeys.open(serverStore(this), getFullCollectionNamespace(collectionName) + INDEX_MAP + indexName);
			return primary(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), keys);
		}

		@Override
		protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName, List<IndexKey> keys,
				boolean sparse) {
			// a document of the file is kept at its _id
			return new SecondaryIndex<>(indexName, keys, sparse, true);
		}

	}

}
