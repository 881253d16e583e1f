package com.novanta.notification;

import com.novanta.testing.ProcessTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded mail catcher and its dev mailbox exist in dev mode only, and there only
 * when no SMTP server is configured.
 */
@ProcessTest
class EmbeddedMailConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withUserConfiguration(EmbeddedMailConfiguration.class, DevMailboxController.class, DevMailboxLink.class);

	@Test
	void catchesMailInDevModeWhenNoSmtpServerIsConfigured() {
		this.runner.withPropertyValues("lottery.dev.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(EmbeddedMailServer.class)
				.hasSingleBean(DevMailbox.class)
				.hasSingleBean(DevMailboxController.class)
				.hasSingleBean(DevMailboxLink.class);
		});
	}

	@Test
	void neverOutsideDevMode() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(EmbeddedMailServer.class)
				.doesNotHaveBean(DevMailbox.class)
				.doesNotHaveBean(DevMailboxController.class)
				.doesNotHaveBean(DevMailboxLink.class);
		});
	}

	@Test
	void notInDevModeEitherWhenAnSmtpServerIsConfigured() {
		this.runner.withPropertyValues("lottery.dev.enabled=true", "spring.mail.host=smtp.example.com")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedMailServer.class)
				.doesNotHaveBean(DevMailboxController.class));
	}

}
