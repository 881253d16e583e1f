package com.novanta.config;

import java.time.Duration;

import org.mongodb.spring.session.JdkMongoSessionConverter;
import org.mongodb.spring.session.MongoIndexedSessionRepository;
import org.mongodb.spring.session.MongoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.session.config.annotation.web.http.EnableSpringHttpSession;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * HTTP sessions live in MongoDB, so that any instance behind a load balancer serves any
 * request, and a restart signs nobody out. {@code lottery.sessions.store=container} keeps
 * them in the servlet container instead (the single-context web tests do; the
 * multi-instance test runs with the MongoDB store).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "lottery.sessions.store", havingValue = "mongo", matchIfMissing = true)
@EnableSpringHttpSession
class SessionConfiguration {

	static final String SESSION_COOKIE = "NOVANTA-SESSION";

	private static final Logger log = LoggerFactory.getLogger(SessionConfiguration.class);

	/**
	 * The sessions in MongoDB, written back only when they changed (or their last access
	 * is {@code lottery.sessions.touch} old, one minute by default).
	 */
	@Bean
	ChangedSessionRepository<MongoSession> sessionRepository(MongoOperations mongo, Environment environment,
			ApplicationEventPublisher events) {
		MongoIndexedSessionRepository repository = new MongoIndexedSessionRepository(mongo) {
			@Override
			public void afterPropertiesSet() {
				try {
					super.afterPropertiesSet();
				}
				catch (RuntimeException ex) {
					// the database is unreachable: sessions work without their indexes
					// until it is back
					log.warn("Cannot prepare the sessions collection now: {}", ex.getMessage());
				}
			}
		};
		repository.setDefaultMaxInactiveInterval(
				environment.getProperty("server.servlet.session.timeout", Duration.class, Duration.ofMinutes(30)));
		repository.setMongoSessionConverter(new JdkMongoSessionConverter(Duration.ofMinutes(30)));
		repository.setApplicationEventPublisher(events);
		repository.afterPropertiesSet();
		return new ChangedSessionRepository<>(repository,
				environment.getProperty("lottery.sessions.touch", Duration.class, Duration.ofMinutes(1)));
	}

	@Bean
	CookieSerializer cookieSerializer(SiteCookies cookies) {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(cookies.name(SESSION_COOKIE));
		serializer.setCookiePath("/");
		serializer.setUseHttpOnlyCookie(true);
		serializer.setUseSecureCookie(cookies.secure());
		serializer.setSameSite("Lax");
		return serializer;
	}

}
