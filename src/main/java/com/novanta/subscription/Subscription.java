package com.novanta.subscription;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.novanta.game.Game;

import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.FieldType;
import org.springframework.data.mongodb.core.mapping.MongoId;

/**
 * A participant's subscription, as stored, and its rules (plain Java). Its lotteries and
 * placements only grow, one per lottery, each by one conditional update.
 *
 * @param id a random id, stored as a string (an id from a request is only compared as
 * text)
 * @param accountId whose subscription it is
 * @param gameId the game
 * @param lines the lines, each ascending, as the game's rules checked them
 * @param draws how many draws to place, or {@code null} for every draw until stopped
 * @param minJackpot place only when the jackpot is at least this many whole euros, or
 * {@code null}
 * @param status where it stands
 * @param placed how many slips were placed so far
 * @param lotteries the lotteries it was recorded for (placed, failed or skipped): the
 * precondition of every record
 * @param placements what became of it in each of those lotteries, oldest first
 * @param createdAt when it was started
 */
@Document(Subscription.COLLECTION)
record Subscription(@MongoId(FieldType.STRING) String id, String accountId, String gameId, List<List<Integer>> lines,
		Integer draws, Long minJackpot, SubscriptionStatus status, int placed, List<String> lotteries,
		List<Placement> placements, Instant createdAt) {

	static final String COLLECTION = "subscriptions";

	/** Fewer draws than this is a slip, not a subscription. */
	static final int MIN_DRAWS = 2;

	/** A year of weekly draws. */
	static final int MAX_DRAWS = 52;

	/** How long before its last draw a fixed-length subscription's end is announced. */
	static final Duration ENDING_NOTICE = Duration.ofDays(7);

	Subscription {
		lotteries = (lotteries != null) ? lotteries : List.of();
		placements = (placements != null) ? placements : List.of();
	}

	/** Whether it ends by itself after {@link #draws} draws. */
	public boolean isFixed() {
		return this.draws != null;
	}

	/** Draws still to place, or {@code null} for a subscription until stopped. */
	public Integer drawsLeft() {
		return isFixed() ? Math.max(0, this.draws - this.placed) : null;
	}

	/** Whether all its draws are placed. */
	public boolean isDone() {
		return isFixed() && this.placed >= this.draws;
	}

	/** Whether it was recorded for the lottery already (placed, failed or skipped). */
	boolean handled(String lotteryId) {
		return this.lotteries.contains(lotteryId);
	}

	/** Whether a slip is wanted for a lottery of this jackpot (in cents). */
	boolean wantsJackpot(long jackpotCents) {
		return this.minJackpot == null || jackpotCents >= this.minJackpot * 100;
	}

	/** What one draw costs, in cents. */
	long pricePerDraw(Game game) {
		return game.price() * this.lines.size();
	}

	/**
	 * How it is shown: its status, or {@code suspended} while active and its participant
	 * is excluded from play.
	 */
	String shownStatus(boolean excluded) {
		return (this.status == SubscriptionStatus.ACTIVE && excluded) ? "suspended" : this.status.key();
	}

	public boolean canPause() {
		return this.status == SubscriptionStatus.ACTIVE;
	}

	public boolean canResume() {
		return this.status == SubscriptionStatus.PAUSED;
	}

	public boolean canCancel() {
		return this.status == SubscriptionStatus.ACTIVE || this.status == SubscriptionStatus.PAUSED;
	}

	/** Whether it may still place a slip (active or paused, draws left). */
	public boolean isLive() {
		return canCancel() && !isDone();
	}

	/** The placements, newest first. */
	public List<Placement> history() {
		List<Placement> newest = new ArrayList<>(this.placements);
		Collections.reverse(newest);
		return newest;
	}

	/**
	 * The draw date of its last draw, if every coming draw of the game from {@code next}
	 * on is placed; {@code null} for a subscription until stopped or one that is done.
	 */
	LocalDate lastDrawDate(Game game, LocalDate next) {
		Integer left = drawsLeft();
		if (left == null || left == 0 || next == null) {
			return null;
		}
		LocalDate date = next.minusDays(1);
		int found = 0;
		// at most a year of weekly draws: a game draws at least once a week
		for (int day = 0; day < 7 * (MAX_DRAWS + 1) && found < left; day++) {
			date = date.plusDays(1);
			if (game.schedule().drawsOn(date)) {
				found++;
			}
		}
		return date;
	}

	/**
	 * Whether its end is to be announced now: a fixed-length subscription, still going,
	 * whose last draw closes within {@link #ENDING_NOTICE}, and that ran longer than that
	 * (a shorter one said when it ends in the email that started it).
	 */
	boolean endingSoon(Game game, LocalDate next, Instant now) {
		LocalDate last = lastDrawDate(game, next);
		if (last == null || this.status != SubscriptionStatus.ACTIVE) {
			return false;
		}
		Instant closes = game.schedule().closesAt(last);
		return !closes.isAfter(now.plus(ENDING_NOTICE)) && closes.isAfter(this.createdAt.plus(ENDING_NOTICE));
	}

}
