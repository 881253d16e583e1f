package com.novanta.responsibleplay;

import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditLog.Actor;
import java.time.Instant;

import org.springframework.context.ApplicationContext;

/**
 * Responsible play choices for the tests of other modules, made as the participant makes
 * them on the account page.
 */
public final class TestPlayRestrictions {

	private final PlayRestrictions restrictions;

	public TestPlayRestrictions(ApplicationContext context) {
		this.restrictions = context.getBean(PlayRestrictions.class);
	}

	/** Asks for these limits ({@code null}: none), as the account page does. */
	public PlayStatus limit(CurrentAccount participant, Integer daily, Integer monthly) {
		return this.restrictions.setLimits(participant.id(), daily, monthly, actor(participant));
	}

	/** Excludes the participant from play for a period from now. */
	public Instant exclude(CurrentAccount participant, ExclusionPeriod period) {
		return this.restrictions.exclude(participant.id(), period, actor(participant)).orElseThrow();
	}

	private static Actor actor(CurrentAccount participant) {
		return new Actor(participant.id(), participant.email(), null);
	}

}
