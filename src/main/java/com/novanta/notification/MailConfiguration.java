package com.novanta.notification;

import java.util.concurrent.Executor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.util.ClassUtils;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	/** The system property Jakarta Mail reads its stream provider's class from. */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	/** Angus Mail's stream provider, the one its service file names. */
	static final String ANGUS_STREAM_PROVIDER = "org.eclipse.angus.mail.util.MailStreamProvider";

	static {
		nameStreamProvider();
	}

	/**
	 * Names Jakarta Mail's stream provider, unless it is named already. Without the name
	 * Jakarta Mail 2.1 looks it up with a new {@code ServiceLoader}, reading every jar's
	 * service files, each time it makes a multipart or a body part, or encodes or decodes
	 * a header (jakartaee/mail-api#861): a JFR profile of sending put 16% of the samples
	 * there, in the dispatcher and in the embedded SMTP catcher alike. With the name it
	 * loads that class instead, which is already loaded.
	 */
	static void nameStreamProvider() {
		if (ClassUtils.isPresent(ANGUS_STREAM_PROVIDER, MailConfiguration.class.getClassLoader())) {
			System.getProperties().putIfAbsent(STREAM_PROVIDER, ANGUS_STREAM_PROVIDER);
		}
	}

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
