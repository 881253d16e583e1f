package com.novanta.account.signin;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import com.novanta.account.CurrentAccount;
import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.Actors;
import com.novanta.account.internal.AdminRoles;
import com.novanta.account.internal.KnownDevices;
import com.novanta.account.internal.SignInThrottle;
import com.novanta.account.social.SocialSignIn;
import com.novanta.account.social.SocialUsers;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.config.HttpSecurityCustomizer;
import com.novanta.config.SiteCookies;
import io.github.wimdeblauwe.htmx.spring.boot.security.HxRefreshHeaderAuthenticationEntryPoint;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.RequestHeaderRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Sign-in by password and by Google or Facebook, remember-me and sign-out, in the one
 * filter chain.
 */
@Configuration(proxyBeanMethods = false)
class AccountSecurity {

	static final String SIGN_IN_PAGE = "/signin";

	static final int ARGON2_SALT_BYTES = 16;

	static final int ARGON2_HASH_BYTES = 32;

	static final int ARGON2_PARALLELISM = 1;

	static final int ARGON2_MEMORY_KIB = 19 * 1024;

	static final int ARGON2_ITERATIONS = 2;

	/**
	 * Argon2id for new hashes, with at least OWASP's minimum settings (19 MiB of memory,
	 * two passes, one lane); a hash made with older, weaker settings, or a bcrypt hash,
	 * still verifies and is replaced at the next successful sign-in.
	 */
	@Bean
	PasswordEncoder passwordEncoder() {
		Map<String, PasswordEncoder> encoders = new HashMap<>();
		encoders.put("argon2", new Argon2PasswordEncoder(ARGON2_SALT_BYTES, ARGON2_HASH_BYTES, ARGON2_PARALLELISM,
				ARGON2_MEMORY_KIB, ARGON2_ITERATIONS));
		encoders.put("bcrypt", new BCryptPasswordEncoder());
		return new DelegatingPasswordEncoder("argon2", encoders);
	}

	@Bean
	RevocableRememberMe rememberMe(AccountRepository accounts, RememberMeTokens tokens, SiteCookies cookies) {
		return new RevocableRememberMe(new AccountUserDetailsService(accounts), tokens, accounts, cookies);
	}

	@Bean
	HttpSecurityCustomizer accountSignIn(PasswordEncoder passwordEncoder, SignInThrottle throttle,
			AccountRepository accounts, AdminRoles adminRoles, AuditLog audit, Clock clock,
			RevocableRememberMe rememberMe, KnownDevices devices, SiteCookies cookies, SocialSignIn socialSignIn,
			LocaleResolver localeResolver, ObjectProvider<ClientRegistrationRepository> clientRegistrations,
			MeterRegistry meters, @Value("${lottery.sessions.absolute-timeout:12h}") Duration sessionLifetime) {
		AccountUserDetailsService userDetails = new AccountUserDetailsService(accounts);
		return (http) -> {
			SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
			SignedInHandler signedIn = new SignedInHandler(contexts, localeResolver, devices);
			http.authenticationProvider(new ThrottledAuthenticationProvider(userDetails, passwordEncoder, throttle,
					accounts, adminRoles, audit, clock, meters))
				.securityContext((context) -> context.securityContextRepository(contexts))
				.formLogin((form) -> form.loginPage(SIGN_IN_PAGE)
					.loginProcessingUrl(SIGN_IN_PAGE)
					.usernameParameter("email")
					.passwordParameter("password")
					.authenticationDetailsSource((request) -> new ThrottledAuthenticationProvider.SignInDetails(request,
							devices, cookies.read(request, KnownDevices.COOKIE)))
					.successHandler(signedIn)
					.failureHandler(AccountSecurity::signInFailed)
					.permitAll())
				.rememberMe((remember) -> remember.rememberMeServices(rememberMe).key(RevocableRememberMe.KEY))
				.logout((logout) -> logout.logoutUrl("/signout")
					.logoutSuccessUrl("/?signedOut")
					.addLogoutHandler((request, response, authentication) -> {
						if (authentication != null && authentication.getPrincipal() instanceof CurrentAccount me) {
							audit.record(Actors.of(me, request.getRemoteAddr()), AuditAction.SIGN_OUT, "account",
									me.id());
						}
					}))
				.exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(entryPoint()))
				.addFilterAfter(new AccountSessionFilter(accounts, contexts, clock, sessionLifetime),
						AnonymousAuthenticationFilter.class);
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
	 * Unauthenticated: a page goes to sign-in; an htmx request refreshes the whole page
	 * instead of swapping the sign-in form into a fragment.
	 */
	private static AuthenticationEntryPoint entryPoint() {
		LinkedHashMap<RequestMatcher, AuthenticationEntryPoint> entryPoints = new LinkedHashMap<>();
		entryPoints.put(new RequestHeaderRequestMatcher("HX-Request", "true"),
				new HxRefreshHeaderAuthenticationEntryPoint());
		DelegatingAuthenticationEntryPoint entryPoint = new DelegatingAuthenticationEntryPoint(entryPoints);
		LoginUrlAuthenticationEntryPoint signInPage = new LoginUrlAuthenticationEntryPoint(SIGN_IN_PAGE);
		// "/signin", not an address built from the request's Host header
		signInPage.setFavorRelativeUris(true);
		entryPoint.setDefaultEntryPoint(signInPage);
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
	 * switch the site to the account's language, remember the browser as a known device
	 * for the account, and go where the visitor was heading.
	 */
	static final class SignedInHandler extends SavedRequestAwareAuthenticationSuccessHandler {

		private final SecurityContextRepository contexts;

		private final LocaleResolver localeResolver;

		private final KnownDevices devices;

		SignedInHandler(SecurityContextRepository contexts, LocaleResolver localeResolver, KnownDevices devices) {
			this.contexts = contexts;
			this.localeResolver = localeResolver;
			this.devices = devices;
			setDefaultTargetUrl("/");
			DefaultRedirectStrategy redirects = new DefaultRedirectStrategy();
			setRedirectStrategy((request, response, url) -> redirects.sendRedirect(request, response, withinSite(url)));
		}

		/**
		 * The page the visitor was heading for, as a path on this site: a saved request
		 * keeps the host its request named (the Host header, which anyone can set), so
		 * whatever host an address names, only its path and query are followed.
		 */
		static String withinSite(String url) {
			URI target;
			try {
				target = URI.create(url);
			}
			catch (IllegalArgumentException ex) {
				return "/";
			}
			String path = target.getRawPath();
			if (path == null || !path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) {
				return "/";
			}
			return (target.getRawQuery() != null) ? path + "?" + target.getRawQuery() : path;
		}

		@Override
		public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
				Authentication authentication) throws IOException, ServletException {
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
			if (account != null) {
				this.devices.remember(request, response, account.email());
				if (account.language() != null) {
					this.localeResolver.setLocale(request, response, Locale.forLanguageTag(account.language()));
				}
			}
			super.onAuthenticationSuccess(request, response, authentication);
		}

	}

}
