package com.novanta.config;

import java.util.List;

import jakarta.servlet.DispatcherType;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
			"/lotteries", "/lotteries/**", "/results/**", "/statistics/**", "/unsubscribe/**", "/dev/mailbox/**",
			"/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/actuator/health/**",
			"/actuator/info" };

	/** Forms anyone may post (with a CSRF token). */
	static final String[] PUBLIC_FORMS = { "/lucky-numbers", "/signin/**", "/signup", "/account/verify", "/password/**",
			"/unsubscribe/**", "/dev/mailbox/**" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, List<HttpSecurityCustomizer> customizers)
			throws Exception {
		CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
		csrfTokens.setCookieName("NOVANTA-XSRF");
		csrfTokens.setCookieCustomizer((cookie) -> cookie.sameSite("Lax"));
		http.authorizeHttpRequests((requests) -> requests.dispatcherTypeMatchers(DispatcherType.ERROR)
			.permitAll()
			.requestMatchers("/admin/**")
			.hasRole("ADMIN")
			.requestMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus")
			.permitAll()
			.requestMatchers("/actuator/**")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.GET, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.HEAD, PUBLIC_PAGES)
			.permitAll()
			.requestMatchers(HttpMethod.POST, PUBLIC_FORMS)
			.permitAll()
			.anyRequest()
			.authenticated())
			// One-click unsubscribe (RFC 8058) is posted by mail clients, which have no
			// token;
			// the link itself is signed.
			.csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens).ignoringRequestMatchers("/unsubscribe/**"))
			.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
				.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
				.frameOptions((frame) -> frame.sameOrigin()));
		for (HttpSecurityCustomizer customizer : customizers) {
			customizer.customize(http);
		}
		return http.build();
	}

}
