package com.novanta.account;

import java.time.Clock;

import com.novanta.account.internal.AccountRepository;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The "no win" unsubscribe link of the result emails: mail scanners and link previews
 * open links, so opening it changes nothing; only its button, or a mail client's
 * one-click post (RFC 8058), does.
 */
@IntegrationTest
class UnsubscribeLinkTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Autowired
	EmailPreferences preferences;

	@Test
	void openingTheLinkOnlyShowsAButton() throws Exception {
		Account account = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(TestParticipants.email("scanned"), "a long passphrase");
		String link = this.preferences.noWinUnsubscribePath(account.id());

		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
		this.mvc.perform(head(link));

		assertThat(page.select("form[action='/unsubscribe/no-win'][method=post] button").text())
			.isEqualTo("Stop \"no win\" emails");
		assertThat(this.repository.findById(account.id()).orElseThrow().noWinEmails()).isTrue();

		this.mvc
			.perform(post("/unsubscribe/no-win").param("account", page.select("input[name=account]").val())
				.param("token", page.select("input[name=token]").val()))
			.andExpect(status().isOk());
		assertThat(this.repository.findById(account.id()).orElseThrow().noWinEmails()).isFalse();
	}

}
