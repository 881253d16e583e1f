package com.novanta.config;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.boot.web.server.servlet.ConfigurableServletWebServerFactory;
import org.springframework.boot.web.server.servlet.Session;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Sessions kept by the servlet container ({@code lottery.sessions.store=container}) get
 * the same cookie as those kept in MongoDB: its name and {@code Secure} flag follow
 * {@link SiteCookies}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "lottery.sessions.store", havingValue = "container")
class ContainerSessionConfiguration {

	@Bean
	SessionCookieCustomizer sessionCookie(ServerProperties server, SiteCookies cookies) {
		return new SessionCookieCustomizer(server, cookies);
	}

	static final class SessionCookieCustomizer
			implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

		private final ServerProperties server;

		private final SiteCookies cookies;

		SessionCookieCustomizer(ServerProperties server, SiteCookies cookies) {
			this.server = server;
			this.cookies = cookies;
		}

		@Override
		public void customize(ConfigurableServletWebServerFactory factory) {
			Session session = this.server.getServlet().getSession();
			session.getCookie().setName(this.cookies.name(SessionConfiguration.SESSION_COOKIE));
			session.getCookie().setPath("/");
			session.getCookie().setHttpOnly(true);
			session.getCookie().setSecure(this.cookies.secure());
			factory.setSession(session);
		}

		/** After Spring Boot's own customizer, which sets the session from properties. */
		@Override
		public int getOrder() {
			return Ordered.LOWEST_PRECEDENCE;
		}

	}

}
