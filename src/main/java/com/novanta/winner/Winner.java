package com.novanta.winner;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A winning ballot. Readable only by its winner and by admins, never by a public page,
 * except what the winner chose to share.
 *
 * @param id the ballot: {@code <slip id>#<line>} (unique per lottery and ballot)
 * @param lotteryId the lottery
 * @param gameId the game
 * @param drawDate the draw date
 * @param slipId the slip
 * @param line the line within the slip
 * @param receipt the slip's receipt number
 * @param accountId the winner
 * @param numbers the ballot's numbers
 * @param matched the numbers that matched
 * @param tier the tier, by numbers matched
 * @param prize the prize in cents ({@code null} while a jackpot share is being worked
 * out)
 * @param jackpot whether the tier pays from the jackpot pool
 * @param shareCity whether the winner shares their city publicly
 * @param sharePrize whether the winner shares their win publicly
 * @param createdAt when it was recorded
 */
@Document("winners")
public record Winner(@Id String id, String lotteryId, String gameId, LocalDate drawDate, String slipId, int line,
		String receipt, String accountId, List<Integer> numbers, List<Integer> matched, int tier, Long prize,
		boolean jackpot, boolean shareCity, boolean sharePrize, Instant createdAt) {

	public static String id(String slipId, int line) {
		return slipId + "#" + line;
	}

}
