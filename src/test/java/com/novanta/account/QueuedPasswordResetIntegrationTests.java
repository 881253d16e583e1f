package com.novanta.account;

import java.time.Clock;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

import com.novanta.account.internal.AccountRepository;
import com.novanta.account.internal.AccountTokens;
import com.novanta.account.password.PasswordResets;
import com.novanta.account.password.ResetRequestQueue;
import com.novanta.audit.AuditLog;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Reset requests wait in a queue and are handled after the visitor has the answer, so the
 * answer does the same work, and takes the same time, for a registered address as for an
 * unknown one. Here the queue holds its requests until the test runs them (the other
 * tests handle them in the request's thread). Its own application context.
 */
@IntegrationTest
@Import(QueuedPasswordResetIntegrationTests.HeldRequests.class)
class QueuedPasswordResetIntegrationTests {

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

	@Autowired
	AuditLog audit;

	@Autowired
	HeldTasks held;

	final RequestPostProcessor client = TestParticipants.newClient();

	@BeforeEach
	void nothingHeld() {
		this.held.runAll();
	}

	@Test
	void theAnswerIsSentBeforeTheAddressIsLookedUp() throws Exception {
		Account account = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(TestParticipants.email("queued"), "a long passphrase");
		String unknown = TestParticipants.email("nobody");

		MockHttpServletResponse known = requestReset(account.email());
		MockHttpServletResponse other = requestReset(unknown);

		assertThat(Html.withoutCsrfTokens(known.getContentAsString()))
			.isEqualTo(Html.withoutCsrfTokens(other.getContentAsString()))
			.contains("If an account uses that address, we sent it a link.");
		assertThat(this.held.size()).isEqualTo(2);
		assertThat(resetTokens(account)).isZero();
		assertThat(new TestMail(this.mailbox).to(account.email())).isEmpty();
		assertThat(this.audit.find(new AuditLog.AuditFilter(account.id(), "PASSWORD_RESET_REQUESTED"), 0, 1)).isEmpty();

		this.held.runAll();

		assertThat(resetTokens(account)).isOne();
		assertThat(new TestMail(this.mailbox).only(account.email(), "Reset your password")).isNotNull();
		assertThat(new TestMail(this.mailbox).to(unknown)).isEmpty();
	}

	@Test
	void requestsOverTheClientsLimitAreNotQueuedAtAll() throws Exception {
		Account account = new TestParticipants(this.repository, this.passwordEncoder, this.clock)
			.verifiedAccount(TestParticipants.email("flooded"), "a long passphrase");
		for (int i = 0; i < PasswordResets.REQUESTS_PER_CLIENT_PER_HOUR; i++) {
			requestReset(TestParticipants.email("flood-" + i));
		}
		assertThat(this.held.size()).isEqualTo(PasswordResets.REQUESTS_PER_CLIENT_PER_HOUR);

		// a flood of requests for many addresses: same answer, nothing more in the queue
		for (int i = 0; i < 50; i++) {
			assertThat(requestReset(TestParticipants.email("more-" + i)).getContentAsString())
				.contains("If an account uses that address, we sent it a link.");
		}
		assertThat(requestReset(account.email()).getContentAsString())
			.contains("If an account uses that address, we sent it a link.");

		assertThat(this.held.size()).isEqualTo(PasswordResets.REQUESTS_PER_CLIENT_PER_HOUR);
		this.held.runAll();
		assertThat(resetTokens(account)).isZero();
		// another client's request for the same address is queued and handled
		requestReset(account.email(), TestParticipants.newClient());
		assertThat(this.held.size()).isOne();
		this.held.runAll();
		assertThat(resetTokens(account)).isOne();
	}

	@Test
	void requestsOverTheAddresssLimitAreNotQueuedAtAll() throws Exception {
		String email = TestParticipants.email("asked-often");

		for (int i = 0; i < PasswordResets.REQUESTS_PER_EMAIL_PER_HOUR + 5; i++) {
			requestReset(email, TestParticipants.newClient());
		}

		assertThat(this.held.size()).isEqualTo(PasswordResets.REQUESTS_PER_EMAIL_PER_HOUR);
	}

	private MockHttpServletResponse requestReset(String email) throws Exception {
		return requestReset(email, this.client);
	}

	private MockHttpServletResponse requestReset(String email, RequestPostProcessor client) throws Exception {
		return this.mvc.perform(post("/password/forgot").param("email", email).with(client).with(csrf()))
			.andReturn()
			.getResponse();
	}

	private long resetTokens(Account account) {
		return this.mongo.count(
				Query.query(Criteria.where("accountId").is(account.id()).and("purpose").is("RESET_PASSWORD")),
				AccountTokens.StoredToken.class);
	}

	/** An executor that runs nothing until told to. */
	static final class HeldTasks implements Executor {

		private final List<Runnable> tasks = new ArrayList<>();

		@Override
		public synchronized void execute(Runnable task) {
			this.tasks.add(task);
		}

		synchronized int size() {
			return this.tasks.size();
		}

		void runAll() {
			List<Runnable> due;
			synchronized (this) {
				due = new ArrayList<>(this.tasks);
				this.tasks.clear();
			}
			due.forEach(Runnable::run);
		}

	}

	@TestConfiguration(proxyBeanMethods = false)
	static class HeldRequests {

		@Bean
		HeldTasks heldTasks() {
			return new HeldTasks();
		}

		@Bean
		@Primary
		ResetRequestQueue heldResetRequests(HeldTasks tasks) {
			return new ResetRequestQueue(tasks);
		}

	}

}
