package com.novanta.ballot;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Ballot settings.
 *
 * @param limitPerLottery the most ballots one participant may have in one lottery
 * @param maxLines the most lines (ballots) in one submission
 */
@ConfigurationProperties("lottery.ballots")
record BallotProperties(@DefaultValue("100") int limitPerLottery, @DefaultValue("10") int maxLines) {
}
