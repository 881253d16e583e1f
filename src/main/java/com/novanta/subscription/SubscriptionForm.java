package com.novanta.subscription;

import java.util.List;

import com.novanta.config.FormFields;

/**
 * The form that reviews and starts a subscription: checked by {@link SubscriptionTerms},
 * not by annotations, so that the lines follow the chosen game's own rules.
 *
 * @param game the game's id
 * @param lines the lines, each as "3,17,22,45,61,88"
 * @param kind {@code fixed} (for {@code draws} draws) or {@code open} (until stopped)
 * @param draws the number of draws
 * @param minJackpot the minimum jackpot in whole euros, or empty
 */
@FormFields({ "game", "lines", "kind", "draws", "minJackpot" })
record SubscriptionForm(String game, List<String> lines, String kind, String draws, String minJackpot) {
}
