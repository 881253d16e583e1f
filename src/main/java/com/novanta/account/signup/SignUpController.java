package com.novanta.account.signup;

import java.util.List;
import java.util.Locale;

import com.novanta.account.internal.Actors;
import com.novanta.account.internal.TooManyRequestsException;
import com.novanta.account.password.PasswordPolicy;
import com.novanta.account.social.SocialProviders;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
public class SignUpController {

	public static final String SIGN_UP_VIEW = "account/signup";

	static final String CHECK_EMAIL_VIEW = "account/check-email";

	private final Registration registration;

	private final PasswordPolicy passwordPolicy;

	private final SocialProviders providers;

	SignUpController(Registration registration, PasswordPolicy passwordPolicy, SocialProviders providers) {
		this.registration = registration;
		this.passwordPolicy = passwordPolicy;
		this.providers = providers;
	}

	@ModelAttribute("providers")
	List<SocialProviders.Provider> providers() {
		return this.providers.all();
	}

	@GetMapping("/signup")
	String form(Model model) {
		model.addAttribute("form", SignUpForm.empty());
		return SIGN_UP_VIEW;
	}

	@PostMapping("/signup")
	String signUp(@Valid @ModelAttribute("form") SignUpForm form, BindingResult result, Locale locale,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (result.getTarget() == null) {
			// The form could not even be built (a checkbox without its marker field, a
			// value of the wrong type): not something its page sends.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		this.passwordPolicy.check(form.password(), form.email())
			.ifPresent((problem) -> result.rejectValue("password", problem));
		if (result.hasErrors()) {
			return SIGN_UP_VIEW;
		}
		try {
			this.registration.signUp(form, locale, Actors.clientAddress(request));
		}
		catch (TooManyRequestsException ex) {
			model.addAttribute("tooMany", true);
			return SIGN_UP_VIEW;
		}
		redirect.addFlashAttribute("email", form.email().trim());
		return "redirect:/signup/check-email";
	}

	@GetMapping("/signup/check-email")
	String checkEmail() {
		return CHECK_EMAIL_VIEW;
	}

}
