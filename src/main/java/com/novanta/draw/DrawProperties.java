package com.novanta.draw;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Draw pipeline settings.
 *
 * @param pollInterval how often the worker looks for lotteries past their close instant
 * @param lease how long a worker holds a lottery before another may take over (renewed
 * while it works)
 * @param winnerBatch how many winning ballots are recorded in one write
 */
@ConfigurationProperties("lottery.draw")
record DrawProperties(@DefaultValue("2s") Duration pollInterval, @DefaultValue("60s") Duration lease,
		@DefaultValue("1000") int winnerBatch) {
}
