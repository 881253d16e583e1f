package com.novanta.web;

import com.novanta.config.DatabaseDescription;
import com.novanta.notification.MailDescription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * One structured log line when the application is ready: where to open it and what it
 * runs on.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final Environment environment;

	private final DatabaseDescription database;

	private final MailDescription mail;

	StartupReport(Environment environment, DatabaseDescription database, MailDescription mail) {
		this.environment = environment;
		this.database = database;
		this.mail = mail;
	}

	@EventListener
	void onReady(ApplicationReadyEvent event) {
		String url = this.environment.getProperty("lottery.public-url");
		if (url == null || url.isBlank()) {
			url = "http://localhost:" + this.environment.getProperty("local.server.port", "8080");
		}
		log.info("event=ready url={} database=\"{}\" mail=\"{}\" mailbox={} java={} startup_ms={}", url,
				this.database.summary(), this.mail.summary(), this.mail.embedded() ? url + "/dev/mailbox" : "none",
				Runtime.version().feature(), event.getTimeTaken().toMillis());
	}

}
