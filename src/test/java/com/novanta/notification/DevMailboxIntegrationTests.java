package com.novanta.notification;

import com.novanta.testing.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class DevMailboxIntegrationTests {

	@Autowired
	JavaMailSender mailSender;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MockMvc mvc;

	@BeforeEach
	void emptyTheMailbox() {
		this.mailbox.clear();
	}

	@Test
	void mailSentByTheApplicationIsCaughtAndListed() throws Exception {
		send("ada@example.com", "Your ballot", "<p>Hello <b>Ada</b></p>", "Hello Ada");

		assertThat(this.mailbox.messages()).singleElement().satisfies((mail) -> {
			assertThat(mail.to()).isEqualTo("ada@example.com");
			assertThat(mail.subject()).isEqualTo("Your ballot");
			assertThat(mail.text()).isEqualTo("Hello Ada");
			assertThat(mail.html()).contains("<b>Ada</b>");
		});
		this.mvc.perform(get("/dev/mailbox"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("ada@example.com")))
			.andExpect(content().string(containsString("Your ballot")));
	}

	@Test
	void showsTheTextAndFramesTheHtmlWithoutScripts() throws Exception {
		send("bob@example.com", "Results", "<p>You won</p>", "You won, in text");
		int id = this.mailbox.messages().get(0).id();

		this.mvc.perform(get("/dev/mailbox/{id}", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You won, in text")))
			.andExpect(content().string(containsString("/dev/mailbox/" + id + "/html")));
		this.mvc.perform(get("/dev/mailbox/{id}/html", id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<p>You won</p>")))
			.andExpect(header().string("Content-Security-Policy", containsString("default-src 'none'")))
			.andExpect(header().string("Content-Security-Policy", containsString("sandbox")));
	}

	@Test
	void unknownMessageIsNotFound() throws Exception {
		this.mvc.perform(get("/dev/mailbox/{id}", 999)).andExpect(status().isNotFound());
	}

	@Test
	void canBeEmptied() throws Exception {
		send("carol@example.com", "Hi", "<p>Hi</p>", "Hi");
		this.mvc.perform(post("/dev/mailbox/clear").with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(this.mailbox.messages()).isEmpty();
	}

	private void send(String to, String subject, String html, String text) throws Exception {
		MimeMessage message = this.mailSender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom("noreply@novanta.example");
		helper.setTo(to);
		helper.setSubject(subject);
		helper.setText(text, html);
		this.mailSender.send(message);
	}

}
