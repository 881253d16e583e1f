package com.novanta.account.profile;

import java.util.Locale;

import com.novanta.account.Account;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.TooManyRequestsException;
import com.novanta.account.password.PasswordPolicy;
import com.novanta.account.signin.RevocableRememberMe;
import com.novanta.account.social.SocialProviders;
import com.novanta.account.social.SocialUsers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The participant's own account: details, preferences, password, linked sign-ins,
 * deletion.
 */
@Controller
class ProfileController {

	private final Profiles profiles;

	private final PasswordPolicy policy;

	private final SocialProviders providers;

	private final LocaleResolver localeResolver;

	private final ProfilePage page;

	private final RevocableRememberMe rememberMe;

	private final TimeZones timeZones;

	ProfileController(Profiles profiles, PasswordPolicy policy, SocialProviders providers,
			LocaleResolver localeResolver, ProfilePage page, RevocableRememberMe rememberMe, TimeZones timeZones) {
		this.rememberMe = rememberMe;
		this.timeZones = timeZones;
		this.profiles = profiles;
		this.policy = policy;
		this.providers = providers;
		this.localeResolver = localeResolver;
		this.page = page;
	}

	@GetMapping("/account")
	String profile(@AuthenticationPrincipal CurrentAccount me, Model model) {
		return page(this.profiles.get(me.id()), model);
	}

	@PostMapping("/account")
	String update(@AuthenticationPrincipal CurrentAccount me, @Valid @ModelAttribute("form") ProfileForm form,
			BindingResult result, HttpServletRequest request, HttpServletResponse response, Model model,
			RedirectAttributes redirect) {
		if (result.getTarget() == null) {
			// The form could not even be built (a checkbox without its marker field, a
			// value of the wrong type): not something its page sends.
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		if (!result.hasFieldErrors("timeZone")
				&& !this.timeZones.isOffered(form.timeZone(), this.profiles.get(me.id()).timeZone())) {
			result.rejectValue("timeZone", "profile.timeZone.invalid");
		}
		if (result.hasErrors()) {
			return page(this.profiles.get(me.id()), model);
		}
		Account updated = this.profiles.updateDetails(me, form, Actors.clientAddress(request));
		this.localeResolver.setLocale(request, response, Locale.forLanguageTag(updated.language()));
		redirect.addFlashAttribute("saved", true);
		return "redirect:/account";
	}

	@PostMapping("/account/password")
	String changePassword(@AuthenticationPrincipal CurrentAccount me,
			@RequestParam(defaultValue = "") String currentPassword, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String confirmation, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		String problem = this.policy.check(password, me.email()).orElse(null);
		if (problem == null && !password.equals(confirmation)) {
			problem = "password.mismatch";
		}
		if (problem != null) {
			model.addAttribute("passwordProblem", problem);
			return page(this.profiles.get(me.id()), model);
		}
		Account updated;
		try {
			updated = this.profiles.changePassword(me, currentPassword, password, Actors.clientAddress(request));
		}
		catch (TooManyRequestsException ex) {
			model.addAttribute("passwordProblem", "password.tooManyAttempts");
			return page(this.profiles.get(me.id()), model);
		}
		if (updated == null) {
			model.addAttribute("passwordProblem", "password.currentWrong");
			return page(this.profiles.get(me.id()), model);
		}
		// Other sessions end; this one continues with the account's new session epoch.
		keepSignedIn(request, CurrentAccount.of(updated).withoutPassword());
		redirect.addFlashAttribute("passwordChanged", true);
		return "redirect:/account";
	}

	@PostMapping("/account/identities/{provider}/link")
	String link(@AuthenticationPrincipal CurrentAccount me, @PathVariable String provider, HttpSession session) {
		if (!this.providers.isEnabled(provider)) {
			return "redirect:/account";
		}
		session.setAttribute(SocialUsers.LINKING_ACCOUNT, me.id());
		return "redirect:/oauth2/authorization/" + provider;
	}

	@PostMapping("/account/identities/{provider}/unlink")
	String unlink(@AuthenticationPrincipal CurrentAccount me, @PathVariable String provider, HttpServletRequest request,
			RedirectAttributes redirect) {
		if (this.profiles.unlink(me, provider, Actors.clientAddress(request))) {
			redirect.addFlashAttribute("unlinked", this.providers.displayName(provider));
		}
		else {
			redirect.addFlashAttribute("unlinkRefused", true);
		}
		return "redirect:/account";
	}

	@PostMapping("/account/delete")
	String delete(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "") String confirmation,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		try {
			if (!this.profiles.delete(me, confirmation, Actors.clientAddress(request))) {
				redirect.addFlashAttribute("deleteRefused", true);
				return "redirect:/account#delete";
			}
		}
		catch (TooManyRequestsException ex) {
			redirect.addFlashAttribute("deleteLocked", true);
			return "redirect:/account#delete";
		}
		signOut(request, response);
		return "redirect:/?deleted";
	}

	@PostMapping("/account/signout-everywhere")
	String signOutEverywhere(@AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			HttpServletResponse response) {
		this.profiles.signOutEverywhere(me, Actors.clientAddress(request));
		signOut(request, response);
		return "redirect:/?signedOutEverywhere";
	}

	/** Ends this session and forgets this browser. */
	private void signOut(HttpServletRequest request, HttpServletResponse response) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		this.rememberMe.logout(request, response, authentication);
		new SecurityContextLogoutHandler().logout(request, response, authentication);
	}

	private String page(Account account, Model model) {
		return this.page.render(account, model);
	}

	private static void keepSignedIn(HttpServletRequest request, CurrentAccount account) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

}
