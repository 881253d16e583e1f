package com.novanta.account;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class VerificationController {

	static final String VERIFIED_VIEW = "account/verified";

	private final Registration registration;

	VerificationController(Registration registration) {
		this.registration = registration;
	}

	@GetMapping("/account/verify")
	String verify(@RequestParam(defaultValue = "") String token, HttpServletRequest request, Model model) {
		model.addAttribute("verified", this.registration.verify(token, Actors.clientAddress(request)).isPresent());
		return VERIFIED_VIEW;
	}

	@PostMapping("/account/verify/resend")
	String resend(@AuthenticationPrincipal CurrentAccount me,
			@RequestHeader(name = "Referer", required = false) String referer, RedirectAttributes redirect) {
		try {
			this.registration.resendVerification(me.id());
			redirect.addFlashAttribute("verificationResent", true);
		}
		catch (TooManyRequestsException ex) {
			redirect.addFlashAttribute("verificationTooMany", true);
		}
		return "redirect:/account";
	}

}
