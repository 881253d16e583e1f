/**
 * How winning numbers derive from a lottery's seed and its ballots, so that anyone can
 * check a draw: the commitment, the ballot digest and the draw. Plain Java with no
 * dependency on the rest; the lottery module commits to a seed with it, the draw module
 * draws with it.
 */
package com.novanta.fairness;
