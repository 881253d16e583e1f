package com.novanta.admin;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import com.novanta.account.Accounts;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.beacon.BeaconTerms;
import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.BeaconDraw;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotterySteps;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The operator's way out of a beacon that is down for long: drawing a lottery without its
 * public beacon round, once the round has been overdue for
 * {@code lottery.fairness.beacon.override-after}, with a reason that the lottery's public
 * page shows. What the admin page shows of a lottery's round comes from here too, so that
 * the page and the override agree on when it is allowed.
 */
@Service
class BeaconOverride {

	/** The shortest public reason, trimmed: a reason, not "down". */
	static final int MIN_REASON = 10;

	/** The longest public reason, trimmed: a paragraph on a public page. */
	static final int MAX_REASON = 500;

	private final LotterySteps steps;

	private final BeaconTerms terms;

	private final Accounts accounts;

	private final AuditLog audit;

	private final DrawPipeline pipeline;

	private final Clock clock;

	private final Executor drawExecutor;

	BeaconOverride(LotterySteps steps, BeaconTerms terms, Accounts accounts, AuditLog audit, DrawPipeline pipeline,
			Clock clock, @Qualifier("adminDrawExecutor") Executor drawExecutor) {
		this.steps = steps;
		this.terms = terms;
		this.accounts = accounts;
		this.audit = audit;
		this.pipeline = pipeline;
		this.clock = clock;
		this.drawExecutor = drawExecutor;
	}

	/** What the admin page shows of the lottery's beacon round, if it has one. */
	Optional<Panel> panel(Lottery lottery) {
		BeaconDraw draw = lottery.beacon();
		if (draw == null) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		boolean waiting = lottery.isWaitingForBeacon();
		String overriddenBy = (draw.overridden() != null) ? who(draw.overridden().accountId()) : null;
		return Optional.of(new Panel(draw, waiting, waiting && !now.isBefore(draw.due()), overrideFrom(draw),
				waiting && this.terms.mayOverride(draw.due(), now), overriddenBy));
	}

	/**
	 * Draws the lottery without its beacon round, if it waits for it and the round has
	 * been overdue long enough: records the decision and the public reason on the
	 * lottery, audits it, then starts the draw (as "draw now" does). Otherwise changes
	 * nothing.
	 * @return {@link Outcome#DONE}, or why nothing was done
	 */
	Outcome override(Lottery lottery, String reason, AuditLog.Actor actor) {
		if (!lottery.isWaitingForBeacon()) {
			return Outcome.NOT_WAITING;
		}
		if (!this.terms.mayOverride(lottery.beacon().due(), this.clock.instant())) {
			return Outcome.TOO_EARLY;
		}
		Optional<Outcome> problem = problemWith(reason);
		if (problem.isPresent()) {
			return problem.get();
		}
		String text = reason.strip();
		Optional<Lottery> overridden = this.steps.overrideBeacon(lottery.id(), text, actor.id());
		if (overridden.isEmpty()) {
			// fetched, drawn or overridden by someone else since the page was read
			return Outcome.NOT_WAITING;
		}
		BeaconDraw draw = overridden.get().beacon();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("beaconRound", draw.round());
		after.put("beaconDue", draw.due());
		if (draw.waiting() != null) {
			after.put("beaconWaitingSince", draw.waiting().since());
			after.put("beaconAttempts", draw.waiting().attempts());
		}
		after.put("reason", text);
		this.audit.record(actor, AuditAction.LOTTERY_BEACON_OVERRIDDEN, "lottery", lottery.id(), null, after);
		this.drawExecutor.execute(() -> this.pipeline.advance(lottery.id()));
		return Outcome.DONE;
	}

	/**
	 * What is wrong with a public reason, if anything: it is trimmed, 10 to 500
	 * characters, plain text (no {@code <} or {@code >}, no control characters but line
	 * breaks and tabs), since it is published as the operator wrote it.
	 */
	static Optional<Outcome> problemWith(String reason) {
		String text = (reason != null) ? reason.strip() : "";
		if (text.isEmpty()) {
			return Optional.of(Outcome.REASON_MISSING);
		}
		int length = text.codePointCount(0, text.length());
		if (length < MIN_REASON) {
			return Optional.of(Outcome.REASON_SHORT);
		}
		if (length > MAX_REASON) {
			return Optional.of(Outcome.REASON_LONG);
		}
		boolean markup = text.codePoints()
			.anyMatch((c) -> c == '<' || c == '>'
					|| ((Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) && c != '\n'
							&& c != '\r' && c != '\t'));
		return markup ? Optional.of(Outcome.REASON_MARKUP) : Optional.empty();
	}

	private Instant overrideFrom(BeaconDraw draw) {
		return draw.due().plus(this.terms.overrideAfter());
	}

	/** The admin who decided, by name and email, or by account id if it is gone. */
	private String who(String accountId) {
		if (accountId == null) {
			return null;
		}
		return this.accounts.find(accountId)
			.map((admin) -> (admin.name() != null) ? admin.name() + " <" + admin.email() + ">" : admin.email())
			.orElse(accountId);
	}

	/** What came of an override. */
	enum Outcome {

		DONE, NOT_WAITING, TOO_EARLY, REASON_MISSING, REASON_SHORT, REASON_LONG, REASON_MARKUP;

		/** Its message ({@code admin.beacon.override.*}). */
		String message() {
			return switch (this) {
				case DONE -> "admin.beacon.override.done";
				case NOT_WAITING -> "admin.beacon.override.notWaiting";
				case TOO_EARLY -> "admin.beacon.override.tooEarly";
				case REASON_MISSING -> "admin.beacon.override.reasonMissing";
				case REASON_SHORT -> "admin.beacon.override.reasonShort";
				case REASON_LONG -> "admin.beacon.override.reasonLong";
				case REASON_MARKUP -> "admin.beacon.override.reasonMarkup";
			};
		}

		/** Whether it is about the reason (shown at the field, which keeps the text). */
		boolean isAboutTheReason() {
			return name().startsWith("REASON_");
		}

	}

	/**
	 * A lottery's beacon round as the admin page shows it.
	 *
	 * @param draw the round and what became of it
	 * @param waiting whether the draw waits for it now
	 * @param overdue whether it waits for a round past due (an outage, not the normal
	 * wait after the close)
	 * @param overrideFrom from when an operator may draw without it
	 * @param mayOverride whether an operator may draw without it now
	 * @param overriddenBy who drew without it, in words, if someone did
	 */
	record Panel(BeaconDraw draw, boolean waiting, boolean overdue, Instant overrideFrom, boolean mayOverride,
			String overriddenBy) {

		public int minReason() {
			return MIN_REASON;
		}

		public int maxReason() {
			return MAX_REASON;
		}

	}

}
