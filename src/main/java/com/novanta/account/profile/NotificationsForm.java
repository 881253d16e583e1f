package com.novanta.account.profile;

import java.util.List;

import com.novanta.config.FormFields;

/**
 * The notifications form of the account page: every email choice in one place.
 *
 * @param noWinEmails whether to receive "no win this time" emails
 * @param closing the games to be reminded of shortly before their lotteries close
 * @param thresholds for each game with a jackpot, in the catalogue's order, the jackpot
 * in whole euros to be alerted at, or empty for no alert
 */
@FormFields({ "noWinEmails", "_noWinEmails", "closing", "_closing", "thresholds[i]" })
public record NotificationsForm(boolean noWinEmails, List<String> closing, List<String> thresholds) {

}
