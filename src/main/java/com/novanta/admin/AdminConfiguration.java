package com.novanta.admin;

import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import java.time.Instant;

import com.novanta.web.VisitorFormats;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class AdminConfiguration {

	/**
	 * Where "draw now" runs: in the background, so the admin watches the pipeline advance
	 * (in the caller's thread when mail is dispatched synchronously, as in tests).
	 */
	@Bean(destroyMethod = "")
	Executor adminDrawExecutor(Environment environment) {
		if (environment.getProperty("lottery.mail.dispatch-synchronously", Boolean.class, false)) {
			return Runnable::run;
		}
		return Executors.newSingleThreadExecutor((task) -> {
			Thread thread = new Thread(task, "admin-draw");
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Audit entries in words, with the site's formats. */
	@Bean
	AuditSentences auditSentences(MessageSource messages, VisitorFormats fmt) {
		return new AuditSentences(messages, new AuditSentences.Formatting() {

			@Override
			public String dateTime(Instant instant) {
				return fmt.dateTime(instant);
			}

			@Override
			public String money(long cents) {
				return fmt.money(cents);
			}

			@Override
			public String number(long value) {
				return fmt.number(value);
			}

			@Override
			public String gameName(String gameId) {
				return fmt.gameName(gameId);
			}

		});
	}

}
