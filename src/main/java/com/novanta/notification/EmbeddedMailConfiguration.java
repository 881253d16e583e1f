package com.novanta.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * In dev mode with no SMTP host configured, mail is sent to an embedded SMTP server and
 * shown in the dev mailbox. Spring Boot's mail auto-configuration stays off (it needs
 * {@code spring.mail.host}), so the sender is defined here.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedMailCondition.class)
class EmbeddedMailConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedMailConfiguration.class);

	@Bean(destroyMethod = "stop")
	EmbeddedMailServer embeddedMailServer() {
		EmbeddedMailServer server = EmbeddedMailServer.start();
		log.info("Mail: embedded SMTP catcher on {}:{} (dev mode); read it at /dev/mailbox", server.host(),
				server.port());
		return server;
	}

	@Bean
	JavaMailSenderImpl mailSender(EmbeddedMailServer server) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(server.host());
		sender.setPort(server.port());
		sender.setDefaultEncoding("UTF-8");
		return sender;
	}

	@Bean
	DevMailbox devMailbox(EmbeddedMailServer server) {
		return new DevMailbox(server);
	}

	/** Before every other filter: another machine never reaches the mailbox. */
	@Bean
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	FilterRegistrationBean<DevMailboxLocalOnlyFilter> devMailboxLocalOnlyFilter() {
		FilterRegistrationBean<DevMailboxLocalOnlyFilter> registration = new FilterRegistrationBean<>(
				new DevMailboxLocalOnlyFilter());
		registration.addUrlPatterns("/dev/mailbox", "/dev/mailbox/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
