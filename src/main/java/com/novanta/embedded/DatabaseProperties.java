package com.novanta.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded database.
 *
 * @param dataDir where the embedded database keeps its file
 * @param embeddedBackend {@code h2} (a file, the default) or {@code memory} (tests)
 * @param durableWrites whether every write is on the disk (written and synced) before its
 * answer, instead of written within 100 ms and synced within about a second
 * @param compactionFillRate how live, in percent, the chunks of the embedded file are
 * kept while it runs (see {@code FileCompaction}); 0 turns the compaction off
 */
@ConfigurationProperties("lottery.database")
record DatabaseProperties(@DefaultValue("./data") String dataDir, @DefaultValue("h2") Backend embeddedBackend,
		@DefaultValue("false") boolean durableWrites, @DefaultValue("80") int compactionFillRate) {

	enum Backend {

		H2, MEMORY

	}

}
