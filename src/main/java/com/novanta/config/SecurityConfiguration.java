package com.novanta.config;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The application's one security filter chain. Modules add their sign-in mechanisms
 * through {@link HttpSecurityCustomizer} beans; the rules of who may see what are here,
 * in one place.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

	/** Only this site's own scripts and styles; never framed by another site. */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "frame-ancestors 'none'";

	/** Pages anyone may see (GET). */
	static final String[] PUBLIC_PAGES = { "/", "/terms", "/signin/**", "/signup/**", "/password/**", "/account/verify",
			"/lotteries", "/lotteries/**", "/fairness/**", "/verify", "/results/**", "/statistics/**", "/checker",
			"/unsubscribe/**", "/error", "/css/**", "/js/**", "/img/**", "/fonts/**", "/webjars/**", "/favicon.ico",
			"/actuator/health/**" };

	/**
	 * The open results (module {@code feeds}): read-only and public whatever the method,
	 * so that a POST gets the 405 it deserves rather than a sign-in page or a CSRF
	 * refusal. Nothing there changes anything (FeedsIntegrationTests checks that every
	 * handler under these paths answers GET only), so no token is asked for.
	 */
	static final String[] PUBLIC_API = { "/api/v1/**", "/feeds/**" };

	/** Forms anyone may post (with a CSRF token). */
	static final String[] PUBLIC_FORMS = { "/lucky-numbers", "/signin/**", "/signup", "/account/verify", "/password/**",
			"/unsubscribe/**" };

	/**
	 * The dev mailbox: open in dev mode only, where it answers this machine alone
	 * (notification's own filter); anywhere else it does not exist.
	 */
	static final String DEV_MAILBOX = "/dev/mailbox/**";

	/** The header an htmx request sends the CSRF token in. */
	static final String CSRF_HEADER = "X-XSRF-TOKEN";

	/** The form field a form sends the CSRF token in. */
	static final String CSRF_PARAMETER = "_csrf";

	/**
	 * Pages the same for every visitor who is not signed in, rendered once a second:
	 * right after the security filters, which tell who is signed in. Off with
	 * {@code lottery.web.shared-pages=false} (the tests' default, whose clock stands
	 * still).
	 */
	@Bean
	@ConditionalOnProperty(name = "lottery.web.shared-pages", havingValue = "true", matchIfMissing = true)
	FilterRegistrationBean<SharedPages> sharedPages(Clock clock, LocaleResolver locales) {
		FilterRegistrationBean<SharedPages> registration = new FilterRegistrationBean<>(
				new SharedPages(clock, locales, CSRF_HEADER, CSRF_PARAMETER));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * No observation of Spring Security's own: it wraps every filter of the chain in one,
	 * which took a third of the CPU samples of a page served from {@link SharedPages} (a
	 * JFR profile of the intake benchmark; 0.1 to 0.2 ms a request). Requests are still
	 * timed and counted ({@code http.server.requests}), sign-ins are audited.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<HttpSecurityCustomizer> customizers,
			Environment environment, SiteCookies cookies,
			@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings)
			throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName(cookies.name("NOVANTA-XSRF"));
		csrfTokens.setHeaderName(CSRF_HEADER);
		csrfTokens.setParameterName(CSRF_PARAMETER);
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax").path("/").secure(cookies.secure()));
		RequestMatcher devMailbox = DevMode.isOn(environment)
				? PathPatternRequestMatcher.withDefaults().matcher(DEV_MAILBOX) : (request) -> false;
		http.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			// Metrics and build information are the operators': an admin's session, or
			// the
			// management port when one is set (MANAGEMENT_SERVER_PORT), which the
			// operator
			// keeps off the public network. Health stays public, for load balancers.
			.requestMatchers(new ManagementPort(environment))
			.permitAll()
			.requestMatchers("/actuator/health/**")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.requestMatchers(devMailbox)
			.permitAll()
			.requestMatchers(PUBLIC_API)
			.permitAll()
			.requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.POST, PUBLIC_FORMS)
			.permitAll()
			.requestMatchers(new NoSuchPage(mappings))
			.permitAll()
			.anyRequest()
			.authenticated())
			// One-click unsubscribe (RFC 8058) is posted by mail clients, which have no
			// token;
			// the link itself is signed.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
				.ignoringRequestMatchers("/unsubscribe/**")
				.ignoringRequestMatchers(PUBLIC_API))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frame) -> frame.sameOrigin()));
		for (HttpSecurityCustomizer customizer : customizers) {
			customizer.customize(http);
		}
		return http.build();
	}

}
