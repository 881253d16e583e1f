package com.novanta.web;

import java.util.stream.Stream;

import com.novanta.account.TestParticipants;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import static com.novanta.web.HostileRequest.Who.ADMIN;
import static com.novanta.web.HostileRequest.Who.ANONYMOUS;
import static com.novanta.web.HostileRequest.Who.PARTICIPANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every URL parameter and path variable of the application, given what no page of ours
 * links to: words for numbers, negative, huge and repeated numbers, impossible dates,
 * unknown and other people's ids, markup. Each gets a clear 4xx or its page with a
 * message, never a 500, and changes nothing.
 */
@IntegrationTest
class HostileUrlParameterTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String MARKUP = "<img src=x onerror=alert(1)>";

	static final String HUGE = "99999999999999999999";

	static final String LONG = "x".repeat(5000);

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	static Stream<HostileRequest> everyUrlParameter() {
		return Stream.of(
				// the public lottery list: game, date, page
				HostileRequest.get("page is a word", "/lotteries").param("page", "two").expect(400),
				HostileRequest.get("page is negative", "/lotteries").param("page", "-3").expect(200),
				HostileRequest.get("page is zero", "/lotteries").param("page", "0").expect(200),
				HostileRequest.get("page overflows an int", "/lotteries").param("page", HUGE).expect(400),
				HostileRequest.get("page is the largest int", "/lotteries")
					.param("page", String.valueOf(Integer.MAX_VALUE))
					.expect(200),
				HostileRequest.get("page is repeated", "/lotteries").param("page", "1", "2").expect(200),
				HostileRequest.get("page is a decimal", "/lotteries").param("page", "1.5").expect(400),
				HostileRequest.get("page is empty", "/lotteries").param("page", "").expect(200),
				HostileRequest.get("date is not a date", "/lotteries")
					.param("date", "yesterday")
					.expect(200, "Enter a date such as 2026-11-25"),
				HostileRequest.get("date does not exist", "/lotteries")
					.param("date", "2026-02-30")
					.expect(200, "Enter a date such as 2026-11-25"),
				HostileRequest.get("date is at the end of time", "/lotteries")
					.param("date", "+999999999-12-31")
					.expect(200, "Enter a date such as 2026-11-25"),
				HostileRequest.get("date is at the start of time", "/lotteries")
					.param("date", "-999999999-01-01")
					.param("game", "daily")
					.expect(200, "Enter a date such as 2026-11-25"),
				HostileRequest.get("game is unknown", "/lotteries").param("game", "poker").expect(200),
				HostileRequest.get("game is markup", "/lotteries").param("game", SCRIPT).expect(200),
				HostileRequest.get("date and game are repeated", "/lotteries")
					.param("game", "daily", "saturday")
					.param("date", "2026-01-01", "2026-01-02")
					.expect(200),
				// one lottery
				HostileRequest.get("lottery id is unknown", "/lotteries/{id}", "daily-1999-01-01").expect(404),
				HostileRequest.get("lottery id is markup", "/lotteries/{id}", MARKUP).expect(404),
				// "</script>" holds a slash: encoded in a path, Tomcat (or, in MockMvc,
				// the
				// firewall) refuses it
				HostileRequest.get("lottery id is a script", "/lotteries/{id}", SCRIPT).refusedByTomcat().expect(400),
				HostileRequest.get("lottery id is a query operator", "/lotteries/{id}", "{\"$ne\":null}").expect(404),
				HostileRequest.get("lottery id is very long", "/lotteries/{id}", LONG).expect(404),
				HostileRequest.get("lottery id is unknown, htmx", "/lotteries/{id}", "nope").htmx().expect(404),
				// languages, on any page
				HostileRequest.get("language is unknown", "/").param("lang", "xx").expect(200),
				HostileRequest.get("language is markup", "/").param("lang", SCRIPT).expect(200),
				HostileRequest.get("language is malformed", "/").param("lang", "en_US_POSIX_<b>").expect(200),
				// links from emails
				HostileRequest.get("verification token is made up", "/account/verify")
					.param("token", "made-up")
					.expect(200, "That link does not work"),
				HostileRequest.get("verification token is missing", "/account/verify")
					.expect(200, "That link does not work"),
				HostileRequest.get("verification token is repeated", "/account/verify")
					.param("token", "a", "b")
					.expect(200, "That link does not work"),
				HostileRequest.get("reset token is made up", "/password/reset")
					.param("token", LONG)
					.expect(200, "That link does not work any more"),
				HostileRequest.get("link token is made up", "/signin/link/confirm")
					.param("token", SCRIPT)
					.expect(200, "That link does not work"),
				HostileRequest.get("unsubscribe token is made up", "/unsubscribe/no-win")
					.param("account", "@other")
					.param("token", "forged")
					.expect(400, "That link is not valid"),
				HostileRequest.get("unsubscribe account is markup", "/unsubscribe/no-win")
					.param("account", SCRIPT)
					.param("token", SCRIPT)
					.expect(400, "That link is not valid"),
				HostileRequest.get("unsubscribe without anything", "/unsubscribe/no-win")
					.expect(400, "That link is not valid"),
				HostileRequest.get("closing reminders unsubscribe token is made up", "/unsubscribe/closing-reminders")
					.param("account", "@other")
					.param("token", "forged")
					.expect(400, "That link is not valid"),
				HostileRequest.get("jackpot alerts unsubscribe account is markup", "/unsubscribe/jackpot-alerts")
					.param("account", SCRIPT)
					.param("token", SCRIPT)
					.expect(400, "That link is not valid"),
				HostileRequest
					.get("unsubscribe from a kind of email we do not send", "/unsubscribe/{kind}", "newsletter")
					.param("account", "@other")
					.param("token", "forged")
					.expect(404),
				// the dev mailbox, which answers this machine only
				HostileRequest.get("mail id is a word", "/dev/mailbox/{id}", "first").fromLoopback().expect(400),
				HostileRequest.get("mail id is negative", "/dev/mailbox/{id}", "-1").fromLoopback().expect(404),
				HostileRequest.get("mail id is past the last", "/dev/mailbox/{id}", "2147483647")
					.fromLoopback()
					.expect(404),
				HostileRequest.get("mail id overflows an int", "/dev/mailbox/{id}", HUGE).fromLoopback().expect(400),
				HostileRequest.get("mail HTML id is negative", "/dev/mailbox/{id}/html", "-5")
					.fromLoopback()
					.expect(404),
				// playing
				HostileRequest.get("play an unknown lottery", "/play/{id}", "daily-1999-01-01")
					.as(PARTICIPANT)
					.expect(404),
				HostileRequest.get("play a lottery id that is markup", "/play/{id}", MARKUP)
					.as(PARTICIPANT)
					.expect(404),
				// a line to fill in from the address ("Play these numbers"): ignored
				// unless valid
				HostileRequest.get("numbers to play are words", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("numbers", "one,two")
					.expect(200, "0 of 6 chosen"),
				HostileRequest.get("numbers to play are markup", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("numbers", SCRIPT)
					.expect(200, "0 of 6 chosen"),
				HostileRequest.get("numbers to play overflow an int", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("numbers", HUGE + ",1,2,3,4,5")
					.expect(200, "0 of 6 chosen"),
				HostileRequest.get("numbers to play are out of range", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("numbers", "0,1,2,3,4,91")
					.expect(200, "0 of 6 chosen"),
				HostileRequest.get("numbers to play are very long", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("numbers", LONG)
					.expect(200, "0 of 6 chosen"),
				HostileRequest.get("numbers to play are given twice", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("numbers", "1,2,3,4,5,6", "7,8,9,10,11,12")
					.expect(200, "0 of 6 chosen"),
				// a saved line to fill in from the address ("Play" on My lines): only
				// one's own, of the lottery's game; anything else is not found
				HostileRequest.get("saved line to play is someone else's", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("line", "@otherLine")
					.expect(404),
				HostileRequest.get("saved line to play is markup", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("line", MARKUP)
					.expect(404),
				HostileRequest.get("saved line to play is a query operator", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("line", "{\"$ne\":null}")
					.expect(404),
				HostileRequest.get("saved line to play is very long", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("line", LONG)
					.expect(404),
				HostileRequest.get("saved line to play is given twice", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("line", "@myLine", "@myLine")
					.expect(404),
				HostileRequest.get("saved line to play is one's own", "/play/{id}", "@lottery")
					.as(PARTICIPANT)
					.param("line", "@myLine")
					.expect(200, "6 of 6 chosen: 1, 2, 3, 4, 5, 6"),
				// My lines: a line to save from the address, filled in only when it can
				// be
				HostileRequest.get("line to save is markup", "/my/lines")
					.as(PARTICIPANT)
					.param("game", SCRIPT)
					.param("numbers", SCRIPT)
					.expect(200, "Save a line"),
				HostileRequest.get("line to save is very long", "/my/lines")
					.as(PARTICIPANT)
					.param("numbers", LONG)
					.expect(200, "Save a line"),
				// a subscription from a receipt or a saved line: only one's own; its id
				// in the address of its buttons: only one's own, and only its three
				// actions
				HostileRequest.get("receipt to subscribe is someone else's", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("slip", "@otherSlip")
					.expect(404),
				HostileRequest.get("receipt to subscribe is markup", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("slip", MARKUP)
					.expect(404),
				HostileRequest.get("receipt to subscribe is very long", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("slip", LONG)
					.expect(404),
				HostileRequest.get("receipt to subscribe is given twice", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("slip", "@mySlip", "@mySlip")
					.expect(404),
				HostileRequest.get("receipt to subscribe is one's own", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("slip", "@mySlip")
					.expect(200, "Play these lines in several draws"),
				HostileRequest.get("saved line to subscribe is someone else's", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("line", "@otherLine")
					.expect(404),
				HostileRequest.get("saved line to subscribe is a query operator", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("line", "{\"$ne\":null}")
					.expect(404),
				HostileRequest.get("nothing to subscribe", "/my/subscriptions/new").as(PARTICIPANT).expect(404),
				HostileRequest.post("lottery of the lines to subscribe is unknown", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("lottery", SCRIPT)
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.expect(404),
				HostileRequest.post("lottery of the lines to subscribe is missing", "/my/subscriptions/new")
					.as(PARTICIPANT)
					.param("lines[0].numbers", "1", "2", "3", "4", "5", "6")
					.expect(400),
				HostileRequest
					.post("subscription to pause is someone else's", "/my/subscriptions/{id}/pause",
							"@otherSubscription")
					.as(PARTICIPANT)
					.expect(404),
				HostileRequest
					.post("subscription to cancel is someone else's, htmx", "/my/subscriptions/{id}/cancel",
							"@otherSubscription")
					.as(PARTICIPANT)
					.htmx()
					.expect(404),
				HostileRequest.post("subscription to resume is markup", "/my/subscriptions/{id}/resume", MARKUP)
					.as(PARTICIPANT)
					.expect(404),
				HostileRequest.post("subscription to change is very long", "/my/subscriptions/{id}/pause", LONG)
					.as(PARTICIPANT)
					.expect(404),
				HostileRequest
					.post("subscription action is unknown", "/my/subscriptions/{id}/{action}", "@mySubscription",
							"delete")
					.as(PARTICIPANT)
					.expect(404),
				HostileRequest
					.post("subscription action is markup", "/my/subscriptions/{id}/{action}", "@mySubscription", SCRIPT)
					.as(PARTICIPANT)
					.expect(400),
				HostileRequest
					.post("active subscription resumed: as it is", "/my/subscriptions/{id}/resume", "@mySubscription")
					.as(PARTICIPANT)
					.redirectsTo("/my/subscriptions"),
				// the number checker: game, numbers, period, page (the page and the
				// form's
				// messages; its own tests have the whole table)
				HostileRequest.get("numbers to check are words", "/checker")
					.param("numbers", "one,two")
					.expect(400, "Enter whole numbers only"),
				HostileRequest.get("numbers to check are very long", "/checker")
					.param("numbers", LONG)
					.expect(400, "That is far longer than a line"),
				HostileRequest.get("numbers to check are given twice", "/checker")
					.param("numbers", "1,2,3,4,5,6", "7,8,9,10,11,12")
					.expect(400, "Enter exactly 6 numbers"),
				HostileRequest.get("numbers to check are out of range", "/checker")
					.param("numbers", "0,1,2,3,4,91")
					.expect(400, "Numbers go from 1 to 90"),
				HostileRequest.get("game to check is markup", "/checker")
					.param("game", SCRIPT)
					.param("numbers", "1,2,3,4,5,6")
					.expect(400, "Choose one of the games in the list"),
				// (with htmx the form answers in place, its messages by the fields, not
				// as an error page retargeted to the alerts: CheckerControllerTests)
				HostileRequest.get("period to check is unknown", "/checker")
					.param("period", "dates")
					.param("numbers", "1,2,3,4,5,6")
					.expect(400, "Choose one of the periods in the list"),
				HostileRequest.get("saved line to check is someone else's", "/checker")
					.as(PARTICIPANT)
					.param("line", "@otherLine")
					.expect(400, "That line is not among your saved lines"),
				HostileRequest.get("saved line to check is markup", "/checker")
					.as(PARTICIPANT)
					.param("line", SCRIPT)
					.expect(400, "That line is not among your saved lines"),
				HostileRequest.get("saved line to check, to a visitor", "/checker")
					.param("line", "@otherLine")
					.expect(200, "Your numbers"),
				HostileRequest.get("page of the checker overflows an int", "/checker")
					.param("numbers", "1,2,3,4,5,6")
					.param("page", HUGE)
					.expect(200, "Your numbers"),
				// the open results: the archive's page and size, games and lotteries that
				// are not there (their own tests have the whole table)
				HostileRequest.get("archive page is a word", "/api/v1/games/{game}/draws", "daily")
					.param("page", "two")
					.expect(400, "The page is a whole number from 1 to 50,000"),
				HostileRequest.get("archive page is zero", "/api/v1/games/{game}/draws", "daily")
					.param("page", "0")
					.expect(400, "The page is a whole number from 1 to 50,000"),
				HostileRequest.get("archive page is negative", "/api/v1/games/{game}/draws", "daily")
					.param("page", "-3")
					.expect(400, "The page is a whole number from 1 to 50,000"),
				HostileRequest.get("archive page overflows an int", "/api/v1/games/{game}/draws", "daily")
					.param("page", HUGE)
					.expect(400, "The page is a whole number from 1 to 50,000"),
				HostileRequest.get("archive page is the largest int", "/api/v1/games/{game}/draws", "daily")
					.param("page", String.valueOf(Integer.MAX_VALUE))
					.expect(400, "The page is a whole number from 1 to 50,000"),
				HostileRequest.get("archive page is the last allowed", "/api/v1/games/{game}/draws", "daily")
					.param("page", "50000")
					.param("size", "100")
					.expect(200),
				HostileRequest.get("archive page is repeated", "/api/v1/games/{game}/draws", "daily")
					.param("page", "1", "2")
					.expect(400, "The page is a whole number"),
				HostileRequest.get("archive size is too large", "/api/v1/games/{game}/draws", "daily")
					.param("size", "101")
					.expect(400, "The size is a whole number from 1 to 100"),
				HostileRequest.get("archive size is markup", "/api/v1/games/{game}/draws", "daily")
					.param("size", SCRIPT)
					.expect(400, "The size is a whole number from 1 to 100"),
				HostileRequest.get("archive size is very long", "/api/v1/games/{game}/draws", "daily")
					.param("size", LONG)
					.expect(400, "The size is a whole number from 1 to 100"),
				HostileRequest.get("archive of a game that is markup", "/api/v1/games/{game}/draws", MARKUP)
					.expect(404, "There is no such game"),
				HostileRequest.get("latest draw of an unknown game", "/api/v1/games/{game}/latest", "bingo")
					.expect(404, "There is no such game"),
				HostileRequest.get("a lottery that is markup, as JSON", "/api/v1/lotteries/{id}", MARKUP)
					.expect(404, "There is no such lottery"),
				HostileRequest.get("a lottery id that is very long, as JSON", "/api/v1/lotteries/{id}", LONG)
					.expect(404, "There is no such lottery"),
				HostileRequest.get("the feed of a game that is markup", "/feeds/{game}/atom.xml", MARKUP).expect(404),
				HostileRequest.get("the history of an unknown game", "/feeds/{game}/draws.csv", "bingo").expect(404),
				HostileRequest.get("the calendar of a very long game", "/feeds/{game}/calendar.ics", LONG).expect(404),
				// my ballots: game, date, result, cursor
				HostileRequest.get("cursor is a word", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", "next")
					.expect(400),
				// a cursor is the order key of a page's last slip: a count (what it was
				// before) or anything else no page made is refused
				HostileRequest.get("cursor is negative", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", "-10")
					.expect(400),
				HostileRequest.get("cursor is the largest int", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", String.valueOf(Integer.MAX_VALUE))
					.expect(400),
				HostileRequest.get("cursor is past every slip", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", "9".repeat(28) + ":daily-2026-12-02")
					.expect(200),
				HostileRequest.get("cursor is before every slip", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", "0".repeat(28) + ":a")
					.expect(200),
				HostileRequest.get("cursor is markup", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", "0".repeat(28) + ":" + SCRIPT)
					.expect(400),
				HostileRequest.get("cursor overflows an int", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", HUGE)
					.expect(400),
				HostileRequest.get("cursor is a word, htmx", "/my/ballots")
					.as(PARTICIPANT)
					.param("cursor", "next")
					.htmx()
					.expect(400),
				HostileRequest.get("date is not a date", "/my/ballots")
					.as(PARTICIPANT)
					.param("date", SCRIPT)
					.expect(200, "Enter a date such as 2026-11-25"),
				HostileRequest.get("date is at the end of time", "/my/ballots")
					.as(PARTICIPANT)
					.param("date", "+999999999-12-31")
					.expect(200, "Enter a date such as 2026-11-25"),
				HostileRequest.get("result is unknown", "/my/ballots")
					.as(PARTICIPANT)
					.param("result", "jackpot")
					.expect(200),
				HostileRequest.get("game and result are repeated", "/my/ballots")
					.as(PARTICIPANT)
					.param("game", "daily", "saturday")
					.param("result", "won", "pending")
					.expect(200),
				HostileRequest.get("someone else's slip", "/my/ballots/{id}", "@otherSlip").as(PARTICIPANT).expect(404),
				HostileRequest.get("an unknown slip", "/my/ballots/{id}", "daily-1999-01-01:000000001")
					.as(PARTICIPANT)
					.expect(404),
				HostileRequest.get("a slip id that is markup", "/my/ballots/{id}", MARKUP).as(PARTICIPANT).expect(404),
				HostileRequest.get("someone else's slip, anonymously", "/my/ballots/{id}", "@otherSlip")
					.redirectsTo("/signin"),
				// the admin area
				HostileRequest.get("lotteries page is a word", "/admin/lotteries")
					.as(ADMIN)
					.param("page", "last")
					.expect(400),
				HostileRequest.get("lotteries page is the largest int", "/admin/lotteries")
					.as(ADMIN)
					.param("page", String.valueOf(Integer.MAX_VALUE))
					.expect(200),
				HostileRequest.get("lotteries page is negative", "/admin/lotteries")
					.as(ADMIN)
					.param("page", "-1")
					.expect(200),
				HostileRequest.get("lotteries game is markup", "/admin/lotteries")
					.as(ADMIN)
					.param("game", SCRIPT)
					.expect(200),
				HostileRequest.get("an unknown lottery", "/admin/lotteries/{id}", "nope").as(ADMIN).expect(404),
				HostileRequest.get("an unknown lottery, htmx", "/admin/lotteries/{id}", "nope")
					.as(ADMIN)
					.htmx()
					.expect(404),
				HostileRequest.get("winners page is a word", "/admin/winners").as(ADMIN).param("page", "x").expect(400),
				HostileRequest.get("winners page is the largest int", "/admin/winners")
					.as(ADMIN)
					.param("page", String.valueOf(Integer.MAX_VALUE))
					.expect(200),
				HostileRequest.get("winners tier is a word", "/admin/winners")
					.as(ADMIN)
					.param("tier", "six")
					.expect(200, "Numbers matched must be a number"),
				HostileRequest.get("winners tier overflows an int", "/admin/winners")
					.as(ADMIN)
					.param("tier", HUGE)
					.expect(200, "Numbers matched must be a number"),
				HostileRequest.get("winners tier is negative", "/admin/winners")
					.as(ADMIN)
					.param("tier", "-6")
					.expect(200),
				HostileRequest.get("winners dates are not dates", "/admin/winners")
					.as(ADMIN)
					.param("from", "soon")
					.param("to", "later")
					.param("date", SCRIPT)
					.expect(200, "The draw date is not a date"),
				HostileRequest.get("winners dates are backwards", "/admin/winners")
					.as(ADMIN)
					.param("from", "2026-02-01")
					.param("to", "2026-01-01")
					.expect(200, "The \"from\" date is after the \"until\" date"),
				HostileRequest.get("winners dates are at the ends of time", "/admin/winners")
					.as(ADMIN)
					.param("from", "-999999999-01-01")
					.param("to", "+999999999-12-31")
					.expect(200, "The \"until\" date is not a date"),
				HostileRequest.get("winners email is markup", "/admin/winners")
					.as(ADMIN)
					.param("email", SCRIPT)
					.expect(200),
				HostileRequest.get("winners filters are repeated", "/admin/winners")
					.as(ADMIN)
					.param("tier", "2", "3")
					.param("from", "2026-01-01", "2026-01-02")
					.expect(200),
				HostileRequest.get("an unknown winner", "/admin/winners/{id}", "nope").as(ADMIN).expect(404),
				HostileRequest.get("winners export with a tier that is a word", "/admin/winners.csv")
					.as(ADMIN)
					.param("tier", "six")
					.expect(400),
				HostileRequest.get("winners export with dates at the ends of time", "/admin/winners.csv")
					.as(ADMIN)
					.param("from", "-999999999-01-01")
					.param("to", "+999999999-12-31")
					.expect(400),
				HostileRequest.get("participants page is a word", "/admin/participants")
					.as(ADMIN)
					.param("page", "x")
					.expect(400),
				HostileRequest.get("participants page is the largest int", "/admin/participants")
					.as(ADMIN)
					.param("page", String.valueOf(Integer.MAX_VALUE))
					.expect(200),
				HostileRequest.get("participants search is a regular expression", "/admin/participants")
					.as(ADMIN)
					.param("q", "(a+)+$[")
					.expect(200),
				HostileRequest.get("participants search is a query operator", "/admin/participants")
					.as(ADMIN)
					.param("q", "{\"$where\":\"sleep(1000)\"}")
					.expect(200),
				HostileRequest.get("participants search is very long", "/admin/participants")
					.as(ADMIN)
					.param("q", LONG)
					.expect(200),
				HostileRequest.get("an unknown participant", "/admin/participants/{id}", "nope").as(ADMIN).expect(404),
				HostileRequest.get("audit page is a word", "/admin/audit").as(ADMIN).param("page", "x").expect(400),
				HostileRequest.get("audit page is the largest int", "/admin/audit")
					.as(ADMIN)
					.param("page", String.valueOf(Integer.MAX_VALUE))
					.expect(200),
				HostileRequest.get("audit filters are markup and operators", "/admin/audit")
					.as(ADMIN)
					.param("actor", "{\"$gt\":\"\"}")
					.param("action", SCRIPT)
					.expect(200),
				HostileRequest.get("admin pages to a participant", "/admin/participants/{id}", "@other")
					.as(PARTICIPANT)
					.expect(403),
				HostileRequest.get("admin pages to a visitor", "/admin/winners.csv")
					.as(ANONYMOUS)
					.redirectsTo("/signin"));
	}

	/**
	 * The largest page number once made the offset wrap around to a negative number,
	 * which MongoDB refuses (the embedded server showed the first page instead).
	 */
	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "/lotteries", "/admin/lotteries", "/admin/participants", "/admin/audit", "/admin/winners" })
	void aPageFarPastTheLastIsEmpty(String list) throws Exception {
		HostileFixture fixture = HostileFixture.of(this.context);
		String page = this.mvc
			.perform(get(list).param("page", String.valueOf(Integer.MAX_VALUE))
				.with(TestParticipants.signedIn(fixture.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(Html.parse(page).select("table tbody tr")).isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("everyUrlParameter")
	void getsAClearAnswerAndChangesNothing(HostileRequest hostile) throws Exception {
		new HostileRequests(this.mvc, HostileFixture.of(this.context)).perform(hostile);
	}

}
