package com.novanta.account.profile;

import java.time.Instant;
import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.Actors;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The responsible play section of the account page: limits of ballots, and self-exclusion
 * after a page that says what it means.
 */
@Controller
class ResponsiblePlayController {

	static final String CONFIRM_VIEW = "account/exclusion";

	static final String SECTION = "redirect:/account#responsible-play";

	private final PlayRestrictions restrictions;

	private final Profiles profiles;

	private final ProfilePage page;

	ResponsiblePlayController(PlayRestrictions restrictions, Profiles profiles, ProfilePage page) {
		this.restrictions = restrictions;
		this.profiles = profiles;
		this.page = page;
	}

	@PostMapping("/account/limits")
	String setLimits(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("limits") PlayLimitsForm form,
			BindingResult result, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (result.getTarget() == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (result.hasErrors()) {
			model.addAttribute("limitsProblem", true);
			return this.page.render(this.profiles.get(me.id()), model);
		}
		PlayStatus status = this.restrictions.setLimits(me.id(), form.daily(), form.monthly(),
				Actors.of(me, Actors.clientAddress(request)));
		boolean waits = status.daily().hasPendingAt(status.at()) || status.monthly().hasPendingAt(status.at());
		redirect.addFlashAttribute("limitsSaved", waits ? "limits.saved.waiting" : "limits.saved");
		return SECTION;
	}

	/** What excluding oneself means, before doing it. */
	@GetMapping("/account/exclusion")
	String confirm(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String period,
			Model model, RedirectAttributes redirect) {
		Optional<ExclusionPeriod> chosen = ExclusionPeriod.parse(period);
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("exclusionProblem", "exclusion.choose");
			return SECTION;
		}
		PlayStatus status = this.restrictions.status(me.id());
		Instant until = this.restrictions.exclusionEnd(chosen.get());
		if (status.excluded() && !until.isAfter(status.excludedUntil())) {
			redirect.addFlashAttribute("exclusionProblem", "exclusion.notLonger");
			return SECTION;
		}
		model.addAttribute("period", chosen.get());
		model.addAttribute("until", until);
		model.addAttribute("play", status);
		return CONFIRM_VIEW;
	}

	@PostMapping("/account/exclusion")
	String exclude(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String period,
			HttpServletRequest request, RedirectAttributes redirect) {
		Optional<ExclusionPeriod> chosen = ExclusionPeriod.parse(period);
		if (chosen.isEmpty()) {
			redirect.addFlashAttribute("exclusionProblem", "exclusion.choose");
			return SECTION;
		}
		Optional<Instant> until = this.restrictions.exclude(me.id(), chosen.get(),
				Actors.of(me, Actors.clientAddress(request)));
		if (until.isEmpty()) {
			redirect.addFlashAttribute("exclusionProblem", "exclusion.notLonger");
			return SECTION;
		}
		redirect.addFlashAttribute("excludedNow", true);
		return SECTION;
	}

}
