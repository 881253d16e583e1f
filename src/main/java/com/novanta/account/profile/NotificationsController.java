package com.novanta.account.profile;

import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.Actors;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The notifications section of the account page: "no win" emails, closing reminders and
 * jackpot alerts, saved together in one write. Without JavaScript the page reloads; with
 * htmx only the section is replaced.
 */
@Controller
class NotificationsController {

	static final String SECTION = "redirect:/account#notifications";

	static final String FRAGMENT = ProfilePage.VIEW + " :: notifications";

	private final Profiles profiles;

	private final ProfilePage page;

	NotificationsController(Profiles profiles, ProfilePage page) {
		this.profiles = profiles;
		this.page = page;
	}

	@PostMapping("/account/notifications")
	String save(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("notificationsForm") NotificationsForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		NotificationChoices choices = read(form, result);
		if (choices.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("notifications", choices);
			return this.page.render(this.profiles.get(me.id()), model);
		}
		this.profiles.updateNotifications(me, choices, Actors.clientAddress(request));
		redirect.addFlashAttribute("notificationsSaved", true);
		return SECTION;
	}

	/** With htmx: the section, saying it is saved, or with its messages. */
	@HxRequest
	@PostMapping("/account/notifications")
	String saveInPlace(@AuthenticationPrincipal CurrentAccount me,
			@ModelAttribute("notificationsForm") NotificationsForm form, BindingResult result,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		NotificationChoices choices = read(form, result);
		if (choices.hasErrors()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("notifications", choices);
		}
		else {
			this.profiles.updateNotifications(me, choices, Actors.clientAddress(request));
			model.addAttribute("notificationsSaved", true);
		}
		this.page.renderNotifications(this.profiles.get(me.id()), model);
		return FRAGMENT;
	}

	/** The choices sent; a form the page cannot send is refused whole. */
	private NotificationChoices read(NotificationsForm form, BindingResult result) {
		Optional<NotificationChoices> choices = (result.getTarget() != null && !result.hasErrors())
				? NotificationChoices.read(form, this.page.games(), this.page.jackpotGames()) : Optional.empty();
		// a checkbox that is not a word, a threshold list the page does not send
		return choices.orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
	}

}
