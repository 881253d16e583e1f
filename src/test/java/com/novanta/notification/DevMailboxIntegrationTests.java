package com.novanta.notification;

import java.util.List;

import com.novanta.testing.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
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

	/**
	 * Dev mode refuses to start where others can reach it; should it run there all the
	 * same, the mailbox is not there for them.
	 */
	@Test
	void isNotThereForAnotherMachine() throws Exception {
		send("dan@example.com", "Reset your password", "<p>Reset</p>", "Reset");
		int id = this.mailbox.messages().get(0).id();

		for (String path : List.of("/dev/mailbox", "/dev/mailbox/" + id, "/dev/mailbox/" + id + "/html")) {
			this.mvc.perform(get(path).with(from("203.0.113.7"))).andExpect(status().isNotFound());
			this.mvc.perform(get(path).with(from("127.0.0.1"))).andExpect(status().isOk());
			this.mvc.perform(get(path).with(from("::1"))).andExpect(status().isOk());
		}
		this.mvc.perform(post("/dev/mailbox/clear").with(csrf()).with(from("203.0.113.7")))
			.andExpect(status().isNotFound());
		assertThat(this.mailbox.messages()).hasSize(1);
	}

	/** A tunnel or proxy on this machine carries other people's requests. */
	@Test
	void isNotThereForARequestThatCameThroughAProxy() throws Exception {
		this.mvc.perform(get("/dev/mailbox").with(from("127.0.0.1")).header("X-Forwarded-For", "203.0.113.7"))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/dev/mailbox").with(from("127.0.0.1")).header("Forwarded", "for=203.0.113.7"))
			.andExpect(status().isNotFound());
	}

	@Test
	void theFooterLinksToItForThisMachineOnly() throws Exception {
		this.mvc.perform(get("/").with(from("127.0.0.1")))
			.andExpect(content().string(containsString("href=\"/dev/mailbox\"")));
		this.mvc.perform(get("/").with(from("203.0.113.7")))
			.andExpect(content().string(not(containsString("/dev/mailbox"))));
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
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
