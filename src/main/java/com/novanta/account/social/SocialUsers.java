package com.novanta.account.social;

import java.util.Collection;
import java.util.Map;

import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.Actors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.DefaultOAuth2UserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserRequest;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The OAuth2 and OpenID Connect user services: they ask the provider who signed in, then
 * hand the answer to {@link SocialSignIn}, which decides which account that is.
 */
public final class SocialUsers {

	public static final String PENDING_LINK = "novanta.pendingLink";

	public static final String LINKING_ACCOUNT = "novanta.linkingAccount";

	private SocialUsers() {
	}

	public static OAuth2UserService<OidcUserRequest, OidcUser> oidc(SocialSignIn socialSignIn) {
		OidcUserService delegate = new OidcUserService();
		return (request) -> {
			OidcUser user = delegate.loadUser(request);
			CurrentAccount account = resolve(socialSignIn, request.getClientRegistration().getRegistrationId(), user);
			return new SignedInOidcUser(account, user.getIdToken(), user.getUserInfo());
		};
	}

	public static OAuth2UserService<OAuth2UserRequest, OAuth2User> oauth2(SocialSignIn socialSignIn) {
		DefaultOAuth2UserService delegate = new DefaultOAuth2UserService();
		return (request) -> {
			OAuth2User user = delegate.loadUser(request);
			CurrentAccount account = resolve(socialSignIn, request.getClientRegistration().getRegistrationId(), user);
			return new SignedInOAuth2User(account);
		};
	}

	private static CurrentAccount resolve(SocialSignIn socialSignIn, String provider, OAuth2User user) {
		SocialProfile profile = SocialProfile.of(provider, user);
		HttpServletRequest request = currentRequest();
		HttpSession session = (request != null) ? request.getSession(false) : null;
		String linkingAccountId = linkingAccountId(session);
		try {
			return socialSignIn.signIn(profile, linkingAccountId, Actors.clientAddress(request));
		}
		catch (OAuth2AuthenticationException ex) {
			if (SocialSignIn.LINK_REQUIRED.equals(ex.getError().getErrorCode()) && request != null) {
				request.getSession().setAttribute(PENDING_LINK, profile);
			}
			throw ex;
		}
		finally {
			if (session != null) {
				session.removeAttribute(LINKING_ACCOUNT);
			}
		}
	}

	/** The account that asked to link a provider, if it is still the one signed in. */
	private static String linkingAccountId(HttpSession session) {
		if (session == null || !(session.getAttribute(LINKING_ACCOUNT) instanceof String accountId)) {
			return null;
		}
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		if (current != null && current.getPrincipal() instanceof CurrentAccount account
				&& account.id().equals(accountId)) {
			return accountId;
		}
		return null;
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	/** The account behind a provider sign-in, while the OAuth2 filter finishes. */
	public interface SignedIn {

		CurrentAccount account();

	}

	public record SignedInOAuth2User(CurrentAccount account) implements OAuth2User, SignedIn {

		@Override
		public Map<String, Object> getAttributes() {
			return Map.of("id", this.account.id());
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.account.getAuthorities();
		}

		@Override
		public String getName() {
			return this.account.id();
		}

	}

	record SignedInOidcUser(CurrentAccount account, OidcIdToken idToken,
			OidcUserInfo userInfo) implements OidcUser, SignedIn {

		@Override
		public Map<String, Object> getClaims() {
			return this.idToken.getClaims();
		}

		@Override
		public OidcUserInfo getUserInfo() {
			return this.userInfo;
		}

		@Override
		public OidcIdToken getIdToken() {
			return this.idToken;
		}

		@Override
		public Map<String, Object> getAttributes() {
			return this.idToken.getClaims();
		}

		@Override
		public Collection<? extends GrantedAuthority> getAuthorities() {
			return this.account.getAuthorities();
		}

		@Override
		public String getName() {
			return this.account.id();
		}

	}

}
