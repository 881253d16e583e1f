package com.novanta.account;

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
		return this.restrictions.setLimits(participant, daily, monthly, null);
	}

	/** Excludes the participant from play for a period from now. */
	public Instant exclude(CurrentAccount participant, ExclusionPeriod period) {
		return this.restrictions.exclude(participant, period, null).orElseThrow();
	}

}
