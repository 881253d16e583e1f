package com.novanta.game;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The games, from configuration ({@code lottery.games}).
 *
 * @param games the games
 */
@ConfigurationProperties("lottery")
record GameProperties(@DefaultValue List<GameDefinition> games) {

	/**
	 * One game as configured; see {@link Game} for the meaning of each value.
	 *
	 * @param id the id
	 * @param code one letter for receipts
	 * @param name the display name
	 * @param picks numbers per ballot
	 * @param maxNumber the largest number
	 * @param time the local closing time (00:00: the end of the draw date)
	 * @param days the draw days (none: every day)
	 * @param zone the time zone
	 * @param daysAhead over how many days lotteries are open
	 * @param price the price of a ballot in cents
	 * @param tiers the prize tiers
	 * @param jackpotSeed the starting jackpot in cents
	 * @param jackpotShare the percentage of sales added to the jackpot
	 */
	record GameDefinition(String id, String code, String name, int picks, int maxNumber, LocalTime time,
			@DefaultValue List<DayOfWeek> days, String zone, @DefaultValue("7") int daysAhead, long price,
			List<TierDefinition> tiers, @DefaultValue("0") long jackpotSeed, @DefaultValue("0") int jackpotShare) {
	}

	/**
	 * A prize tier as configured.
	 *
	 * @param matches matches needed
	 * @param jackpot whether it pays the jackpot
	 * @param amount the fixed amount in cents
	 */
	record TierDefinition(int matches, @DefaultValue("false") boolean jackpot, @DefaultValue("0") long amount) {
	}

}
