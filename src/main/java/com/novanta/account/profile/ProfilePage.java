package com.novanta.account.profile;

import java.util.List;

import com.novanta.account.Account;
import com.novanta.account.internal.AccountProperties;
import com.novanta.account.social.SocialProviders;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The account page's model, shared by the controllers of its forms, so that any of them
 * can show the page again with its errors.
 */
@Component
class ProfilePage {

	static final String VIEW = "account/profile";

	private final Profiles profiles;

	private final SocialProviders providers;

	private final PlayRestrictions restrictions;

	private final TimeZones timeZones;

	private final AccountProperties properties;

	ProfilePage(Profiles profiles, SocialProviders providers, PlayRestrictions restrictions, TimeZones timeZones,
			AccountProperties properties) {
		this.timeZones = timeZones;
		this.properties = properties;
		this.profiles = profiles;
		this.providers = providers;
		this.restrictions = restrictions;
	}

	/** The page for the account, keeping any form already in the model. */
	String render(Account account, Model model) {
		PlayStatus play = this.restrictions.status(account.responsiblePlay());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ProfileForm.of(account));
		}
		if (!model.containsAttribute("limits")) {
			model.addAttribute("limits", PlayLimitsForm.of(play));
		}
		model.addAttribute("account", account);
		model.addAttribute("lockMinutes", this.properties.signIn().windowMinutes());
		model.addAttribute("identities", this.profiles.identities(account.id()));
		model.addAttribute("providers", this.providers.all());
		Object form = model.getAttribute("form");
		String chosen = (form instanceof ProfileForm profile) ? profile.timeZone() : account.timeZone();
		model.addAttribute("timeZoneGroups", this.timeZones.groups(account.timeZone(), chosen));
		model.addAttribute("play", play);
		model.addAttribute("exclusionPeriods", List.of(ExclusionPeriod.values()));
		return VIEW;
	}

}
