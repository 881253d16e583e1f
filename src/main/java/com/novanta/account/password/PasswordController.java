package com.novanta.account.password;

import com.novanta.account.internal.Actors;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Forgotten password: ask for a link, then set a new password with it. */
@Controller
class PasswordController {

	static final String FORGOT_VIEW = "account/forgot";

	static final String RESET_VIEW = "account/reset";

	private final PasswordResets resets;

	private final PasswordPolicy policy;

	PasswordController(PasswordResets resets, PasswordPolicy policy) {
		this.resets = resets;
		this.policy = policy;
	}

	@GetMapping("/password/forgot")
	String forgot() {
		return FORGOT_VIEW;
	}

	@PostMapping("/password/forgot")
	String requestReset(@RequestParam(defaultValue = "") String email, HttpServletRequest request, Model model) {
		if (email.isBlank() || email.length() > 254 || !email.contains("@")) {
			model.addAttribute("emailInvalid", true);
			model.addAttribute("email", email);
			return FORGOT_VIEW;
		}
		this.resets.request(email, Actors.clientAddress(request));
		model.addAttribute("sent", true);
		return FORGOT_VIEW;
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		model.addAttribute("usable", this.resets.isUsable(token));
		return RESET_VIEW;
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		model.addAttribute("token", token);
		String email = this.resets.emailOf(token).orElse(null);
		if (email == null) {
			model.addAttribute("usable", false);
			return RESET_VIEW;
		}
		model.addAttribute("usable", true);
		String problem = this.policy.check(password, email).orElse(null);
		if (problem == null && !password.equals(confirmation)) {
			problem = "password.mismatch";
		}
		if (problem != null) {
			model.addAttribute("problem", problem);
			return RESET_VIEW;
		}
		if (this.resets.reset(token, password, Actors.clientAddress(request)).isEmpty()) {
			model.addAttribute("usable", false);
			return RESET_VIEW;
		}
		redirect.addFlashAttribute("passwordReset", true);
		return "redirect:/signin";
	}

}
