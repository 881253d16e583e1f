package com.novanta.account;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.novanta.account.internal.AccountRepository;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Carriage returns and line feeds in the email fields of the sign-up and reset forms, as
 * someone would send them to add a {@code Bcc:} header to our mail: they never reach a
 * mail header. Sign-up refuses the address; the reset form finds no account with it, or
 * (trimmed at its ends) finds the clean address of its owner, who alone gets the mail,
 * read from the account rather than from the form.
 */
@IntegrationTest
class EmailHeaderInjectionTests {

	static final String THIEF = "thief@evil.example";

	static final String PASSWORD = "a long passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	AccountRepository repository;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Autowired
	Clock clock;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MongoOperations mongo;

	TestParticipants accounts;

	Account victim;

	@BeforeEach
	void setUp() {
		this.accounts = new TestParticipants(this.repository, this.passwordEncoder, this.clock);
		this.victim = this.accounts.verifiedAccount(TestParticipants.email("victim"), PASSWORD);
	}

	/**
	 * The address as typed ({@code VICTIM} stands for an existing account's address, and
	 * {@code NEW} for an address nobody uses), and whether mail goes out (only ever to
	 * the clean address).
	 */
	static Stream<Arguments> injectedAddresses() {
		return Stream.of(Arguments.of("sign-up", "NEW\r\nBcc: " + THIEF, Sent.REFUSED),
				Arguments.of("sign-up", "NEW\nBcc: " + THIEF, Sent.REFUSED),
				Arguments.of("sign-up", "NEW\rBcc: " + THIEF, Sent.REFUSED),
				Arguments.of("sign-up", "NEW\r\n\r\nBody", Sent.REFUSED),
				Arguments.of("sign-up", "\"x\r\nBcc: " + THIEF + "\"@example.com", Sent.REFUSED),
				Arguments.of("sign-up", "\"x\\\r\nBcc: " + THIEF + "\"@example.com", Sent.REFUSED),
				Arguments.of("sign-up", "Nice Name <" + THIEF + ">", Sent.REFUSED),
				Arguments.of("sign-up", THIEF + ", NEW", Sent.REFUSED),
				Arguments.of("sign-up", "NEW\r\n", Sent.REFUSED),
				Arguments.of("sign-up", "VICTIM\r\nBcc: " + THIEF, Sent.REFUSED),
				Arguments.of("sign-up", "\r\nVICTIM", Sent.REFUSED),
				Arguments.of("reset", "VICTIM\r\nBcc: " + THIEF, Sent.NOTHING),
				Arguments.of("reset", "VICTIM\nBcc: " + THIEF, Sent.NOTHING),
				Arguments.of("reset", "VICTIM\r\nBcc: " + THIEF + "\r\n", Sent.NOTHING),
				Arguments.of("reset", "\"x\r\nBcc: " + THIEF + "\"@example.com", Sent.NOTHING),
				Arguments.of("reset", "VICTIM, " + THIEF, Sent.NOTHING),
				Arguments.of("reset", "VICTIM\r\n", Sent.TO_CLEAN_ADDRESS),
				Arguments.of("reset", "\r\n\tVICTIM", Sent.TO_CLEAN_ADDRESS));
	}

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@MethodSource("injectedAddresses")
	void neverReachAMailHeader(String form, String typed, Sent sent) throws Exception {
		String fresh = TestParticipants.email("fresh");
		String email = typed.replace("VICTIM", this.victim.email()).replace("NEW", fresh);
		String cleanAddress = (typed.contains("VICTIM") ? this.victim.email() : fresh).toLowerCase(Locale.ROOT);
		int before = this.mailbox.messages().size();

		MvcResult result = this.mvc.perform(form.equals("sign-up") ? signUp(email) : reset(email)).andReturn();

		String page = Html.parse(result).text();
		List<CaughtMail> sentNow = this.mailbox.messages().subList(0, this.mailbox.messages().size() - before);
		assertThat(result.getResponse().getStatus()).isIn(200, 302);
		for (CaughtMail mail : sentNow) {
			assertThat(mail.to()).isEqualTo(cleanAddress);
			assertThat(mail.headers()).noneMatch((header) -> header.toLowerCase(Locale.ROOT).startsWith("bcc:")
					|| header.toLowerCase(Locale.ROOT).startsWith("cc:") || header.contains(THIEF)
					|| header.contains("Body"));
		}
		assertThat(this.mailbox.messages()).noneMatch((mail) -> mail.to().contains(THIEF));
		assertThat(this.mongo.count(Query.query(Criteria.where("to").regex("[\\r\\n,<]")), "outbox")).isZero();
		assertThat(this.mongo.count(Query.query(Criteria.where("email").regex("[\\r\\n,<\"]")), "accounts")).isZero();
		switch (sent) {
			case REFUSED -> {
				assertThat(page).contains("Enter a valid email address");
				assertThat(sentNow).isEmpty();
			}
			case NOTHING -> {
				assertThat(page).contains("If an account uses that address, we sent it a link");
				assertThat(sentNow).isEmpty();
			}
			case TO_CLEAN_ADDRESS -> assertThat(sentNow).hasSize(1);
		}
	}

	private MockHttpServletRequestBuilder signUp(String email) {
		return post("/signup").param("name", "Mallory")
			.param("email", email)
			.param("password", "another long passphrase")
			.param("adult", "true")
			.param("terms", "true")
			.with(TestParticipants.newClient())
			.with(csrf());
	}

	private MockHttpServletRequestBuilder reset(String email) {
		return post("/password/forgot").param("email", email).with(TestParticipants.newClient()).with(csrf());
	}

	/** What the form does with the address. */
	enum Sent {

		/** It says the address is not valid, and sends nothing. */
		REFUSED,
		/** It answers as always, and sends nothing: no account has that address. */
		NOTHING,
		/** One mail, to the address without what surrounded it. */
		TO_CLEAN_ADDRESS

	}

}
