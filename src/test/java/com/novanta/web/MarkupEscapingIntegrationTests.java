package com.novanta.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Script and markup in names and cities, and spreadsheet formulas, typed into the sign-up
 * and account forms by people who then play and win: they are kept as typed, and shown as
 * text everywhere — the account page, every admin page, the dev mailbox, every email —
 * and the CSV export quotes them and defuses the formulas.
 */
@IntegrationTest
class MarkupEscapingIntegrationTests {

	static final String NAME = "Eve <script>alert(\"name\")</script> & \"Co\" 'x'";

	static final String CITY = "<img src=x onerror=alert('city')>";

	static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example\",\"click\")";

	static final String FORMULA_CITY = "-2+3";

	static final String ADMIN_NAME = "Root <svg onload=alert('admin')>";

	/** What a page, an email or a file must never contain: our markup, unescaped. */
	static final List<String> RAW = List.of("<script>alert", "<img src=x", "<svg onload");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MongoOperations mongo;

	@Autowired
	DevMailbox mailbox;

	Lottery lottery;

	CurrentAccount admin;

	TestMail mail;

	@BeforeEach
	void setUp() {
		this.lottery = new TestLotteries(this.context).open("daily");
		this.admin = new TestParticipants(this.context).admin(ADMIN_NAME);
		this.mail = new TestMail(this.mailbox);
	}

