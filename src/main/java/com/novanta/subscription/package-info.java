/**
 * Subscriptions: a participant plays the same lines of one game for the next N draws, or
 * every draw until they stop, with an optional minimum jackpot; they pause, resume and
 * cancel them on {@code /my/subscriptions}. A scheduled step
 * ({@code SubscriptionPlacements}) places each active subscription's slip in its game's
 * next open lottery through the ordinary submission path
 * ({@link com.novanta.ballot.BallotSubmission}, limits, self-exclusion and closing checks
 * included) under an idempotency key derived from the subscription and the lottery, then
 * records the placement with one conditional update: exactly once per subscription and
 * lottery across instances and restarts, no transaction. Other modules read the counts of
 * active subscriptions through {@link com.novanta.subscription.Subscriptions}.
 */
package com.novanta.subscription;
