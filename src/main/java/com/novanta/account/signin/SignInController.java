package com.novanta.account.signin;

import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountProperties;
import com.novanta.account.internal.Actors;
import com.novanta.account.social.SocialProfile;
import com.novanta.account.social.SocialProviders;
import com.novanta.account.social.SocialSignIn;
import com.novanta.account.social.SocialUsers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The sign-in page (Spring Security processes its form), and the page where someone who
 * signed in with Google or Facebook proves they own the existing account with that email.
 */
@Controller
class SignInController {

	static final String SIGN_IN_VIEW = "account/signin";

	static final String LINK_VIEW = "account/signin-link";

	static final String CONFIRM_LINK_VIEW = "account/signin-link-confirm";

	private final SocialProviders providers;

	private final SocialSignIn socialSignIn;

	private final AccountProperties properties;

	SignInController(SocialProviders providers, SocialSignIn socialSignIn, AccountProperties properties) {
		this.providers = providers;
		this.socialSignIn = socialSignIn;
		this.properties = properties;
	}

	@GetMapping("/signin")
	String signIn(Model model) {
		model.addAttribute("providers", this.providers.all());
		model.addAttribute("lockMinutes", this.properties.signIn().windowMinutes());
		return SIGN_IN_VIEW;
	}

	@GetMapping("/signin/link")
	String link(HttpSession session, Model model) {
		Optional<SocialProfile> pending = pending(session);
		if (pending.isEmpty()) {
			return "redirect:/signin";
		}
		model.addAttribute("pending", pending.get());
		model.addAttribute("providerName", this.providers.displayName(pending.get().provider()));
		return LINK_VIEW;
	}

	@PostMapping("/signin/link")
	String linkWithPassword(@RequestParam(defaultValue = "") String password, HttpServletRequest request,
			HttpSession session, Model model, RedirectAttributes redirect) {
		Optional<SocialProfile> pending = pending(session);
		if (pending.isEmpty()) {
			return "redirect:/signin";
		}
		Optional<CurrentAccount> account = this.socialSignIn.linkWithPassword(pending.get(), password,
				Actors.clientAddress(request));
		if (account.isEmpty()) {
			model.addAttribute("pending", pending.get());
			model.addAttribute("providerName", this.providers.displayName(pending.get().provider()));
			model.addAttribute("wrongPassword", true);
			return LINK_VIEW;
		}
		session.removeAttribute(SocialUsers.PENDING_LINK);
		signIn(request, account.get());
		redirect.addFlashAttribute("linked", this.providers.displayName(pending.get().provider()));
		return "redirect:/account";
	}

	@PostMapping("/signin/link/email")
	String linkByEmail(HttpSession session, RedirectAttributes redirect) {
		Optional<SocialProfile> pending = pending(session);
		if (pending.isEmpty()) {
			return "redirect:/signin";
		}
		this.socialSignIn.sendLinkConfirmation(pending.get(), this.providers.displayName(pending.get().provider()));
		session.removeAttribute(SocialUsers.PENDING_LINK);
		redirect.addFlashAttribute("linkEmailSent", pending.get().email());
		return "redirect:/signin";
	}

	/**
	 * The link emailed to confirm a sign-in: opening it only shows a button (mail
	 * scanners open links too); the button posts the token and that links the sign-in.
	 */
	@GetMapping("/signin/link/confirm")
	String confirmLinkPage(@RequestParam(defaultValue = "") String token, Model model) {
		Optional<String> provider = this.socialSignIn.pendingLinkProvider(token);
		model.addAttribute("token", token);
		model.addAttribute("usable", provider.isPresent());
		provider.ifPresent((p) -> model.addAttribute("providerName", this.providers.displayName(p)));
		return CONFIRM_LINK_VIEW;
	}

	@PostMapping("/signin/link/confirm")
	String confirmLink(@RequestParam(defaultValue = "") String token, HttpServletRequest request,
			RedirectAttributes redirect) {
		Optional<SocialSignIn.LinkConfirmation> confirmation = this.socialSignIn.confirmLink(token,
				Actors.clientAddress(request));
		if (confirmation.isEmpty()) {
			redirect.addFlashAttribute("linkExpired", true);
		}
		else {
			String providerName = this.providers.displayName(confirmation.get().provider());
			redirect.addFlashAttribute(confirmation.get().linked() ? "linkConfirmed" : "linkTaken", providerName);
		}
		return "redirect:/signin";
	}

	private static Optional<SocialProfile> pending(HttpSession session) {
		return (session.getAttribute(SocialUsers.PENDING_LINK) instanceof SocialProfile profile) ? Optional.of(profile)
				: Optional.empty();
	}

	/** Signs in within this request, with a new session id. */
	private static void signIn(HttpServletRequest request, CurrentAccount account) {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities()));
		SecurityContextHolder.setContext(context);
		request.getSession().setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
	}

}
