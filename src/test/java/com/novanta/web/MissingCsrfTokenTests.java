package com.novanta.web;

import java.util.UUID;
import java.util.stream.Stream;

import com.novanta.account.TestParticipants;
import com.novanta.notification.DevMailbox;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.web.HostileRequest.Who.ADMIN;
import static com.novanta.web.HostileRequest.Who.ANONYMOUS;
import static com.novanta.web.HostileRequest.Who.PARTICIPANT;
import static com.novanta.web.HostileRequest.Who.UNVERIFIED;
import static com.novanta.web.HostileRequest.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every form, filled in so that it would be accepted, but posted without its CSRF token
 * or with a forged one, as another site would: a 403, and nothing changes at all — not
 * even the audit log or a rate limit, since the request never reaches the application.
 * (The one-click unsubscribe form has no token on purpose: mail clients post it, and its
 * link is signed; see {@code HostileFormTests}.)
 */
@IntegrationTest
class MissingCsrfTokenTests {

	static final String PASSWORD = "a long hostile passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	DevMailbox mailbox;

	static Stream<HostileRequest> everyForm() {
		return Stream.of(
				post("sign up", "/signup").param("name", "Mallory")
					.param("email", "csrf-" + UUID.randomUUID() + "@example.com")
					.param("password", PASSWORD)
					.param("adult", "true")
					.param("terms", "true"),
				post("sign in", "/signin").param("email", "@otherEmail").param("password", TestParticipants.PASSWORD),
				post("sign out", "/signout").as(PARTICIPANT),
				post("link a pending sign-in", "/signin/link").param("password", PASSWORD),
				post("link a pending sign-in by email", "/signin/link/email"),
				post("link a sign-in from its emailed link", "/signin/link/confirm").param("token", "any"),
				post("confirm an email address from its link", "/account/verify").param("token", "any"),
				post("ask for a reset link", "/password/forgot").param("email", "@otherEmail"),
				post("reset a password", "/password/reset").param("token", "any")
					.param("password", PASSWORD)
					.param("confirmation", PASSWORD),
				post("feel lucky", "/lucky-numbers"), post("feel lucky, htmx", "/lucky-numbers").htmx(),
				post("change one's details", "/account").as(PARTICIPANT)
					.param("name", "Changed by another site")
					.param("city", "Elsewhere")
					.param("timeZone", "UTC")
					.param("language", "it"),
				post("change one's notifications", "/account/notifications").as(PARTICIPANT)
					.param("noWinEmails", "false")
					.param("closing", "daily")
					.param("thresholds[0]", "1")
					.param("thresholds[1]", "1"),
				post("change one's notifications, htmx", "/account/notifications").as(PARTICIPANT)
					.htmx()
					.param("closing", "saturday")
					.param("thresholds[0]", "1")
					.param("thresholds[1]", "1"),
				post("change one's password", "/account/password").as(PARTICIPANT)
					.param("currentPassword", TestParticipants.PASSWORD)
					.param("password", PASSWORD)
					.param("confirmation", PASSWORD),
				post("delete one's account", "/account/delete").as(PARTICIPANT)
					.param("confirmation", TestParticipants.PASSWORD),
				post("sign out everywhere", "/account/signout-everywhere").as(PARTICIPANT),
				post("link a provider", "/account/identities/{provider}/link", "google").as(PARTICIPANT),
				post("unlink a provider", "/account/identities/{provider}/unlink", "google").as(PARTICIPANT),
				post("resend the verification link", "/account/verify/resend").as(UNVERIFIED),
				post("play", "/play/{id}", "@lottery").as(PARTICIPANT)
					.param("key", "csrf-key")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6"),
				post("play, htmx", "/play/{id}", "@lottery").as(PARTICIPANT)
					.htmx()
					.param("key", "csrf-key")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6"),
				post("quick pick", "/play/{id}/edit", "@lottery").as(PARTICIPANT).param("action", "quickPick:0"),
				post("count a line", "/play/{id}/status", "@lottery").as(PARTICIPANT).htmx().param("index", "0"),
				post("put a saved line on the slip", "/play/{id}/edit", "@lottery").as(PARTICIPANT)
					.param("action", "@myLineAction"),
				post("save a line", "/my/lines").as(PARTICIPANT)
					.param("name", "Saved by another site")
					.param("game", "daily")
					.param("numbers", "1 2 3 4 5 6"),
				post("save a line, htmx", "/my/lines").as(PARTICIPANT)
					.htmx()
					.param("name", "Saved by another site")
					.param("game", "daily")
					.param("numbers", "1 2 3 4 5 6"),
				post("delete a saved line", "/my/lines/{id}/delete", "@myLine").as(PARTICIPANT),
				post("delete a saved line, htmx", "/my/lines/{id}/delete", "@myLine").as(PARTICIPANT).htmx(),
				post("subscribe the play page's lines", "/my/subscriptions/new").as(PARTICIPANT)
					.param("lottery", "@lottery")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6"),
				post("review a subscription", "/my/subscriptions/review").as(PARTICIPANT)
					.param("game", "daily")
					.param("lines", "1 2 3 4 5 6")
					.param("kind", "fixed")
					.param("draws", "3"),
				post("start a subscription", "/my/subscriptions").as(PARTICIPANT)
					.param("game", "daily")
					.param("lines", "1 2 3 4 5 6")
					.param("kind", "fixed")
					.param("draws", "3"),
				post("pause a subscription", "/my/subscriptions/{id}/pause", "@mySubscription").as(PARTICIPANT),
				post("pause a subscription, htmx", "/my/subscriptions/{id}/pause", "@mySubscription").as(PARTICIPANT)
					.htmx(),
				post("resume a subscription", "/my/subscriptions/{id}/resume", "@mySubscription").as(PARTICIPANT),
				post("cancel a subscription", "/my/subscriptions/{id}/cancel", "@mySubscription").as(PARTICIPANT),
				post("cancel a subscription, htmx", "/my/subscriptions/{id}/cancel", "@mySubscription").as(PARTICIPANT)
					.htmx(),
				post("clear the dev mailbox", "/dev/mailbox/clear").fromLoopback(),
				post("draw now", "/admin/lotteries/{id}/draw", "@lottery").as(ADMIN),
				post("draw without the beacon", "/admin/lotteries/{id}/beacon-override", "@lottery").as(ADMIN)
					.param("reason", "The beacon has been down for hours"),
				post("make a participant admin", "/admin/participants/{id}/grant-admin", "@other").as(ADMIN),
				post("demote an admin", "/admin/participants/{id}/revoke-admin", "@admin").as(ADMIN),
				post("disable a participant", "/admin/participants/{id}/disable", "@other").as(ADMIN),
				post("enable a participant", "/admin/participants/{id}/enable", "@other").as(ADMIN),
				post("send a mail again", "/admin/outbox/{id}/retry", "any").as(ADMIN),
				post("change details, anonymously", "/account").as(ANONYMOUS).param("name", "Nobody"));
	}

	static Stream<Arguments> everyFormWithoutAGoodToken() {
		return everyForm().flatMap((form) -> Stream.of(HostileRequest.Csrf.MISSING, HostileRequest.Csrf.INVALID)
			.map((csrf) -> Arguments.of(form.copy().csrfToken(csrf).expect(403))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyFormWithoutAGoodToken")
	void isRefusedAndChangesNothingAtAll(HostileRequest hostile) throws Exception {
		int mails = this.mailbox.messages().size();
		new HostileRequests(this.mvc, HostileFixture.of(this.context)).performRefusedAtTheDoor(hostile);
		assertThat(this.mailbox.messages()).hasSize(mails);
	}

}
