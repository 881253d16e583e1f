package com.novanta.account.profile;

import java.time.Duration;
import java.util.List;

import com.novanta.account.Account;
import com.novanta.account.internal.AccountProperties;
import com.novanta.account.social.SocialProviders;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;

import org.springframework.beans.factory.annotation.Value;
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

	private final GameCatalog games;

	private final Duration closingWindow;

	ProfilePage(Profiles profiles, SocialProviders providers, PlayRestrictions restrictions, TimeZones timeZones,
			AccountProperties properties, GameCatalog games,
			@Value("${lottery.reminders.closing-window}") Duration closingWindow) {
		this.games = games;
		this.closingWindow = closingWindow;
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
		renderNotifications(account, model);
		return VIEW;
	}

	/**
	 * The notifications section's model, keeping the choices already in the model (sent
	 * with errors).
	 */
	void renderNotifications(Account account, Model model) {
		if (!model.containsAttribute("notifications")) {
			model.addAttribute("notifications", NotificationChoices.of(account));
		}
		model.addAttribute("games", games());
		model.addAttribute("jackpotGames", jackpotGames());
		model.addAttribute("closingHours", Math.max(1, this.closingWindow.toHours()));
		model.addAttribute("maxThreshold", NotificationChoices.MAX_EUROS);
	}

	/** Every game: each can have closing reminders. */
	List<Game> games() {
		return this.games.all();
	}

	/** The games with a jackpot, in the order of the form's thresholds. */
	List<Game> jackpotGames() {
		return this.games.all().stream().filter((game) -> game.jackpotTier().isPresent()).toList();
	}

}
