package com.novanta.notification;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/**
	 * Where new mail is handed to the dispatcher: background workers, or the caller's
	 * thread. On shutdown the workers finish the message in hand before the database
	 * connection closes.
	 */
	@Bean
	Executor mailExecutor(MailProperties properties) {
		if (properties.dispatchSynchronously()) {
			return Runnable::run;
		}
		ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(properties.dispatchThreads());
		executor.setMaxPoolSize(properties.dispatchThreads());
		executor.setThreadNamePrefix("mail-dispatch-");
		executor.setDaemon(true);
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(20);
		return executor;
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
