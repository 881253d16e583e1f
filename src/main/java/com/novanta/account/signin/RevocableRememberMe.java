package com.novanta.account.signin;

import com.novanta.account.Account;
import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountRepository;
import com.novanta.config.SiteCookies;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.authentication.rememberme.AbstractRememberMeServices;
import org.springframework.security.web.authentication.rememberme.InvalidCookieException;
import org.springframework.security.web.authentication.rememberme.RememberMeAuthenticationException;

/**
 * Spring Security's remember-me, backed by {@link RememberMeTokens}: a cookie that can be
 * revoked, rather than a signed one that stays valid until it expires.
 */
public class RevocableRememberMe extends AbstractRememberMeServices {

	static final String KEY = "novanta-remember-me";

	public static final String COOKIE = "NOVANTA-REMEMBER";

	private final RememberMeTokens tokens;

	private final AccountRepository accounts;

	RevocableRememberMe(AccountUserDetailsService users, RememberMeTokens tokens, AccountRepository accounts,
			SiteCookies cookies) {
		super(KEY, users);
		this.tokens = tokens;
		this.accounts = accounts;
		setParameter("remember");
		setCookieName(cookies.name(COOKIE));
		setUseSecureCookie(cookies.secure());
		setCookieCustomizer((cookie) -> cookie.setAttribute("SameSite", "Lax"));
		setTokenValiditySeconds((int) RememberMeTokens.VALIDITY.toSeconds());
	}

	@Override
	protected void onLoginSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) {
		if (!(authentication.getPrincipal() instanceof CurrentAccount me)) {
			return;
		}
		this.accounts.findById(me.id())
			.ifPresent(
					(account) -> setCookie(this.tokens.issue(account), getTokenValiditySeconds(), request, response));
	}

	@Override
	protected UserDetails processAutoLoginCookie(String[] cookie, HttpServletRequest request,
			HttpServletResponse response) {
		if (cookie.length != 2) {
			throw new InvalidCookieException("Not a remember-me cookie of ours");
		}
		RememberMeTokens.Token token = this.tokens.find(cookie[0], cookie[1])
			.orElseThrow(() -> new RememberMeAuthenticationException("Unknown, forgotten or expired"));
		Account account = this.accounts.findById(token.accountId())
			.filter((candidate) -> candidate.isActive() && candidate.sessionEpoch() == token.sessionEpoch())
			.orElse(null);
		if (account == null) {
			// signed out everywhere, password changed, disabled or deleted since
			this.tokens.forget(token.series());
			throw new RememberMeAuthenticationException("Revoked");
		}
		return CurrentAccount.of(account).withoutPassword();
	}

	@Override
	public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
		String cookie = extractRememberMeCookie(request);
		if (cookie != null && !cookie.isEmpty()) {
			try {
				this.tokens.forget(decodeCookie(cookie)[0]);
			}
			catch (InvalidCookieException ex) {
				// nothing of ours to forget
			}
		}
		super.logout(request, response, authentication);
	}

}
