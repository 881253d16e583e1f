package com.novanta.account.profile;

import com.novanta.account.EmailPreferences;
import com.novanta.account.internal.Actors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Stopping "no win" emails from the email itself, without signing in: the visible link
 * shows a page with one button; mail clients post to the same address for one-click
 * unsubscribe (RFC 8058, {@code List-Unsubscribe-Post}). Win emails are always sent.
 */
@Controller
class UnsubscribeController {

	static final String VIEW = "account/unsubscribe";

	private final EmailPreferences preferences;

	UnsubscribeController(EmailPreferences preferences) {
		this.preferences = preferences;
	}

	@GetMapping("/unsubscribe/no-win")
	String confirm(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String token,
			Model model, HttpServletResponse response) {
		boolean valid = this.preferences.isValid(account, token);
		if (!valid) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("valid", valid);
		model.addAttribute("account", account);
		model.addAttribute("token", token);
		return VIEW;
	}

	@PostMapping("/unsubscribe/no-win")
	String unsubscribe(@RequestParam(defaultValue = "") String account, @RequestParam(defaultValue = "") String token,
			HttpServletRequest request, Model model, HttpServletResponse response) {
		boolean done = this.preferences.unsubscribeNoWin(account, token, Actors.clientAddress(request));
		if (!done) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
		}
		model.addAttribute("valid", done);
		model.addAttribute("done", done);
		return VIEW;
	}

}
