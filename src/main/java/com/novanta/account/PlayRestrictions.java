package com.novanta.account;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;

import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Responsible play: the limits of ballots participants set themselves and their
 * self-exclusion. Each change is one conditional write of the account (it applies only if
 * nothing changed since it was read), and is audited with the values before and after.
 * The ballot module reads {@link #status} to enforce them.
 */
@Service
public class PlayRestrictions {

	/** Attempts at a change that other changes of the same account keep overtaking. */
	private static final int ATTEMPTS = 10;

	private final AccountRepository accounts;

	private final AuditLog audit;

	private final Clock clock;

	private final ZoneId zone;

	PlayRestrictions(AccountRepository accounts, AuditLog audit, Clock clock, AccountProperties properties) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.zone = ZoneId.of(properties.timeZone());
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
		ResponsiblePlay choices = this.accounts.findById(accountId)
			.map(Account::responsiblePlay)
			.orElse(ResponsiblePlay.NONE);
		return choices.statusAt(at, this.zone);
	}

	/** The account's limits and exclusion in force now. */
	public PlayStatus status(Account account) {
		return account.responsiblePlay().statusAt(this.clock.instant(), this.zone);
	}

	/**
	 * Sets the participant's limits: a lower one applies at once, a higher one (or none)
	 * after {@link ResponsiblePlay#RAISE_DELAY}.
	 * @param daily the limit per day, {@code null} for none
	 * @param monthly the limit per month, {@code null} for none
	 * @return the limits as they stand now
	 */
	PlayStatus setLimits(CurrentAccount me, Integer daily, Integer monthly, String clientAddress) {
		Account after = change(me, clientAddress, AuditAction.PLAY_LIMITS_CHANGED, (choices, now) -> {
			ResponsiblePlay changed = choices.withLimits(daily, monthly, now);
			boolean same = changed.daily().equals(choices.daily()) && changed.monthly().equals(choices.monthly());
			return same ? null : changed;
		});
		return status(after);
	}

	/**
	 * Excludes the participant from play for a period from now, or extends their
	 * exclusion; never shortens it.
	 * @return the end of the exclusion, or empty if one in force already ends later
	 */
	Optional<Instant> exclude(CurrentAccount me, ExclusionPeriod period, String clientAddress) {
		Instant before = this.accounts.findById(me.id()).orElseThrow().responsiblePlay().excludedUntil();
		Account after = change(me, clientAddress, AuditAction.SELF_EXCLUDED,
				(choices, now) -> choices.excludedFor(period, now, this.zone).orElse(null));
		Instant until = after.responsiblePlay().excludedUntil();
		return Objects.equals(before, until) ? Optional.empty() : Optional.of(until);
	}

	/** The end of an exclusion for a period starting now. */
	Instant exclusionEnd(ExclusionPeriod period) {
		return this.clock.instant().atZone(this.zone).plus(period.period()).toInstant();
	}

	/**
	 * Applies a change to the account's choices, if it changes anything, unless another
	 * change came first, in which case it is worked out again from the new choices.
	 */
	private Account change(CurrentAccount me, String clientAddress, AuditAction action,
			BiFunction<ResponsiblePlay, Instant, ResponsiblePlay> change) {
		for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
			Account account = this.accounts.findById(me.id()).orElseThrow();
			ResponsiblePlay before = account.responsiblePlay();
			ResponsiblePlay after = change.apply(before, this.clock.instant());
			if (after == null) {
				return account;
			}
			Optional<Account> updated = this.accounts.update(me.id(), revisionIs(before.revision()),
					new Update().set("responsiblePlay", after));
			if (updated.isPresent()) {
				this.audit.record(Actors.of(me, clientAddress), action, "account", me.id(), before.describe(),
						after.describe());
				return updated.get();
			}
		}
		throw new IllegalStateException("Too many changes at once to the responsible play of " + me.id());
	}

	/** The account's choices are still at this revision. */
	static Criteria revisionIs(long revision) {
		Criteria same = Criteria.where("responsiblePlay.revision").is(revision);
		// accounts made before responsible play existed have no choices stored
		return (revision != 0) ? same
				: new Criteria().orOperator(same, Criteria.where("responsiblePlay").exists(false));
	}

}
