package com.novanta.responsibleplay;

import java.time.Duration;
import java.time.Instant;

/**
 * A participant's limit of ballots for a period (a day or a month), with a raise that
 * waits to take effect. Plain rules: a lower limit applies at once and cancels a waiting
 * raise; a higher one, or none at all, applies only after a cooling-off delay.
 *
 * @param value the limit in force, or {@code null} for no limit
 * @param pending the limit asked for that is not yet in force ({@code null} with
 * {@code pendingFrom} set means "no limit")
 * @param pendingFrom when the pending limit takes effect, or {@code null} if nothing
 * waits
 */
public record PlayLimit(Integer value, Integer pending, Instant pendingFrom) {

	/** No limit, and nothing waiting. */
	public static final PlayLimit NONE = new PlayLimit(null, null, null);

	/** The limit in force at an instant ({@code null}: no limit). */
	public Integer at(Instant instant) {
		return isPendingDueAt(instant) ? this.pending : this.value;
	}

	/** Whether a change waits to take effect after the instant. */
	public boolean hasPendingAt(Instant instant) {
		return this.pendingFrom != null && instant.isBefore(this.pendingFrom);
	}

	/** The same limit as seen at an instant: a raise that came due is in force. */
	public PlayLimit settledAt(Instant instant) {
		if (isPendingDueAt(instant)) {
			return new PlayLimit(this.pending, null, null);
		}
		return this;
	}

	/**
	 * The limit after its owner asks for {@code wanted} at {@code now}: lowering (or
	 * keeping the limit in force) applies at once and cancels a waiting raise; raising or
	 * removing it waits {@code delay} from now, replacing any earlier raise.
	 * @param wanted the limit asked for, {@code null} for none
	 * @param now when it is asked
	 * @param delay how long a raise waits
	 * @return the new limit
	 */
	public PlayLimit change(Integer wanted, Instant now, Duration delay) {
		if (wanted != null && wanted < 1) {
			throw new IllegalArgumentException("A limit is at least 1, not " + wanted);
		}
		Integer current = at(now);
		if (isRaise(current, wanted)) {
			return new PlayLimit(current, wanted, now.plus(delay));
		}
		return new PlayLimit(wanted, null, null);
	}

	/**
	 * The stricter of two limits at {@code now}: the lower limit in force (no limit is
	 * the highest), with its waiting raise only if the other limit allows at least as
	 * much once the raise takes effect (so that the raise never allows more than either
	 * limit would); otherwise the raise is dropped, and its owner can ask for it again.
	 */
	PlayLimit stricterWith(PlayLimit other, Instant now) {
		PlayLimit mine = settledAt(now);
		PlayLimit theirs = other.settledAt(now);
		PlayLimit lower = isRaise(theirs.value, mine.value) ? theirs : mine;
		PlayLimit higher = (lower == mine) ? theirs : mine;
		if (lower.pendingFrom == null || !isRaise(higher.at(lower.pendingFrom), lower.pending)) {
			return lower;
		}
		return new PlayLimit(lower.value, null, null);
	}

	/** Whether going from {@code current} to {@code wanted} allows more ballots. */
	static boolean isRaise(Integer current, Integer wanted) {
		if (current == null) {
			return false;
		}
		return wanted == null || wanted > current;
	}

	private boolean isPendingDueAt(Instant instant) {
		return this.pendingFrom != null && !instant.isBefore(this.pendingFrom);
	}

}
