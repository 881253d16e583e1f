package com.novanta.account;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import com.novanta.audit.AuditLog;
import com.novanta.config.HttpSecurityCustomizer;
import com.novanta.config.SharedSecrets;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in by password and by Google or Facebook, remember-me and sign-out, in the one
 * filter chain.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

	static final String SIGN_IN_PAGE = "/signin";

	/** Argon2id for new hashes; bcrypt hashes still verify. */
	@Bean
	PasswordEncoder passwordEncoder() {
		java.util.Map<String, PasswordEncoder> encoders = new java.util.HashMap<>();
		encoders.put("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	@Bean
	HttpSecurityCustomizer accountSignIn(PasswordEncoder passwordEncoder, SignInThrottle throttle,
			AccountRepository accounts, AdminRoles adminRoles, AuditLog audit, Clock clock, SharedSecrets secrets,
			SocialSignIn socialSignIn, LocaleResolver localeResolver,
			ObjectProvider<ClientRegistrationRepository> clientRegistrations,
			io.micrometer.core.instrument.MeterRegistry meters) {
		AccountUserDetailsService userDetails = new AccountUserDetailsService(accounts);
		return (http) -> {
			SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
			TokenBasedRememberMeServices rememberMe = new SignedRememberMe(userDetails, secrets);
			rememberMe.setParameter("remember");
			rememberMe.setCookieName("NOVANTA-REMEMBER");
			rememberMe.setTokenValiditySeconds((int) Duration.ofDays(30).toSeconds());
			SignedInHandler signedIn = new SignedInHandler(contexts, localeResolver);
			http.authenticationProvider(new ThrottledAuthenticationProvider(userDetails, passwordEncoder, throttle,
					accounts, adminRoles, audit, clock, meters))
				.securityContext((context) -> context.securityContextRepository(contexts))
				.formLogin((form) -> form.loginPage(SIGN_IN_PAGE)
					.loginProcessingUrl(SIGN_IN_PAGE)
					.usernameParameter("email")
					.passwordParameter("password")
					.successHandler(signedIn)
					.failureHandler(AccountSecurity::signInFailed)
					.permitAll())
				.rememberMe((remember) -> remember.rememberMeServices(rememberMe).key(SignedRememberMe.KEY))
				.logout((logout) -> logout.logoutUrl("/signout")
					.logoutSuccessUrl("/?signedOut")
					.deleteCookies("NOVANTA-REMEMBER")
					.addLogoutHandler((request, response, authentication) -> {
						if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount me) {
							audit.record(Actors.of(me, request.getRemoteAddr()), "SIGN_OUT", "account", me.id());
						}
					}))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
				.addFilterAfter(new AccountSessionFilter(accounts, contexts), AnonymousAuthenticationFilter.class);
			if (clientRegistrations.getIfAvailable() != null) {
				http.oauth2Login((oauth) -> oauth.loginPage(SIGN_IN_PAGE)
					.userInfoEndpoint((userInfo) -> userInfo.oidcUserService(SocialUsers.oidc(socialSignIn))
						.userService(SocialUsers.oauth2(socialSignIn)))
					.successHandler(signedIn)
					.failureHandler(AccountSecurity::socialSignInFailed));
			}
		};
	}

	/**
	 * Remember-me cookies signed with a secret shared by every instance, read from the
	 * database when first needed (not while the application starts, so that it starts
	 * even if the database is briefly unreachable).
	 */
	static final class SignedRememberMe extends TokenBasedRememberMeServices {

		static final String KEY = "novanta-remember-me";

		private final SharedSecrets secrets;

		private volatile String secret;

		SignedRememberMe(AccountUserDetailsService userDetails, SharedSecrets secrets) {
			super(KEY, userDetails, RememberMeTokenAlgorithm.SHA256);
			this.secrets = secrets;
		}

		@Override
		protected String makeTokenSignature(long tokenExpiryTime, String username, String password,
				RememberMeTokenAlgorithm algorithm) {
			if (this.secret == null) {
				this.secret = this.secrets.get("remember-me");
			}
			String data = username + ":" + tokenExpiryTime + ":" + password + ":" + this.secret;
			try {
				java.security.MessageDigest digest = java.security.MessageDigest
					.getInstance(algorithm.getDigestAlgorithm());
				return new String(org.springframework.security.crypto.codec.Hex
					.encode(digest.digest(data.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
			}
			catch (java.security.NoSuchAlgorithmException ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Unauthenticated: a page goes to sign-in; an htmx request refreshes the whole page
	 * instead of swapping the sign-in form into a fragment.
	 */
	private static AuthenticationEntryPoint entryPoint() {
		java.util.LinkedHashMap<org.springframework.security.web.util.matcher.RequestMatcher, AuthenticationEntryPoint> entryPoints = new java.util.LinkedHashMap<>();
		entryPoints.put(new RequestHeaderRequestMatcher("HX-Request", "true"),
				new HxRefreshHeaderAuthenticationEntryPoint());
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		entryPoint.setDefaultEntryPoint(new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE));
		return entryPoint;
	}

	private static void signInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String reason = (failure instanceof SignInLockedException) ? "locked" : "error";
		response.sendRedirect(request.getContextPath() + SIGN_IN_PAGE + "?" + reason);
	}

	private static void socialSignInFailed(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException failure) throws IOException {
		String code = (failure instanceof OAuth2AuthenticationException oauth) ? oauth.getError().getErrorCode() : "";
		String target = switch (code) {
			case SocialSignIn.LINK_REQUIRED -> "/signin/link";
			case SocialSignIn.UNVERIFIED_EMAIL -> SIGN_IN_PAGE + "?social=unverified";
			case SocialSignIn.IDENTITY_TAKEN -> "/account?linkTaken";
			default -> SIGN_IN_PAGE + "?social=failed";
		};
		response.sendRedirect(request.getContextPath() + target);
	}

	/**
	 * After any sign-in: keep only the account in the session (no provider tokens),
	 * switch the site to the account's language, and go where the visitor was heading.
	 */
	static final class SignedInHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final SecurityContextRepository contexts;

		private final LocaleResolver localeResolver;

		SignedInHandler(SecurityContextRepository contexts, LocaleResolver localeResolver) {
			this.contexts = contexts;
			this.localeResolver = localeResolver;
			setDefaultTargetUrl("/");
			DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();
			setRedirectStrategy(
					(request, response, url) -> redirects.sendRedirect(request, response, withinSite(request, url)));
		}

		/**
		 * The page the visitor was heading for, on this site only: a saved request keeps
		 * the host its request named (the Host header, which a proxy may pass on from
		 * anyone), so another host's address is reduced to its path.
		 */
		static String withinSite(HttpServletRequest request, String url) {
			java.net.URI target;
			try {
				target = java.net.URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				return "/";
			}
			if (target.getScheme() == null && target.getRawAuthority() == null) {
				return url;
			}
			int port = (target.getPort() != -1) ? target.getPort() : ("https".equals(target.getScheme()) ? 443 : 80);
			if (request.getServerName().equalsIgnoreCase(target.getHost()) && request.getServerPort() == port
					&& request.getScheme().equals(target.getScheme())) {
				return url;
			}
			String path = target.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//")) {
				return "/";
			}
			return (target.getRawQuery() != null) ? path + "?" + target.getRawQuery() : path;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, jakarta.servlet.ServletException {
			CurrentAccount account = null;
			if (authentication.getPrincipal() instanceof SocialUsers.SignedIn signedIn) {
				account = signedIn.account();
				UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(account,
						null, account.getAuthorities());
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(token);
				SecurityContextHolder.setContext(context);
				this.contexts.saveContext(context, request, response);
			}
			else if (authentication.getPrincipal() instanceof CurrentAccount current) {
				account = current;
			}
			if (account != null && account.language() != null) {
				this.localeResolver.setLocale(request, response, Locale.forLanguageTag(account.language()));
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

}
