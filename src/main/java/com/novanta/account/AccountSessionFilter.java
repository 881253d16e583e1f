package com.novanta.account;

import java.io.IOException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * account, or one whose sessions were ended (password reset, password change elsewhere),
 * is signed out at once, on every instance; a change of roles or verification applies at
 * once.
 */
class AccountSessionFilter extends OncePerRequestFilter {

	private final AccountRepository accounts;

	private final SecurityContextRepository contexts;

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	AccountSessionFilter(AccountRepository accounts, SecurityContextRepository contexts) {
		this.accounts = accounts;
		this.contexts = contexts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = this.holder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount session) {
			Account account = this.accounts.findById(session.id()).orElse(null);
			if (account == null || !account.isActive() || account.sessionEpoch() != session.sessionEpoch()) {
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
