package com.novanta.notification;

import java.util.Arrays;
import java.util.List;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

/**
 * An in-process SMTP server (GreenMail) that accepts every message and keeps it in
 * memory, so that mail can be read in the dev mailbox when no real SMTP server is
 * configured.
 */
final class EmbeddedMailServer {

	/** The one mailbox everything is delivered to. */
	private static final String CATCH_ALL = "dev-mailbox@novanta.local";

	private final GreenMail greenMail;

	private EmbeddedMailServer(GreenMail greenMail) {
		this.greenMail = greenMail;
	}

	static EmbeddedMailServer start() {
		ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort();
		GreenMail greenMail = new GreenMail(setup)
			.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		// Every message lands in one mailbox, whoever it is to (its headers say so).
		// GreenMail would otherwise make a user and a mailbox for each new recipient, and
		// it looks through every mailbox made so far to make one: a draw's results to
		// 20,000 participants spent a fifth of the sending's CPU there.
		UserManager users = greenMail.getUserManager();
		try {
			GreenMailUser catchAll = users.createUser(CATCH_ALL, CATCH_ALL, "");
			users.setMessageDeliveryHandler((message, address) -> catchAll);
		}
		catch (UserException ex) {
			throw new IllegalStateException("Cannot make the dev mailbox", ex);
		}
		greenMail.start();
		return new EmbeddedMailServer(greenMail);
	}

	/** How many mailboxes it keeps: one, whatever the recipients. */
	int mailboxes() {
		return this.greenMail.getUserManager().listUser().size();
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
