package com.novanta.responsibleplay;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a participant chose to keep their play in bounds: a daily and a monthly limit of
 * ballots, and a self-exclusion. Plain rules: limits follow {@link PlayLimit}; an
 * exclusion lasts at least six months and can only be extended, never shortened or
 * lifted. When an account's email is verified and choices were kept for that email from a
 * deleted account, the two are combined and the stricter wins, part by part
 * ({@link #strictestWith}: the later exclusion; the lower limit, with its waiting raise
 * only if the other limit allows as much when it comes due).
 *
 * @param daily the limit of ballots per day (in the site's time zone)
 * @param monthly the limit of ballots per calendar month (in the site's time zone)
 * @param excludedAt when the current or last self-exclusion began, or {@code null}
 * @param excludedUntil when it ends, or {@code null} if the participant never excluded
 * themselves
 * @param revision bumped by every change, so that two changes at once never overwrite
 * each other
 */
public record ResponsiblePlay(PlayLimit daily, PlayLimit monthly, Instant excludedAt, Instant excludedUntil,
		long revision) {

	/** How long a higher limit, or removing one, waits before it applies. */
	public static final Duration RAISE_DELAY = Duration.ofHours(24);

	/** Nothing chosen. */
	public static final ResponsiblePlay NONE = new ResponsiblePlay(PlayLimit.NONE, PlayLimit.NONE, null, null, 0);

	public ResponsiblePlay {
		daily = (daily != null) ? daily : PlayLimit.NONE;
		monthly = (monthly != null) ? monthly : PlayLimit.NONE;
	}

	/** Whether the participant excluded themselves from play at this instant. */
	public boolean isExcludedAt(Instant instant) {
		return this.excludedUntil != null && instant.isBefore(this.excludedUntil);
	}

	/** The limits and exclusion in force at an instant, with the site's time zone. */
	public PlayStatus statusAt(Instant instant, ZoneId zone) {
		boolean excluded = isExcludedAt(instant);
		return new PlayStatus(instant, zone, this.daily.settledAt(instant), this.monthly.settledAt(instant),
				excluded ? this.excludedAt : null, excluded ? this.excludedUntil : null);
	}

	/** The choices after asking for these limits ({@code null}: none) at {@code now}. */
	ResponsiblePlay withLimits(Integer wantedDaily, Integer wantedMonthly, Instant now) {
		return new ResponsiblePlay(this.daily.change(wantedDaily, now, RAISE_DELAY),
				this.monthly.change(wantedMonthly, now, RAISE_DELAY), this.excludedAt, this.excludedUntil,
				this.revision + 1);
	}

	/**
	 * The choices after excluding oneself for a period from {@code now}, unless that
	 * would end no later than an exclusion already in force: it can be extended, never
	 * shortened.
	 */
	public Optional<ResponsiblePlay> excludedFor(ExclusionPeriod period, Instant now, ZoneId zone) {
		Instant until = now.atZone(zone).plus(period.period()).toInstant();
		boolean excluded = isExcludedAt(now);
		if (excluded && !until.isAfter(this.excludedUntil)) {
			return Optional.empty();
		}
		return Optional.of(new ResponsiblePlay(this.daily, this.monthly, excluded ? this.excludedAt : now, until,
				this.revision + 1));
	}

	/**
	 * What of these choices still binds at an instant: an exclusion not yet ended, and
	 * the limits as they stand then (with a raise that still waits); {@link #NONE} if
	 * nothing binds. This is what is kept of a deleted account for the next account with
	 * its email.
	 */
	ResponsiblePlay stillBindingAt(Instant instant) {
		PlayLimit dailyThen = this.daily.settledAt(instant);
		PlayLimit monthlyThen = this.monthly.settledAt(instant);
		boolean excluded = isExcludedAt(instant);
		ResponsiblePlay binding = new ResponsiblePlay(dailyThen, monthlyThen, excluded ? this.excludedAt : null,
				excluded ? this.excludedUntil : null, 0);
		return binding.equals(NONE) ? NONE : binding;
	}

	/**
	 * These choices once other choices for the same person bind them too: what an
	 * account's owner chose before verifying its email, bound by what was kept for that
	 * email from a deleted account, when the email is verified. The stricter wins, each
	 * part on its own:
	 * <ul>
	 * <li>the exclusion in force that ends later (with its start); if neither is in
	 * force, these choices' own;</li>
	 * <li>for the daily and the monthly limit, the lower limit in force at {@code now}
	 * (no limit is the highest), with its waiting raise kept only if the other limit
	 * allows at least as much when the raise takes effect; otherwise the raise is dropped
	 * (its owner can ask again, and wait again). The other limit's waiting raise never
	 * counts: it would allow more than the lower limit.</li>
	 * </ul>
	 * So the result never allows more, at any time, than either of the two would.
	 * @return these choices if nothing changes, else the combined choices at the next
	 * revision
	 */
	ResponsiblePlay strictestWith(ResponsiblePlay other, Instant now) {
		boolean mine = isExcludedAt(now);
		boolean theirs = other.isExcludedAt(now);
		ResponsiblePlay exclusion = (theirs && (!mine || other.excludedUntil.isAfter(this.excludedUntil))) ? other
				: this;
		ResponsiblePlay combined = new ResponsiblePlay(this.daily.stricterWith(other.daily, now),
				this.monthly.stricterWith(other.monthly, now), exclusion.excludedAt, exclusion.excludedUntil,
				this.revision);
		return combined.equals(this) ? this : new ResponsiblePlay(combined.daily, combined.monthly, combined.excludedAt,
				combined.excludedUntil, this.revision + 1);
	}

	/**
	 * What an account's choices become when its email is verified: bound by what was kept
	 * for the email, combined with these, its own choices ({@link #strictestWith}), or
	 * instead of them when its owner takes over an account someone else set up; at the
	 * next revision if that changes them.
	 * @param kept what was kept for the email
	 * ({@link KeptPlayRestrictions#forNewAccount})
	 * @param now the instant of the verification
	 * @param dropOwnChoices whether these choices are dropped rather than combined (they
	 * were not its owner's)
	 * @return these choices if nothing changes
	 */
	public ResponsiblePlay onVerification(ResponsiblePlay kept, Instant now, boolean dropOwnChoices) {
		ResponsiblePlay base = dropOwnChoices ? new ResponsiblePlay(null, null, null, null, this.revision) : this;
		ResponsiblePlay binding = base.strictestWith(kept, now);
		if (binding.equals(this)) {
			return this;
		}
		return new ResponsiblePlay(binding.daily, binding.monthly, binding.excludedAt, binding.excludedUntil,
				this.revision + 1);
	}

	/**
	 * When these choices stop binding: the end of the exclusion, or when a raise to "no
	 * limit" takes effect, whichever is last; empty while a limit stays, since a limit
	 * binds until its owner removes it.
	 */
	Optional<Instant> bindsUntil() {
		if (limitStays(this.daily) || limitStays(this.monthly)) {
			return Optional.empty();
		}
		Instant until = this.excludedUntil;
		for (PlayLimit limit : new PlayLimit[] { this.daily, this.monthly }) {
			if (limit.pendingFrom() != null && (until == null || limit.pendingFrom().isAfter(until))) {
				until = limit.pendingFrom();
			}
		}
		return Optional.ofNullable(until);
	}

	/** Whether a limit is left once any change that waits has taken effect. */
	private static boolean limitStays(PlayLimit limit) {
		return ((limit.pendingFrom() != null) ? limit.pending() : limit.value()) != null;
	}

	/** The values the audit log keeps, before and after a change. */
	public Map<String, Object> describe() {
		Map<String, Object> values = new LinkedHashMap<>();
		values.put("dailyLimit", this.daily.value());
		values.put("dailyPending", this.daily.pending());
		values.put("dailyPendingFrom", this.daily.pendingFrom());
		values.put("monthlyLimit", this.monthly.value());
		values.put("monthlyPending", this.monthly.pending());
		values.put("monthlyPendingFrom", this.monthly.pendingFrom());
		values.put("excludedAt", this.excludedAt);
		values.put("excludedUntil", this.excludedUntil);
		return values;
	}

}
