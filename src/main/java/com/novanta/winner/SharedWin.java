package com.novanta.winner;

/**
 * A win as the public may see it, and only what its winner chose to share: never the
 * winner's account, email or full name.
 *
 * @param name the winner's first name and the initial of the last ("Ada L."), or empty
 * @param city the winner's city, or {@code null} if not shared (or not given)
 * @param tier the numbers matched
 * @param picks how many numbers a ballot has
 * @param prizeShared whether the winner shares the prize
 * @param prize the prize in cents if shared ({@code null} if not shared, or while a
 * jackpot share is worked out)
 */
public record SharedWin(String name, String city, int tier, int picks, boolean prizeShared, Long prize) {

}
