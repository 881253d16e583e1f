package com.novanta.account.signin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.novanta.account.Account;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountRepository;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks every signed-in request against the account as it is now: a disabled or deleted
 * account, or one whose sessions were ended (password reset, password change elsewhere,
 * "sign out everywhere"), is signed out at once on the instance that made the change and
 * within {@link AccountRepository#RECENT} (a second) on every other; a change of roles or
 * verification applies alike. (The account read is reused for a second, so that a
 * participant's requests do not each read it again.) A session also ends when its
 * absolute lifetime is over, however active it was: a stolen session cookie does not work
 * forever.
 */
class AccountSessionFilter extends OncePerRequestFilter {

	/** When the session's sign-in was first seen, by the application's clock. */
	static final String SIGNED_IN_AT = "novanta.signedInAt";

	private final AccountRepository accounts;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final Duration lifetime;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	AccountSessionFilter(AccountRepository accounts, SecurityContextRepository contexts, Clock clock,
			Duration lifetime) {
		this.accounts = accounts;
		this.contexts = contexts;
		this.clock = clock;
		this.lifetime = lifetime;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.holder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount session) {
			Account account = this.accounts.findRecent(session.id()).orElse(null);
			if (account == null || !account.isActive() || account.sessionEpoch() != session.sessionEpoch()
					|| lifetimeIsOver(request)) {
				new SecurityContextLogoutHandler().logout(request, response, authentication);
			}
			else {
				CurrentAccount current = CurrentAccount.of(account).withoutPassword();
				if (!current.equals(session)) {
					refresh(request, response, authentication, current);
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Whether the signed-in session is older than its lifetime; the first signed-in
	 * request of a session starts it.
	 */
	private boolean lifetimeIsOver(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session == null) {
			// signed in by remember-me for this request only
			return false;
		}
		Instant now = this.clock.instant();
		if (!(session.getAttribute(SIGNED_IN_AT) instanceof Instant signedInAt)) {
			session.setAttribute(SIGNED_IN_AT, now);
			return false;
		}
		return !signedInAt.plus(this.lifetime).isAfter(now);
	}

	private void refresh(HttpServletRequest request, HttpServletResponse response, Authentication old,
			CurrentAccount current) {
		UsernamePasswordAuthenticationToken refreshed = UsernamePasswordAuthenticationToken.authenticated(current, null,
				current.getAuthorities());
		if (old instanceof AbstractAuthenticationToken token) {
			refreshed.setDetails(token.getDetails());
		}
		SecurityContext context = this.holder.createEmptyContext();
		context.setAuthentication(refreshed);
		this.holder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
