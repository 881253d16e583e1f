package com.novanta.account.internal;

import java.util.List;

import com.novanta.account.Account;
import com.novanta.notification.Email;
import com.novanta.notification.Outbox;

import org.springframework.stereotype.Component;

/** The emails the account flows send, written to the outbox. */
@Component
public class AccountMail {

	private final Outbox outbox;

	AccountMail(Outbox outbox) {
		this.outbox = outbox;
	}

	public void verification(Account account, String token, String tokenId) {
		this.outbox.enqueue(Email.builder("verify:" + tokenId, account.email(), "account/verify")
			.locale(account.language())
			.timeZone(account.timeZone())
			.with("name", account.name())
			.secret("path", "/account/verify?token=" + token)
			.with("subjectArgs", List.of())
			.build());
	}

	public void alreadyRegistered(Account account, String attemptId) {
		this.outbox
			.enqueue(Email.builder("registered-again:" + attemptId, account.email(), "account/already-registered")
				.locale(account.language())
				.timeZone(account.timeZone())
				.with("name", account.name())
				.with("signInPath", "/signin")
				.with("resetPath", "/password/forgot")
				.build());
	}

	public void passwordReset(Account account, String token, String tokenId) {
		this.outbox.enqueue(Email.builder("reset:" + tokenId, account.email(), "account/reset")
			.locale(account.language())
			.timeZone(account.timeZone())
			.with("name", account.name())
			.secret("path", "/password/reset?token=" + token)
			.build());
	}

	public void linkConfirmation(Account account, String providerName, String token, String tokenId) {
		this.outbox.enqueue(Email.builder("link:" + tokenId, account.email(), "account/link")
			.locale(account.language())
			.timeZone(account.timeZone())
			.with("name", account.name())
			.with("provider", providerName)
			.with("subjectArgs", List.of(providerName))
			.secret("path", "/signin/link/confirm?token=" + token)
			.build());
	}

	public void passwordChanged(Account account, String eventId) {
		this.outbox.enqueue(Email.builder("password-changed:" + eventId, account.email(), "account/password-changed")
			.locale(account.language())
			.timeZone(account.timeZone())
			.with("name", account.name())
			.with("resetPath", "/password/forgot")
			.build());
	}

}
