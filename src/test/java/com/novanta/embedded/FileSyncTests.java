package com.novanta.embedded;

import java.nio.file.Path;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded file is synced when H2 wrote to it, and H2 re-uses a freed chunk's space
 * after seconds rather than its default 45 s.
 */
class FileSyncTests {

	@TempDir
	Path dataDir;

	@Test
	void syncsOnlyWhenSomethingWasWrittenSince() {
		MVStore store = new MVStore.Builder().fileName(this.dataDir.resolve("sync.mv.db").toString())
			.autoCommitDisabled()
			.open();
		try (FileSync sync = new FileSync(store)) {
			MVMap<Integer, String> map = store.openMap("data");
			map.put(1, "one");
			store.commit();
			assertThat(sync.round()).as("a commit was written").isTrue();
			assertThat(sync.round()).as("nothing written since").isFalse();

			map.put(2, "two");
			assertThat(sync.round()).as("a change not committed is not in the file yet").isFalse();
			store.commit();
			assertThat(sync.round()).as("the next commit was written").isTrue();
		}
		finally {
			store.close();
		}
	}

	@Test
	void theServersFileKeepsAFreedChunkForSecondsNotH2sFortyFive() {
		EmbeddedMongoServer server = EmbeddedMongoServer.startFileBacked(this.dataDir.resolve("server"));
		try {
			MVStore store = ((H2Backend) server.backend()).getMvStore();
			assertThat(store.getRetentionTime()).isEqualTo((int) FileSync.RETENTION.toMillis()).isLessThan(45_000);
		}
		finally {
			server.stop();
		}
	}

}
