package com.novanta.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.novanta.testing.IntegrationTest;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox against a real SMTP server that goes down, comes back and rejects a
 * recipient: mail waits and is never lost, and is sent once.
 */
@IntegrationTest
class OutboxFaultIntegrationTests {

	static TestSmtpServer smtp;

	@DynamicPropertySource
	static void smtpServer(DynamicPropertyRegistry registry) throws Exception {
		smtp = new TestSmtpServer();
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", smtp::port);
		registry.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "2000");
		registry.add("spring.mail.properties.mail.smtp.timeout", () -> "5000");
	}

	@AfterAll
	static void stopServer() throws Exception {
		smtp.close();
	}

	@Autowired
	Outbox outbox;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	@Autowired
	JavaMailSenderImpl sender;

	@Autowired
	MailRenderer renderer;

	@Autowired
	MailProperties properties;

	@BeforeEach
	void start() throws Exception {
		smtp.start();
	}

	@Test
	void mailWaitsWhileTheServerIsDownAndIsDeliveredOnceWhenItComesBack() throws Exception {
		smtp.stop();
		List<String> recipients = List.of("down-1@example.com", "down-2@example.com", "down-3@example.com");
		for (String to : recipients) {
			this.outbox.enqueue(email("down:" + to, to));
		}
		this.dispatcher.dispatchDue();
		for (String to : recipients) {
			OutboxMessage message = this.outbox.find("down:" + to).orElseThrow();
			assertThat(message.status()).isEqualTo(OutboxStatus.PENDING);
			assertThat(message.attempts()).isEqualTo(1);
			assertThat(message.lastError()).isNotBlank();
			assertThat(message.nextAttemptAt()).isAfter(this.clock.instant());
		}
		// a long outage: every retry until the last fails, nothing is given up early
		for (int attempt = 2; attempt < this.properties.maxAttempts(); attempt++) {
			this.clock.advance(this.properties.retryDelay(attempt));
			this.dispatcher.dispatchDue();
		}
		assertThat(this.outbox.find("down:" + recipients.get(0)).orElseThrow().status())
			.isEqualTo(OutboxStatus.PENDING);

		smtp.start();
		this.dispatcher.dispatchDue();
		assertThat(recipients).allSatisfy((to) -> assertThat(smtp.receivedBy(to)).isZero());
		this.clock.advance(this.properties.retryDelay(this.properties.maxAttempts()));
		this.dispatcher.dispatchDue();
		this.dispatcher.dispatchDue();

		for (String to : recipients) {
			assertThat(smtp.receivedBy(to)).as(to).isEqualTo(1);
			assertThat(this.outbox.find("down:" + to).orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
		}
	}

	@Test
	void aRejectedRecipientIsMarkedFailedAndTheOthersAreDelivered() {
		smtp.reject("nobody@example.com");
		this.outbox.enqueueAll(List.of(email("reject:a", "first@example.com"), email("reject:b", "nobody@example.com"),
				email("reject:c", "last@example.com")));
		this.dispatcher.dispatchDue();

		OutboxMessage rejected = this.outbox.find("reject:b").orElseThrow();
		assertThat(rejected.status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(rejected.lastError()).contains("550");
		assertThat(rejected.attempts()).isEqualTo(1);
		assertThat(smtp.receivedBy("first@example.com")).isEqualTo(1);
		assertThat(smtp.receivedBy("last@example.com")).isEqualTo(1);
		assertThat(this.outbox.list(OutboxStatus.FAILED, 0, 100)).extracting(OutboxMessage::id).contains("reject:b");
	}

	@Test
	void anAdminCanRetryAFailedMessage() {
		smtp.reject("later@example.com");
		this.outbox.enqueue(email("retry:a", "later@example.com"));
		this.dispatcher.dispatchDue();
		assertThat(this.outbox.find("retry:a").orElseThrow().status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(this.outbox.retry("retry:b-unknown")).isFalse();

		smtp.unreject("later@example.com");
		assertThat(this.outbox.retry("retry:a")).isTrue();
		this.dispatcher.dispatchDue();
		assertThat(this.outbox.find("retry:a").orElseThrow().status()).isEqualTo(OutboxStatus.SENT);
		assertThat(smtp.receivedBy("later@example.com")).isEqualTo(1);
		assertThat(this.outbox.retry("retry:a")).as("only failed messages are retried").isFalse();
	}

	@Test
	void writingTheSameMessageTwiceChangesNothing() {
		assertThat(this.outbox.enqueue(email("twice:a", "twice@example.com"))).isTrue();
		assertThat(this.outbox.enqueue(email("twice:a", "twice@example.com"))).isFalse();
		assertThat(this.outbox
			.enqueueAll(List.of(email("twice:a", "twice@example.com"), email("twice:b", "twice@example.com"))))
			.isEqualTo(1);
		this.dispatcher.dispatchDue();
		assertThat(smtp.receivedBy("twice@example.com")).isEqualTo(2);
	}

	@Test
	void twoDispatchersOnOneDatabaseSendEachMessageOnce() throws Exception {
		smtp.stop();
		List<Email> emails = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			emails.add(email("race:" + i, "race-" + i + "@example.com"));
		}
		this.outbox.enqueueAll(emails);
		this.clock.advance(this.properties.retryDelay(1));
		smtp.start();
		OutboxDispatcher other = new OutboxDispatcher(this.mongo, this.sender, this.renderer, this.properties,
				this.clock, Runnable::run, new SimpleMeterRegistry());
		AllAtOnce.run(4, (i) -> {
			OutboxDispatcher dispatcher = (i % 2 == 0) ? this.dispatcher : other;
			return dispatcher::dispatchDue;
		});
		this.dispatcher.dispatchDue();
		for (int i = 0; i < 120; i++) {
			assertThat(smtp.receivedBy("race-" + i + "@example.com")).as("race-" + i).isEqualTo(1);
		}
	}

	@Test
	void givesUpAfterTheLastAttempt() throws Exception {
		smtp.stop();
		this.outbox.enqueue(email("exhaust:a", "exhaust@example.com"));
		this.dispatcher.dispatchDue();
		for (int attempt = 1; attempt < this.properties.maxAttempts(); attempt++) {
			this.clock.advance(this.properties.retryDelay(attempt));
			this.dispatcher.dispatchDue();
		}
		OutboxMessage given = this.outbox.find("exhaust:a").orElseThrow();
		assertThat(given.status()).isEqualTo(OutboxStatus.FAILED);
		assertThat(given.attempts()).isEqualTo(this.properties.maxAttempts());
		// the retries spread over about a day
		Duration total = Duration.ZERO;
		for (int attempt = 1; attempt < this.properties.maxAttempts(); attempt++) {
			total = total.plus(this.properties.retryDelay(attempt));
		}
		assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(30));
	}

	private static Email email(String key, String to) {
		return Email.builder(key, to, "account/password-changed")
			.with("name", "Test")
			.with("resetPath", "/password/forgot")
			.build();
	}

}
