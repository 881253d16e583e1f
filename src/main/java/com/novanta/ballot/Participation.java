package com.novanta.ballot;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A participant's part in one lottery: how many ballots they have there (for the
 * per-lottery limit), and who to tell the result.
 *
 * @param id {@code <lottery>:<account>}
 * @param lotteryId the lottery
 * @param accountId the participant
 * @param gameId the game
 * @param drawDate the draw date
 * @param ballots how many ballots are counted against the limit
 * @param firstAt when the first was accepted
 */
@Document("participations")
public record Participation(@Id String id, String lotteryId, String accountId, String gameId, LocalDate drawDate,
		long ballots, Instant firstAt) {

	static String id(String lotteryId, String accountId) {
		return lotteryId + ":" + accountId;
	}

}