	@Test
	void namesAndCitiesAreTextEverywhere() throws Exception {
		Player eve = signUpAndVerify(NAME, CITY);
		Player formula = signUpAndVerify("Someone", "Somewhere");
		this.mvc
			.perform(post("/account").param("name", FORMULA_NAME)
				.param("city", FORMULA_CITY)
				.param("timeZone", "Europe/Rome")
				.param("language", "en")
				.param("noWinEmails", "true")
				.session(formula.session())
				.with(csrf()))
			.andExpect(redirectedUrl("/account"));
		assertThat(account(eve).getString("name")).isEqualTo(NAME);
		assertThat(account(eve).getString("city")).isEqualTo(CITY);
		assertThat(account(formula).getString("name")).isEqualTo(FORMULA_NAME);

		int[] numbers = winningBallotForTwo();
		play(eve, numbers);
		play(formula, numbers);
		assertThat(TestPipelines.drawAtClose(this.context, this.lottery)).isEqualTo(LotteryStatus.NOTIFIED);

		// the participant's own pages
		String profile = page(get("/account").session(eve.session()));
		assertShowsAsText(profile);
		assertThat(Html.parse(profile).select("#name").val()).isEqualTo(NAME);
		assertThat(Html.parse(profile).select("#city").val()).isEqualTo(CITY);
		assertShowsAsText(page(get("/my/ballots").session(eve.session())));
		// every admin page that shows them
		String eveId = eve.id(this);
		assertShowsAsText(asAdmin("/admin/participants?q=" + eve.email()), NAME);
		assertShowsAsText(asAdmin("/admin/participants/" + eveId), NAME, CITY);
		assertShowsAsText(asAdmin("/admin/winners?email=" + eve.email()), NAME);
		assertShowsAsText(page(get("/admin/winners/{id}", winnerOf(eveId)).with(TestParticipants.signedIn(this.admin))),
				NAME, CITY);
		assertShowsAsText(asAdmin("/admin/winners?email=" + formula.email()), FORMULA_NAME);
		assertShowsAsText(asAdmin("/admin/audit?actor=" + eve.email()), NAME);
		assertShowsAsText(asAdmin("/admin/audit?actor=" + formula.email()), FORMULA_NAME);
		assertShowsAsText(asAdmin("/admin"));
		assertShowsAsText(asAdmin("/admin/outbox"));
		// every email they got, and the dev mailbox that shows them
		for (Player player : List.of(eve, formula)) {
			List<CaughtMail> mails = this.mail.to(player.email());
			assertThat(mails).extracting(CaughtMail::subject)
				.contains("Confirm your email address",
						"Your results: Novanta 6/90, draw of "
								+ DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH)
									.format(this.lottery.drawDate()));
			for (CaughtMail mail : mails) {
				// mail is rendered when sent: the second player was "Someone" at first
				String name = (player == eve) ? NAME
						: mail.subject().startsWith("Your results") ? FORMULA_NAME : "Someone";
				assertShowsAsText(mail.html(), name);
				assertThat(mail.text()).contains(name);
				assertShowsAsText(page(get("/dev/mailbox/{id}", mail.id())), name);
				assertThat(page(get("/dev/mailbox/{id}/html", mail.id()))).doesNotContain(RAW);
			}
		}
		CaughtMail alert = this.mail.to(this.admin.email())
			.stream()
			.filter((mail) -> mail.subject().startsWith("Winners in"))
			.filter((mail) -> mail.subject().endsWith(longDate(this.lottery.drawDate())))
			.findFirst()
			.orElseThrow();
		assertThat(alert.html()).doesNotContain(RAW).contains("&lt;svg onload=");
		assertShowsAsText(page(get("/dev/mailbox")));
	}

	@Test
	void theCsvExportQuotesNamesAndDefusesFormulas() throws Exception {
		Player eve = signUpAndVerify(NAME, CITY);
		Player formula = signUpAndVerify(FORMULA_NAME, FORMULA_CITY);
		int[] numbers = winningBallotForTwo();
		play(eve, numbers);
		play(formula, numbers);
		TestPipelines.drawAtClose(this.context, this.lottery);

		MockHttpServletResponse csv = this.mvc
			.perform(get("/admin/winners.csv").param("date", this.lottery.drawDate().toString())
				.param("game", "daily")
				.with(TestParticipants.signedIn(this.admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse();

		assertThat(csv.getContentType()).startsWith("text/csv");
		assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
		assertThat(csv.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		List<String> rows = csv.getContentAsString().lines().toList();
		assertThat(rows).hasSize(3);
		assertThat(rows).anySatisfy(
				(row) -> assertThat(row).endsWith(",\"Eve <script>alert(\"\"name\"\")</script> & \"\"Co\"\" 'x'\",\""
						+ eve.email() + "\",\"<img src=x onerror=alert('city')>\""));
		assertThat(rows).anySatisfy((row) -> assertThat(row).endsWith(
				",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\",\"" + formula.email() + "\",\"'-2+3\""));
	}

	/** A page shows the values as text, and none of their markup as markup. */
	private static void assertShowsAsText(String page, String... values) {
		assertThat(page).doesNotContain(RAW);
		HostileRequests.assertAnswerIsClean(page);
		String text = Html.parse(page).text();
		for (String value : values) {
			assertThat(text).contains(value);
		}
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private String asAdmin(String url) throws Exception {
		return page(get(url).with(TestParticipants.signedIn(this.admin)));
	}

	/** Signs up through the form, follows the emailed link and signs in. */
	private Player signUpAndVerify(String name, String city) throws Exception {
		String email = TestParticipants.email("markup");
		RequestPostProcessor client = TestParticipants.newClient();
		this.mvc
			.perform(post("/signup").param("name", name)
				.param("email", email)
				.param("password", TestParticipants.PASSWORD)
				.param("city", city)
				.param("adult", "true")
				.param("terms", "true")
				.with(csrf())
				.with(client))
			.andExpect(redirectedUrl("/signup/check-email"));
		TestParticipants.confirmEmailThroughLink(this.mvc, this.mail, email);
		return new Player(email,
				TestParticipants.signInThroughForm(this.mvc, email, TestParticipants.PASSWORD, client));
	}

	private void play(Player player, int[] numbers) throws Exception {
		MockHttpServletRequestBuilder submit = post("/play/{id}", this.lottery.id()).param("key", player.email())
			.session(player.session())
			.with(csrf());
		for (int n : numbers) {
			submit.param("lines[0].numbers", String.valueOf(n));
		}
		this.mvc.perform(submit).andExpect(redirectedUrlPattern("/my/ballots/*?accepted"));
	}

	/**
	 * Numbers that win at least two matches when two slips (the first and second of the
	 * lottery) both play them.
	 */
	private int[] winningBallotForTwo() {
		return WinningBallots
			.search(this.lottery.id(), new TestLotteries(this.context).drawInputs(this.lottery.id()), 90,
					new int[] { 2 }, (matches) -> matches[0] >= 2)
			.ballot(0);
	}

	private Document account(Player player) {
		return this.mongo.findOne(Query.query(Criteria.where("email").is(player.email())), Document.class, "accounts");
	}

	private String winnerOf(String accountId) {
		return this.mongo.findOne(Query.query(Criteria.where("accountId").is(accountId)), Document.class, "winners")
			.get("_id")
			.toString();
	}

	/** A participant signed in with a session, as a browser is. */
	record Player(String email, MockHttpSession session) {

		String id(MarkupEscapingIntegrationTests test) {
			return test.account(this).get("_id").toString();
		}

	}

	/** A draw date as pages and emails write it: "Monday 30 November 2026". */
	private static String longDate(LocalDate date) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.ENGLISH).format(date);
	}

}
