package com.novanta.notification;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	MailDescription mailDescription(ObjectProvider<EmbeddedMailServer> embedded, Environment environment) {
		EmbeddedMailServer server = embedded.getIfAvailable();
		if (server != null) {
			return new MailDescription(true, "embedded SMTP catcher on " + server.host() + ":" + server.port());
		}
		return new MailDescription(false, "SMTP server " + environment.getProperty("spring.mail.host") + ":"
				+ environment.getProperty("spring.mail.port", "25"));
	}

}
