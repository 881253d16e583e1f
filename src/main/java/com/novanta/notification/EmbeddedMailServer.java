package com.novanta.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * An in-process SMTP server (GreenMail) that accepts every message and keeps it in
 * memory, so that mail can be read in the dev mailbox when no real SMTP server is
 * configured.
 */
final class EmbeddedMailServer {

	private final GreenMail greenMail;

	private EmbeddedMailServer(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	static EmbeddedMailServer start() {
		ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
		GreenMail greenMail = new GreenMail(setup)
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		greenMail.start();
		return new EmbeddedMailServer(greenMail);
	}

	String host() {
		return this.greenMail.getSmtp().getBindTo();
	}

	int port() {
		return this.greenMail.getSmtp().getPort();
	}

	/** Every caught message, oldest first. */
	List<MimeMessage> messages() {
		return Arrays.asList(this.greenMail.getReceivedMessages());
	}

	void clear() {
		try {
			this.greenMail.purgeEmailFromAllMailboxes();
		}
		catch (FolderException ex) {
			throw new IllegalStateException("Cannot empty the dev mailbox", ex);
		}
	}

	void stop() {
		this.greenMail.stop();
	}

}
