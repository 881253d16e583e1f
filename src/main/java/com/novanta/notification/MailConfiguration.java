package com.novanta.notification;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/**
	 * Where new mail is handed to the dispatcher: one background thread, or the caller's
	 * thread.
	 */
	@Bean(destroyMethod = "")
	Executor mailExecutor(MailProperties properties) {
		if (properties.dispatchSynchronously()) {
			return Runnable::run;
		}
		java.util.concurrent.atomic.AtomicInteger count = new java.util.concurrent.atomic.AtomicInteger();
		return Executors.newFixedThreadPool(properties.dispatchThreads(), (task) -> {
			Thread thread = new Thread(task, "mail-dispatch-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

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
