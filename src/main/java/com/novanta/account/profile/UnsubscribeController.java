package com.novanta.account.profile;

import com.novanta.account.EmailPreferences;
import com.novanta.account.EmailPreferences.Kind;
import com.novanta.account.internal.Actors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Stopping one kind of email ("no win" results, closing reminders, jackpot alerts) from
 * the email itself, without signing in: the visible link shows a page with one button;
 * mail clients post to the same address for one-click unsubscribe (RFC 8058,
 * {@code List-Unsubscribe-Post}). Win emails are always sent.
 */
@Controller
class UnsubscribeController {

	static final String VIEW = "account/unsubscribe";

	private final EmailPreferences preferences;

	UnsubscribeController(EmailPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/unsubscribe/{kind}")
	String confirm(@PathVariable("kind") String slug, @RequestParam(defaultValue = "") String account,
			@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		Kind kind = kind(slug);
		boolean valid = this.preferences.isValid(kind, account, token);
		if (!valid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("kind", kind.slug());
		model.addAttribute("valid", valid);
		model.addAttribute("account", account);
		model.addAttribute("token", token);
		return VIEW;
	}

	@PostMapping("/unsubscribe/{kind}")
	String unsubscribe(@PathVariable("kind") String slug, @RequestParam(defaultValue = "") String account,
			@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		Kind kind = kind(slug);
		boolean done = this.preferences.unsubscribe(kind, account, token, Actors.clientAddress(request));
		if (!done) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("kind", kind.slug());
		model.addAttribute("valid", done);
		model.addAttribute("done", done);
		return VIEW;
	}

	private static Kind kind(String slug) {
		return Kind.ofSlug(slug).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
