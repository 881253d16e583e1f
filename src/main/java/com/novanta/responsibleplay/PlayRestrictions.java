package com.novanta.responsibleplay;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.audit.AuditLog;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;

/**
 * Responsible play: the limits of ballots participants set themselves and their
 * self-exclusion. Each change is one conditional write of the participant's choices (it
 * applies only if nothing changed since they were read), and is audited with the values
 * before and after. The ballot module reads {@link #status} to enforce them.
 */
@Service
public class PlayRestrictions {

	/** Attempts at a change that other changes of the same account keep overtaking. */
	private static final int ATTEMPTS = 10;

	private final PlayChoices choices;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	PlayRestrictions(PlayChoices choices, AuditLog audit, Clock clock, Environment environment) {
		this.choices = choices;
		this.audit = audit;
		this.clock = clock;
		// days and months of the limits are the site's
		this.zone = ZoneId.of(environment.getProperty("lottery.accounts.time-zone", "Europe/Rome"));
	}

	/**
	 * The participant's limits and exclusion in force now (none for an unknown account).
	 */
	public PlayStatus status(String accountId) {
		return status(accountId, this.clock.instant());
	}

	/**
	 * The participant's limits and exclusion in force at an instant (none for an unknown
	 * account).
	 */
	public PlayStatus status(String accountId, Instant at) {
		return this.choices.find(accountId).orElse(ResponsiblePlay.NONE).statusAt(at, this.zone);
	}

	/** These choices' limits and exclusion in force now. */
	public PlayStatus status(ResponsiblePlay choices) {
		return choices.statusAt(this.clock.instant(), this.zone);
	}

	/**
	 * Sets the participant's limits: a lower one applies at once, a higher one (or none)
	 * after {@link ResponsiblePlay#RAISE_DELAY}.
	 * @param daily the limit per day, {@code null} for none
	 * @param monthly the limit per month, {@code null} for none
	 * @param actor who asks, for the audit log
	 * @return the limits as they stand now
	 */
	public PlayStatus setLimits(String accountId, Integer daily, Integer monthly, Actor actor) {
		ResponsiblePlay after = change(accountId, actor, AuditAction.PLAY_LIMITS_CHANGED, (choices, now) -> {
			ResponsiblePlay changed = choices.withLimits(daily, monthly, now);
			boolean same = changed.daily().equals(choices.daily()) && changed.monthly().equals(choices.monthly());
			return same ? null : changed;
		});
		return status(after);
	}

	/**
	 * Excludes the participant from play for a period from now, or extends their
	 * exclusion; never shortens it.
	 * @param actor who asks, for the audit log
	 * @return the end of the exclusion, or empty if one in force already ends later
	 */
	public Optional<Instant> exclude(String accountId, ExclusionPeriod period, Actor actor) {
		Instant before = this.choices.find(accountId).orElseThrow().excludedUntil();
		ResponsiblePlay after = change(accountId, actor, AuditAction.SELF_EXCLUDED,
				(choices, now) -> choices.excludedFor(period, now, this.zone).orElse(null));
		Instant until = after.excludedUntil();
		return Objects.equals(before, until) ? Optional.empty() : Optional.of(until);
	}

	/** The end of an exclusion for a period starting now. */
	public Instant exclusionEnd(ExclusionPeriod period) {
		return this.clock.instant().atZone(this.zone).plus(period.period()).toInstant();
	}

	/**
	 * Applies a change to the participant's choices, if it changes anything, unless
	 * another change came first, in which case it is worked out again from the new
	 * choices.
	 */
	private ResponsiblePlay change(String accountId, Actor actor, AuditAction action,
			BiFunction<ResponsiblePlay, Instant, ResponsiblePlay> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			ResponsiblePlay before = this.choices.find(accountId).orElseThrow();
			ResponsiblePlay after = change.apply(before, this.clock.instant());
			if (after == null) {
				return before;
			}
			Optional<ResponsiblePlay> updated = this.choices.replace(accountId, before.revision(), after);
			if (updated.isPresent()) {
				this.audit.record(actor, action, "account", accountId, before.describe(), after.describe());
				return updated.get();
			}
		}
		throw new IllegalStateException("Too many changes at once to the responsible play of " + accountId);
	}

}
