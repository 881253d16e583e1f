package com.novanta.notification;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.novanta.testing.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With a real SMTP server configured, mail goes there and the dev mailbox does not exist.
 */
@IntegrationTest
class ExternalSmtpIntegrationTests {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	JavaMailSender mailSender;

	@Test
	void devMailboxIsGone() throws Exception {
		this.mvc.perform(get("/dev/mailbox")).andExpect(status().isNotFound());
		assertThat(this.context.getBeanNamesForType(DevMailbox.class)).isEmpty();
		assertThat(this.context.getBeanNamesForType(EmbeddedMailServer.class)).isEmpty();
	}

	@Test
	void mailGoesToTheConfiguredServer() throws Exception {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("noreply@novanta.example");
		message.setTo("dora@example.com");
		message.setSubject("Hello");
		message.setText("Through the real server");
		this.mailSender.send(message);

		MimeMessage[] received = smtp.getReceivedMessages();
		assertThat(received).hasSize(1);
		assertThat(received[0].getSubject()).isEqualTo("Hello");
	}

}
