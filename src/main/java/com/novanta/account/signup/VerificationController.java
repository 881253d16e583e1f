package com.novanta.account.signup;

import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.TooManyRequestsException;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The link in the verification email. Opening it only shows a button: mail scanners and
 * link previews open links too, and must not use the link up. The button posts the token,
 * and that verifies the address.
 */
@Controller
class VerificationController {

	static final String VERIFIED_VIEW = "account/verified";

	private final Registration registration;

	VerificationController(Registration registration) {
		this.registration = registration;
	}

	@GetMapping("/account/verify")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		// after the post, the outcome arrives as a flash attribute
		if (!model.containsAttribute("verified")) {
			boolean usable = this.registration.isVerificationUsable(token);
			model.addAttribute("usable", usable);
			model.addAttribute("token", token);
			// the page asks for one thing, pressing its button: not also for the banner's
			// "send the link again", which would make this link unusable
			model.addAttribute("verifyBanner", !usable);
		}
		return VERIFIED_VIEW;
	}

	@PostMapping("/account/verify")
	String verify(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("verified",
				this.registration.verify(token, Actors.clientAddress(request)).isPresent());
		return "redirect:/account/verify";
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
