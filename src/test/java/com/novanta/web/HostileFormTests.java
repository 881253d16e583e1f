package com.novanta.web;

import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.web.HostileRequest.Who.ADMIN;
import static com.novanta.web.HostileRequest.Who.PARTICIPANT;
import static com.novanta.web.HostileRequest.Who.UNVERIFIED;
import static com.novanta.web.HostileRequest.post;

/**
 * Every form of the application, posted with its CSRF token but filled in as no page of
 * ours fills it: fields missing or repeated, words for numbers, negative, huge, repeated
 * numbers, too many or too few, values too long, header injection in emails, unknown and
 * other people's ids. Each gets a clear 4xx or its page with a message, never a 500, and
 * changes nothing.
 */
@IntegrationTest
class HostileFormTests {

	static final String MARKUP = "<img src=x onerror=alert(1)>";

	static final String HUGE = "99999999999999999999";

	static final String INJECTED_EMAIL = "victim@example.com\r\nBcc: thief@evil.example";

	static final String PASSWORD = "a long hostile passphrase";

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	static Stream<HostileRequest> everyForm() {
		return Stream.of(
				// signing up
				post("nothing at all", "/signup").expect(400),
				signUp("no name").param("name", "").expect(200, "Enter your name."),
				signUp("a name too long").param("name", "n".repeat(101)).expect(200, "Use at most 100 characters."),
				signUp("a city too long").param("city", "c".repeat(101)).expect(200, "Use at most 100 characters."),
				signUp("no email").param("email", "").expect(200, "Enter your email address."),
				signUp("not an email").param("email", MARKUP).expect(200, "Enter a valid email address"),
				signUp("two emails").param("email", "one@example.com", "two@example.com")
					.expect(200, "Enter a valid email address"),
				signUp("an email with a header after it").param("email", INJECTED_EMAIL)
					.expect(200, "Enter a valid email address"),
				signUp("an email with a line feed before it").param("email", "\nBcc: thief@evil.example")
					.expect(200, "Enter a valid email address"),
				signUp("an email too long").param("email", "a".repeat(250) + "@example.com")
					.expect(200, "Enter a valid email address"),
				signUp("no password").param("password", "").expect(200, "Enter a password."),
				signUp("a password too long").param("password", "p".repeat(129))
					.expect(200, "Use at most 128 characters."),
				signUp("not an adult").param("adult", "false").expect(200, "You must be 18 or older to play."),
				signUp("adult is a word").param("adult", "maybe").expect(400),
				// repeated, the first value counts (as for every parameter)
				signUp("adult is repeated").param("adult", "false", "true")
					.expect(200, "You must be 18 or older to play."),
				signUp("terms are a word").param("terms", "yes please").expect(400),
				// renamed fields, refused before binding (see HostileFieldNameTests)
				signUp("the name sent as name.x").rename("name", "name.x").expect(400),
				signUp("the name sent as name[$gt]").rename("name", "name[$gt]").expect(400),
				signUp("a nested name beside the name").param("name.x", "1").expect(400),
				signUp("the email sent as email[$ne]").rename("email", "email[$ne]").expect(400),
				signUp("no password").without("password").expect(200, "Enter a password."),
				// signing in
				post("nothing at all", "/signin").redirectsTo("/signin?error"),
				post("an email far too long", "/signin").param("email", "a".repeat(10_000) + "@example.com")
					.param("password", PASSWORD)
					.redirectsTo("/signin?error"),
				post("an email with a header after it", "/signin").param("email", INJECTED_EMAIL)
					.param("password", PASSWORD)
					.redirectsTo("/signin?error"),
				post("someone else's email, twice", "/signin").param("email", "@otherEmail", "@otherEmail")
					.param("password", "not their password")
					.param("remember", "maybe")
					.redirectsTo("/signin?error"),
				post("no pending sign-in to link", "/signin/link").param("password", PASSWORD).redirectsTo("/signin"),
				post("no pending sign-in to link by email", "/signin/link/email").redirectsTo("/signin"),
				// forgotten passwords
				post("no email", "/password/forgot").expect(200, "Enter a valid email address"),
				post("an email too long", "/password/forgot").param("email", "a".repeat(300) + "@example.com")
					.expect(200, "Enter a valid email address"),
				post("an email with a header after it", "/password/forgot").param("email", INJECTED_EMAIL)
					.expect(200, "If an account uses that address, we sent it a link"),
				post("someone's email with a header after it", "/password/forgot")
					.param("email", "@otherEmail\r\nBcc: thief@evil.example")
					.expect(200, "If an account uses that address, we sent it a link"),
				post("no token", "/password/reset").param("password", PASSWORD)
					.param("confirmation", PASSWORD)
					.expect(200, "That link does not work any more"),
				post("a made-up token, repeated", "/password/reset").param("token", "forged", "forged")
					.param("password", PASSWORD)
					.param("confirmation", PASSWORD)
					.expect(200, "That link does not work any more"),
				// the account page
				post("nothing at all", "/account").as(PARTICIPANT).expect(200, "Enter your name."),
				profile("no name").param("name", " ").expect(200, "Enter your name."),
				profile("a name too long").param("name", "n".repeat(101)).expect(200, "Use at most 100 characters."),
				profile("a city too long").param("city", "c".repeat(101)).expect(200, "Use at most 100 characters."),
				profile("an unknown time zone").param("timeZone", "Mars/Olympus_Mons")
					.expect(200, "Choose a time zone from the list."),
				profile("a time zone that is markup").param("timeZone", MARKUP)
					.expect(200, "Choose a time zone from the list."),
				profile("an unknown language").param("language", "xx").expect(200, "Choose English or Italian."),
				// the notifications section (no win emails, closing reminders, jackpot
				// alerts): each bad field a 400 and a message next to it
				post("no notifications at all", "/account/notifications").as(PARTICIPANT).expect(400),
				notifications("no-win emails is a word").param("noWinEmails", "perhaps").expect(400),
				notifications("a jackpot alert that is a word").param("thresholds[0]", "lots")
					.expect(400, "Write a whole number of euros"),
				notifications("a jackpot alert that is markup").param("thresholds[1]", MARKUP)
					.expect(400, "Write a whole number of euros"),
				notifications("a negative jackpot alert").param("thresholds[0]", "-5000")
					.expect(400, "Write a whole number of euros"),
				notifications("a jackpot alert with cents").param("thresholds[0]", "5000,50")
					.expect(400, "Write a whole number of euros"),
				notifications("a jackpot alert of nothing").param("thresholds[0]", "0")
					.expect(400, "Write an amount from €1 to €1,000,000,000.00."),
				notifications("a huge jackpot alert").param("thresholds[0]", HUGE).expect(400, "Write a whole number"),
				notifications("a jackpot alert over the most").param("thresholds[0]", "1000000001")
					.expect(400, "Write an amount from €1 to"),
				notifications("a jackpot alert far too long").param("thresholds[0]", "1".repeat(5000))
					.expect(400, "Write a whole number"),
				notifications("a closing reminder of an unknown game").param("closing", "daily", MARKUP)
					.expect(400, "Choose among the games on this page."),
				notifications("a closing reminder of an unknown game, htmx").param("closing", "nope")
					.htmx()
					.expect(400, "Choose among the games on this page."),
				notifications("a jackpot alert for a game that is not there").param("thresholds[7]", "5000")
					.expect(400),
				notifications("a jackpot alert past every limit").param("thresholds[5000]", "5000").expect(400),
				notifications("a jackpot alert at an operator").param("thresholds[$ne]", "5000").expect(400),
				notifications("closing reminders at an operator").param("closing[$ne]", "daily").expect(400),
				notifications("no-win emails sent as noWinEmails.x").rename("noWinEmails", "noWinEmails.x").expect(400),
				notifications("jackpot alerts missing").without("thresholds[0]").without("thresholds[1]").expect(400),
				profile("no language").without("language").expect(200, "Choose English or Italian."),
				profile("no time zone").without("timeZone").expect(200, "Choose a time zone from the list."),
				profile("no name").without("name").expect(200, "Enter your name."),
				profile("the name sent as name.x").rename("name", "name.x").expect(400),
				profile("the language sent as language[$ne]").rename("language", "language[$ne]").expect(400),
				profile("the time zone sent as timeZone.$gt").rename("timeZone", "timeZone.$gt").expect(400),
				post("no limits", "/account/limits").as(PARTICIPANT)
					.expect(200, "Enter a whole number from 1 to 10,000"),
				limits("no daily limit").without("dailyLimit").expect(200, "Enter a whole number from 1 to 10,000"),
				limits("no monthly limit").without("monthlyLimit").expect(200, "Enter a whole number from 1 to 10,000"),
				limits("the daily limit sent as dailyLimit.x").rename("dailyLimit", "dailyLimit.x").expect(400),
				limits("the monthly limit sent as monthlyLimit[$ne]").rename("monthlyLimit", "monthlyLimit[$ne]")
					.expect(400),
				post("no passwords", "/account/password").as(PARTICIPANT).expect(200, "Enter a password."),
				post("a new password too long", "/account/password").as(PARTICIPANT)
					.param("currentPassword", PASSWORD)
					.param("password", "p".repeat(129))
					.param("confirmation", "p".repeat(129))
					.expect(200, "Use at most 128 characters."),
				post("the wrong current password", "/account/password").as(PARTICIPANT)
					.param("currentPassword", "not my password")
					.param("password", PASSWORD)
					.param("confirmation", PASSWORD)
					.expect(200, "Your current password is not right."),
				post("a wrong confirmation", "/account/delete").as(PARTICIPANT)
					.param("confirmation", "@otherEmail")
					.redirectsTo("/account", "deleteRefused"),
				post("no confirmation", "/account/delete").as(PARTICIPANT).redirectsTo("/account", "deleteRefused"),
				post("an unknown provider to link", "/account/identities/{provider}/link", MARKUP).as(PARTICIPANT)
					.redirectsTo("/account"),
				post("an unknown provider to unlink", "/account/identities/{provider}/unlink", "myspace")
					.as(PARTICIPANT)
					.redirectsTo("/account", "unlinkRefused"),
				post("the only way in, to unlink", "/account/identities/{provider}/unlink", "password").as(PARTICIPANT)
					.redirectsTo("/account", "unlinkRefused"),
				// playing
				play("a word for a number").param("lines[0].numbers", "1", "2", "3", "4", "5", "seven")
					.expect(422, "Numbers must be whole numbers."),
				play("a huge number").param("lines[0].numbers", "1", "2", "3", "4", "5", HUGE)
					.expect(422, "Numbers must be whole numbers."),
				play("a decimal number").param("lines[0].numbers", "1", "2", "3", "4", "5", "6.5")
					.expect(422, "Numbers must be whole numbers."),
				play("a negative number").param("lines[0].numbers", "1", "2", "3", "4", "5", "-6")
					.expect(422, "Numbers go from 1 to 90."),
				play("zero").param("lines[0].numbers", "0", "2", "3", "4", "5", "6")
					.expect(422, "Numbers go from 1 to 90."),
				play("a number past the last").param("lines[0].numbers", "1", "2", "3", "4", "5", "91")
					.expect(422, "Numbers go from 1 to 90."),
				play("the largest int").param("lines[0].numbers", "1", "2", "3", "4", "5", "2147483647")
					.expect(422, "Numbers go from 1 to 90."),
				play("an empty number").param("lines[0].numbers", "1", "2", "3", "4", "5", "")
					.expect(422, "Numbers go from 1 to 90."),
				play("a repeated number").param("lines[0].numbers", "1", "2", "3", "4", "5", "5")
					.expect(422, "Each number can only be chosen once."),
				play("too few numbers").param("lines[0].numbers", "1", "2", "3", "4", "5")
					.expect(422, "Choose exactly 6 numbers: this line has fewer."),
				play("too many numbers").param("lines[0].numbers", "1", "2", "3", "4", "5", "6", "7")
					.expect(422, "Choose exactly 6 numbers: this line has more."),
				play("ninety numbers").param("lines[0].numbers", numbers(1, 90))
					.expect(422, "Choose exactly 6 numbers: this line has more."),
				play("no numbers").expect(422, "Choose the numbers of at least one line."),
				play("eleven lines").param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[1].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[2].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[3].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[4].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[5].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[6].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[7].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[8].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[9].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[10].numbers", "1", "2", "3", "4", "5", "6")
					.expect(422, "At most 10 lines can be sent at once."),
				play("a line far down").param("lines[200].numbers", "1", "2", "3", "4", "5", "6")
					.param("lines[0].numbers", "1", "2", "3")
					.expect(422, "Nothing was stored"),
				play("a line past every limit").param("lines[5000].numbers", "1", "2", "3", "4", "5", "6").expect(400),
				play("a negative line").param("lines[-1].numbers", "1", "2", "3", "4", "5", "6").expect(400),
				play("a line that is a word").param("lines[first].numbers", "1", "2", "3", "4", "5", "6").expect(400),
				play("no key").param("key", "")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.expect(422, "The form expired."),
				play("a key too long").param("key", "k".repeat(65))
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.expect(422, "The form expired."),
				post("an unknown lottery", "/play/{id}", "daily-1999-01-01").as(PARTICIPANT)
					.param("key", "hostile")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.expect(404),
				post("an unverified participant", "/play/{id}", "@lottery").as(UNVERIFIED)
					.param("key", "hostile")
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.expect(422, "Confirm your email address before you play"),
				edit("quick pick of a line that is not there").param("action", "quickPick:99").expect(200),
				edit("quick pick of a negative line").param("action", "quickPick:-1").expect(200),
				edit("removing a line that is a word").param("action", "removeLine:first").expect(200),
				edit("an unknown action").param("action", MARKUP).expect(200),
				edit("actions repeated").param("action", "addLine", "quickPick:0").expect(200),
				edit("markup in the quick pick record").param("lines[0].quickPickNumbers", MARKUP)
					.param("lines[0].numbers", "1", "2")
					.expect(200),
				edit("a word for a number").param("lines[0].numbers", "seven").htmx().expect(200),
				edit("a line past every limit").param("lines[5000].numbers", "1").expect(400),
				edit("a number at an index past every limit").param("lines[0].numbers[5000]", "1").expect(400),
				edit("a line past every limit, htmx").param("lines[300].numbers", "1").htmx().expect(400),
				// saved lines: another participant's is not found, on the play page and
				// on My lines
				edit("someone else's saved line on the slip").param("action", "@otherLineAction").expect(404),
				edit("someone else's saved line on the slip, htmx").param("action", "@otherLineAction")
					.htmx()
					.expect(404),
				edit("a saved line that is markup on the slip").param("action", "savedLine:" + MARKUP).expect(404),
				post("deleting someone else's saved line", "/my/lines/{id}/delete", "@otherLine").as(PARTICIPANT)
					.expect(404),
				post("deleting someone else's saved line, htmx", "/my/lines/{id}/delete", "@otherLine").as(PARTICIPANT)
					.htmx()
					.expect(404),
				post("deleting a saved line that is markup", "/my/lines/{id}/delete", MARKUP).as(PARTICIPANT)
					.expect(404),
				post("deleting a saved line anonymously", "/my/lines/{id}/delete", "@myLine").redirectsTo("/signin"),
				saveLine("a line to save named with markup, numbers words").param("name", MARKUP)
					.param("numbers", "one two")
					.expect(400, "Enter whole numbers only"),
				saveLine("a line to save with a name already taken").param("name", "HOSTILE  line")
					.param("numbers", "1 2 3 4 5 6")
					.expect(400, "You already have a line with this name"),
				saveLine("a line to save with a name far too long").param("name", "n".repeat(5000))
					.param("numbers", "1 2 3 4 5 6")
					.expect(400, "Keep the name to 40 characters at most"),
				saveLine("a line to save of an unknown game").param("name", "Unknown game")
					.param("game", MARKUP)
					.param("numbers", "1 2 3 4 5 6")
					.expect(400, "Choose one of the games in the list"),
				saveLine("a line to save whose numbers are out of range, htmx").param("name", "Out of range")
					.param("numbers", "0 1 2 3 4 91")
					.htmx()
					.expect(400, "Numbers go from 1 to 90"),
				post("no line index", "/play/{id}/status", "@lottery").as(PARTICIPANT).htmx().expect(400),
				status("a line index that is a word").param("index", "first").expect(400),
				status("a negative line index").param("index", "-1").expect(200),
				status("a line index past the last").param("index", "2147483647").expect(200),
				status("a line index that overflows an int").param("index", HUGE).expect(400),
				status("a huge number").param("index", "0").param("lines[0].numbers", HUGE).expect(200),
				// renamed fields of the ballot form, on each of its endpoints
				play("a number at an index that is a word").param("lines[0].numbers[x]", "1").expect(400),
				play("a number at an operator").param("lines[0].numbers[$ne]", "1").expect(400),
				play("a line at an operator").param("lines[$ne].numbers", "1").expect(400),
				play("the key at an operator").param("key[$ne]", "1").expect(400),
				play("a field the form does not have, at an operator").param("name[$gt]", "1").expect(400),
				play("a line's numbers sent as numbers.x").rename("lines[0].numbers", "lines[0].numbers.x").expect(400),
				edit("a number at an index that is a word").param("lines[0].numbers[x]", "1").expect(400),
				edit("a number at an operator").param("lines[0].numbers[$ne]", "1").expect(400),
				edit("a number at an operator, htmx").param("lines[0].numbers[$ne]", "1").htmx().expect(400),
				edit("the key at an operator").param("key[$ne]", "1").expect(400),
				edit("a field the form does not have, at an operator").param("name[$gt]", "1").expect(400),
				status("a number at an index that is a word").param("index", "0")
					.param("lines[0].numbers[x]", "1")
					.expect(400),
				status("a number at an operator").param("index", "0").param("lines[0].numbers[$ne]", "1").expect(400),
				status("the key at an operator").param("index", "0").param("key[$ne]", "1").expect(400),
				status("a field the form does not have, at an operator").param("index", "0")
					.param("name[$gt]", "1")
					.expect(400),
				// unsubscribing, as mail clients do (no CSRF token: the link is signed)
				post("a forged token", "/unsubscribe/no-win").withoutCsrfToken()
					.param("account", "@other")
					.param("token", "forged")
					.expect(400, "That link is not valid"),
				post("nothing at all", "/unsubscribe/no-win").withoutCsrfToken().expect(400, "That link is not valid"),
				post("a forged token for closing reminders", "/unsubscribe/closing-reminders").withoutCsrfToken()
					.param("account", "@other")
					.param("token", "forged")
					.expect(400, "That link is not valid"),
				post("nothing at all for jackpot alerts", "/unsubscribe/jackpot-alerts").withoutCsrfToken()
					.expect(400, "That link is not valid"),
				post("an unknown kind of email", "/unsubscribe/{kind}", MARKUP).withoutCsrfToken()
					.param("account", "@other")
					.param("token", "forged")
					.expect(404),
				// the admin area
				post("an unknown lottery to draw", "/admin/lotteries/{id}/draw", "nope").as(ADMIN).expect(404),
				post("a lottery still open to draw", "/admin/lotteries/{id}/draw", "@lottery").as(ADMIN)
					.redirectsTo("/admin/lotteries/", "notice"),
				post("an unknown lottery to draw without its beacon", "/admin/lotteries/{id}/beacon-override", "nope")
					.as(ADMIN)
					.param("reason", "The beacon has been down for hours")
					.expect(404),
				post("a lottery still open to draw without its beacon", "/admin/lotteries/{id}/beacon-override",
						"@lottery")
					.as(ADMIN)
					.param("reason", MARKUP)
					.redirectsTo("/admin/lotteries/", "overrideProblem"),
				post("an unknown participant to make admin", "/admin/participants/{id}/grant-admin", "nope").as(ADMIN)
					.expect(404),
				post("an unknown participant to disable", "/admin/participants/{id}/disable", MARKUP).as(ADMIN)
					.expect(404),
				post("oneself to disable", "/admin/participants/{id}/disable", "@admin").as(ADMIN)
					.redirectsTo("/admin/participants/", "outcome"),
				post("oneself to demote", "/admin/participants/{id}/revoke-admin", "@admin").as(ADMIN)
					.redirectsTo("/admin/participants/", "outcome"),
				post("an unknown mail to send again", "/admin/outbox/{id}/retry", "nope").as(ADMIN)
					.redirectsTo("/admin/outbox", "notice"),
				post("another participant, by a participant", "/admin/participants/{id}/grant-admin", "@other")
					.as(PARTICIPANT)
					.expect(403));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyForm")
	void getsAClearAnswerAndChangesNothing(HostileRequest hostile) throws Exception {
		new HostileRequests(this.mvc, HostileFixture.of(this.context)).perform(hostile);
	}

	/** A sign-up that would be accepted, but for what the case changes. */
	private static HostileRequest signUp(String what) {
		return post(what, "/signup").param("name", "Mallory")
			.param("email", "mallory-" + UUID.randomUUID() + "@example.com")
			.param("password", PASSWORD)
			.param("city", "Turin")
			.param("adult", "true")
			.param("terms", "true");
	}

	/** The account page's form as the page fills it, but for what the case changes. */
	private static HostileRequest profile(String what) {
		return post(what, "/account").as(PARTICIPANT)
			.param("name", "Hostile Player")
			.param("city", "Turin")
			.param("timeZone", "Europe/Rome")
			.param("language", "en");
	}

	/** The notifications as the page sends them, but for what the case changes. */
	private static HostileRequest notifications(String what) {
		return post(what, "/account/notifications").as(PARTICIPANT)
			.param("_noWinEmails", "on")
			.param("noWinEmails", "true")
			.param("_closing", "on")
			.param("closing", "daily")
			.param("thresholds[0]", "5000000")
			.param("thresholds[1]", "");
	}

	/** The limits as the page sends them, but for what the case changes. */
	private static HostileRequest limits(String what) {
		return post(what, "/account/limits").as(PARTICIPANT).param("dailyLimit", "5").param("monthlyLimit", "");
	}

	private static HostileRequest play(String what) {
		return post(what, "/play/{id}", "@lottery").as(PARTICIPANT).param("key", "hostile-key");
	}

	private static HostileRequest edit(String what) {
		return post(what, "/play/{id}/edit", "@lottery").as(PARTICIPANT).param("key", "hostile-key");
	}

	/** A line to save, of the daily game unless the case says otherwise. */
	private static HostileRequest saveLine(String what) {
		return post(what, "/my/lines").as(PARTICIPANT).param("game", "daily");
	}

	private static HostileRequest status(String what) {
		return post(what, "/play/{id}/status", "@lottery").as(PARTICIPANT).htmx();
	}

	private static String[] numbers(int from, int to) {
		return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toArray(String[]::new);
	}

}
