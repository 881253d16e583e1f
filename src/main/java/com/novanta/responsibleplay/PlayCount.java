package com.novanta.responsibleplay;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * How many ballots a participant submitted in one day or one month (in the site's time
 * zone), counted against the limits they set themselves.
 *
 * @param id {@code <account>:<day>} ({@code 2031-05-31}) or {@code <account>:<month>}
 * ({@code 2031-05})
 * @param accountId the participant
 * @param period the day or month
 * @param ballots how many ballots are counted
 */
@Document(PlayCounts.COLLECTION)
record PlayCount(@Id String id, String accountId, String period, long ballots) {

	static String id(String accountId, Object period) {
		return accountId + ":" + period;
	}

}
