/**
 * The embedded database: a MongoDB-compatible server (mongo-java-server) started inside
 * the application when no {@code MONGODB_URI} is set, keeping its data in one H2 MVStore
 * file, {@code ./data/novanta.mv.db} ({@code LOTTERY_DATA_DIR}; in memory for tests and
 * benchmarks). The application reaches it through the ordinary MongoDB driver, as it
 * reaches a real MongoDB. Its one public type is
 * {@link com.novanta.embedded.EmbeddedMongoServer}, a bean only while the server runs:
 * {@code config} asks it for its description and, outside dev mode, for its warning.
 *
 * <p>
 * A module of this application (a package that Spring Modulith checks), not a Maven
 * module of its own: that would change the project's one-directory layout and the
 * README's two commands.
 *
 * <p>
 * <strong>Written against mongo-java-server 1.47.0</strong>
 * ({@code mongo-java-server.version} in the pom) and the H2 MVStore that Spring Boot
 * manages (2.4.240 today). These classes extend or call its internals, which change
 * without notice between its versions:
 * <ul>
 * <li>{@code SecondaryIndex} and {@code IdPinnedIndex} extend {@code backend.Index} (and
 * use {@code KeyValue}, {@code ValueComparator});</li>
 * <li>{@code IndexedBackends} extends {@code MemoryBackend}, {@code MemoryDatabase},
 * {@code H2Backend} and {@code H2Database}, overriding {@code openOrCreateUniqueIndex},
 * {@code openOrCreateSecondaryIndex}, {@code handleCommand} (whose signature names
 * netty's {@code Channel}) and {@code handleQuery}, and holds an MVStore version for each
 * command ({@code registerVersionUsage}); {@code DurableWrites} commits and syncs the
 * MVStore after write commands;</li>
 * <li>{@code CopyingCollections} extends {@code H2Collection} and
 * {@code MemoryCollection} ({@code handleQuery}, {@code createQueryResult},
 * {@code findAndModify}) and relies on the server changing only the top level of a stored
 * document in an update; {@code IndexedBackends} opens them in
 * {@code openOrCreateCollection}, which the server's constructor calls too, on the H2
 * maps by the server's names ({@code databases.} and {@code meta.} with the namespace),
 * reading {@code H2Database}'s private {@code mvStore} (checked by
 * {@code StoredDocumentsTests} on a reopened file);</li>
 * <li>{@code ExpirySweep} reads TTL indexes from {@code listIndexes};</li>
 * <li>{@code IndexedCounts} answers the driver's {@code countDocuments} aggregation
 * itself through {@code AbstractMongoDatabase.resolveCollection} and
 * {@code MongoCollection.count}; {@code QueryShapes} reads its
 * {@code bson.Document};</li>
 * <li>{@code EmbeddedMongoServer} maps MVStore's {@code ERROR_FILE_LOCKED} to
 * {@code EmbeddedDatabaseLockedException}.</li>
 * <li>backups: {@code IndexedBackends.H2} overrides the backend's
 * {@code handleCommand(Channel, String, String, Document)} to pass write commands through
 * {@code WriteGate} and to answer the command {@code novantaBackup}; {@code OnlineBackup}
 * relies on MVStore's {@code setReuseSpace(false)} making H2 append every chunk (checked
 * in {@code RandomAccessStore.allocateChunkSpace}, {@code compactMoveChunks},
 * {@code getRewriteCandidates}), on {@code commit}, {@code registerVersionUsage} and
 * {@code FileStore.size}; {@code BackupWriter} uses {@code MVStoreTool.compact} and reads
 * the server's map names ({@code databases.} with the namespace).</li>
 * </ul>
 *
 * <p>
 * <strong>Checking an upgrade</strong> (of mongo-java-server or of H2): compile, then run
 * {@code IndexedBackendsTests} (every query shape the application uses answered exactly
 * as a scan would, counts included, on both backends through the real driver, and the
 * indexes rebuilt when the file is reopened), {@code DurableWritesTests},
 * {@code StoredDocumentsTests}, {@code ConcurrentReadWriteTests},
 * {@code DatabaseBackupTests} (a backup taken while writers run, restored and compared)
 * and {@code EmbeddedDatabaseIntegrationTests} (data kept across a restart, a locked file
 * refused with a clear message, nothing embedded with a URI); then the integration tests,
 * which all run on this server's memory backend, and the settlement benchmark on the H2
 * backend ({@code ./mvnw -Pbenchmark}, see the README), whose figures depend on the
 * indexes and which opens the million-ballot file it wrote three times over: a file H2
 * cannot open again after the application ran on it ("Chunk N not found") is what H2's
 * background compaction did with 2.4.240 (switched off in {@code EmbeddedMongoServer}).
 * The test helper {@code testing/FaultyDatabase} overrides
 * {@code MemoryBackend.handleCommand} too.
 */
package com.novanta.embedded;
