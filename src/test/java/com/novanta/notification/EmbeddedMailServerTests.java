package com.novanta.notification;

import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dev mode's SMTP catcher, over SMTP: whoever a message is to, it is caught, in the
 * order sent, in the one mailbox the dev mailbox shows.
 */
class EmbeddedMailServerTests {

	private final EmbeddedMailServer server = EmbeddedMailServer.start();

	@AfterEach
	void stop() {
		this.server.stop();
	}

	@Test
	void mailToManyRecipientsIsCaughtInOrderInOneMailbox() throws MessagingException {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(this.server.host());
		sender.setPort(this.server.port());
		for (int i = 1; i <= 30; i++) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom("Novanta <noreply@novanta.local>");
			message.setTo("player" + i + "@example.com");
			message.setSubject("Results " + i);
			message.setText("Hello " + i);
			sender.send(message);
		}
		List<MimeMessage> caught = this.server.messages();
		assertThat(caught).hasSize(30);
		for (int i = 1; i <= 30; i++) {
			MimeMessage message = caught.get(i - 1);
			assertThat(message.getSubject()).isEqualTo("Results " + i);
			assertThat(message.getRecipients(Message.RecipientType.TO)[0].toString())
				.isEqualTo("player" + i + "@example.com");
		}
		// one mailbox, not one a recipient (GreenMail looks through every one to make
		// another)
		assertThat(this.server.mailboxes()).isEqualTo(1);
		this.server.clear();
		assertThat(this.server.messages()).isEmpty();
	}

}
