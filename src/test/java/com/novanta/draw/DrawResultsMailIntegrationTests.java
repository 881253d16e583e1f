package com.novanta.draw;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.EmailPreferences;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.BallotLedger;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.TestSlips;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySteps;
import com.novanta.lottery.TestLotteries;
import com.novanta.lottery.WinningBallots;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.Outbox;
import com.novanta.notification.OutboxMessage;
import com.novanta.notification.TestMail;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import com.novanta.winner.Winners;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * After a draw every participant gets exactly one result email, through the outbox and
 * the in-process SMTP server, and admins hear that someone won.
 */
@IntegrationTest
class DrawResultsMailIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	DrawPipeline pipeline;

	@Autowired
	LotterySteps steps;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	MutableClock clock;

	@Autowired
	MongoOperations mongo;

	@Autowired
	Accounts accounts;

	@Autowired
	MockMvc mvc;

	Lottery lottery;

	CurrentAccount winner;

	CurrentAccount loser;

	CurrentAccount quiet;

	CurrentAccount admin;

	int[] winningBallot;

	BallotSlip winningSlip;

	int[] losingBallot;

	int[] winning;

	TestMail mail;

	TestSlips slips;

	@BeforeEach
	void setUp() {
		this.lottery = new TestLotteries(this.context).open("daily");
		this.mail = new TestMail(this.mailbox);
		this.slips = new TestSlips(this.context);
		TestParticipants participants = new TestParticipants(this.context);
		this.winner = participants.verified("Wanda Winner");
		this.loser = participants.verified("Larry Loser");
		this.quiet = participants.verified("Quentin Quiet");
		this.admin = participants.admin("Ada Admin");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.quiet.id())),
				new Update().set("noWinEmails", false), "accounts");
		chooseBallots();
		this.winningSlip = this.slips.play(this.winner, this.lottery, this.winningBallot);
		this.slips.play(this.loser, this.lottery, this.losingBallot);
		this.slips.play(this.quiet, this.lottery, this.losingBallot);
		this.clock.freezeAt(this.lottery.closesAt());
	}

	@Test
	void everyParticipantGetsExactlyOneResultEmailAndAdminsAnAlert() {
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		CaughtMail won = this.mail.only(this.winner.email());
		assertThat(won.subject())
			.isEqualTo("Your results: Novanta 6/90, draw of " + longDate(this.lottery.drawDate(), Locale.ENGLISH));
		assertThat(won.text()).contains("Hello Wanda Winner,")
			.contains("Congratulations! You won €25.00.")
			.contains("Winning numbers: " + joined(this.winning))
			.contains(joined(this.winningBallot) + " — Won: 3 numbers matched, €25.00")
			.contains("/lotteries/" + this.lottery.id())
			.contains("/my/ballots")
			.contains("/my/wins")
			.containsPattern(joined(this.winningBallot) + " — Won: 3 numbers matched, €25.00\\R  "
					+ this.winningSlip.leafHash(0))
			.doesNotContain("/unsubscribe");
		assertThat(won.html()).contains("Congratulations! You won €25.00.")
			.contains(this.winningSlip.leafHash(0))
			.contains("/my/ballots/" + this.winningSlip.id() + "#proof")
			.doesNotContain("<script");
		assertThat(won.headers()).noneMatch((header) -> header.startsWith("List-Unsubscribe"));

		CaughtMail lost = this.mail.only(this.loser.email());
		assertThat(lost.text()).contains("Hello Larry Loser,")
			.contains("No win this time.")
			.contains(joined(this.losingBallot) + " — No win")
			.contains("/unsubscribe/no-win?account=" + this.loser.id())
			.doesNotContain("/my/wins");
		assertThat(lost.headers()).anyMatch((header) -> header.startsWith("List-Unsubscribe: <http")
				&& header.contains("/unsubscribe/no-win?account=" + this.loser.id()));
		assertThat(lost.headers()).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");

		assertThat(this.mail.to(this.quiet.email())).isEmpty();

		CaughtMail alert = this.mail.only(this.admin.email());
		assertThat(alert.subject())
			.isEqualTo("Winners in Novanta 6/90, draw of " + longDate(this.lottery.drawDate(), Locale.ENGLISH));
		assertThat(alert.text()).contains("has 1 winning ballots").contains("3 of 6: 1 × €25.00");
	}

	@Test
	void theResultEmailWritesTheDrawDateAsThePagesDoInTheRecipientsLanguage() {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(this.loser.id())),
				new Update().set("language", "it").set("timeZone", "America/New_York"), "accounts");

		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);

		String english = longDate(this.lottery.drawDate(), Locale.ENGLISH);
		assertThat(english).matches("[A-Z][a-z]+day \\d{1,2} [A-Z][a-z]+ \\d{4}");
		CaughtMail won = this.mail.only(this.winner.email());
		assertThat(won.subject()).isEqualTo("Your results: Novanta 6/90, draw of " + english);
		assertThat(won.text()).contains("Here are your ballots in Novanta 6/90, drawn " + english + ".");
		assertThat(Html.parse(won.html()).text()).contains("Here are your ballots in Novanta 6/90, drawn " + english);

		String italian = longDate(this.lottery.drawDate(), Locale.ITALIAN);
		assertThat(italian).matches("[a-zì]+ \\d{1,2} [a-z]+ \\d{4}");
		CaughtMail lost = this.mail.only(this.loser.email());
		assertThat(lost.subject()).isEqualTo("I tuoi risultati: Novanta 6/90, estrazione di " + italian);
		assertThat(lost.text()).contains("Ecco le tue schedine di Novanta 6/90, estrazione di " + italian + ".");
	}

	@Test
	void winningLinesComeFirstAndTheOthersAreCountedInBothLanguages() {
		Lottery next = new TestLotteries(this.context).open("daily");
		// six ballots, each played by both, in turn: the second wins €1 (two right), the
		// fifth €25 (three right), the other four nothing
		WinningBallots.Found found = WinningBallots.search(next.id(),
				new TestLotteries(this.context).drawInputs(next.id()), 41, new int[] { 2, 2, 2, 2, 2, 2 },
				(matches) -> matches[1] == 2 && matches[4] == 3 && matches[0] < 2 && matches[2] < 2 && matches[3] < 2
						&& matches[5] < 2);
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount english = participants.verified("Many Lines");
		CurrentAccount italian = participants.verified("Molte Righe");
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(italian.id())), new Update().set("language", "it"),
				"accounts");
		this.clock.freezeAt(next.closesAt().minusSeconds(60));
		for (int i = 0; i < 6; i++) {
			this.slips.play(english, next, found.ballot(i));
			this.slips.play(italian, next, found.ballot(i));
		}
		this.clock.freezeAt(next.closesAt());
		assertThat(this.pipeline.advance(next.id())).isEqualTo(LotteryStatus.NOTIFIED);

		CaughtMail mail = resultsOf(english, next).get(0);
		String text = mail.text();
		String largest = joined(found.ballot(4)) + " — Won: 3 numbers matched, €25.00";
		String smaller = joined(found.ballot(1)) + " — Won: 2 numbers matched, €1.00";
		assertThat(text).contains("Congratulations! You won €26.00.", largest, smaller,
				"And 4 other lines without a win.", "See all your lines in My ballots: ");
		assertThat(text.indexOf(largest)).isLessThan(text.indexOf(smaller));
		assertThat(text.indexOf(smaller)).isLessThan(text.indexOf("And 4 other lines"));
		for (int other : new int[] { 0, 2, 3, 5 }) {
			assertThat(text).doesNotContain(joined(found.ballot(other)));
		}
		Document html = Html.parse(mail.html());
		assertThat(html.select("tr.win").eachText()).hasSize(2)
			.satisfiesExactly((row) -> assertThat(row).contains("Won: 3 numbers matched — €25.00"),
					(row) -> assertThat(row).contains("Won: 2 numbers matched — €1.00"));
		assertThat(html.select("table.lines tr")).hasSize(3);
		assertThat(html.select("p.others").text()).startsWith("And 4 other lines without a win.");
		assertThat(html.select("p.others a").attr("href")).endsWith("/my/ballots");

		CaughtMail italianMail = this.mail.to(italian.email()).get(0);
		assertThat(italianMail.text()).contains("E altre 4 righe senza vincita.",
				"Vedi tutte le tue righe in Le mie schedine: ");
		assertThat(Html.parse(italianMail.html()).select("p.others").text())
			.startsWith("E altre 4 righe senza vincita.");
		assertThat(italianMail.text().indexOf(joined(found.ballot(4))))
			.isLessThan(italianMail.text().indexOf(joined(found.ballot(1))));
	}

	@Test
	void aDispatchersBatchReadsEachParticipantsOwnLinesAsOneEmailAloneDoes() {
		Lottery next = new TestLotteries(this.context).open("daily");
		WinningBallots.Found found = WinningBallots.search(next.id(),
				new TestLotteries(this.context).drawInputs(next.id()), 41, new int[] { 2, 2, 2, 2, 2, 2 },
				(matches) -> matches[1] == 2 && matches[4] == 3);
		TestParticipants participants = new TestParticipants(this.context);
		CurrentAccount first = participants.verified("First Player");
		CurrentAccount second = participants.verified("Second Player");
		CurrentAccount none = participants.verified("No Slip");
		this.clock.freezeAt(this.lottery.closesAt().minusSeconds(120));
		this.slips.play(first, this.lottery, this.losingBallot);
		this.clock.freezeAt(this.lottery.closesAt());
		assertThat(this.pipeline.advance(this.lottery.id())).isEqualTo(LotteryStatus.NOTIFIED);
		this.clock.freezeAt(next.closesAt().minusSeconds(60));
		for (int i = 0; i < 6; i++) {
			// the first plays the winning fifth ballot, the second the second one
			this.slips.play((i % 2 == 0) ? first : second, next, found.ballot(i));
		}
		this.clock.freezeAt(next.closesAt());
		assertThat(this.pipeline.advance(next.id())).isEqualTo(LotteryStatus.NOTIFIED);

		DrawResultModel model = this.context.getBean(DrawResultModel.class);
		List<Map<String, Object>> models = new ArrayList<>();
		for (CurrentAccount account : List.of(second, first, none, this.winner)) {
			models.add(Map.of("lotteryId", next.id(), "accountId", account.id()));
		}
		// and one of another lottery, in the same batch
		models.add(Map.of("lotteryId", this.lottery.id(), "accountId", first.id()));

		List<Map<String, Object>> batch = model.provideAll("draw/result", models);
		assertThat(batch).hasSize(models.size());
		for (int i = 0; i < models.size(); i++) {
			assertThat(batch.get(i)).as("email %d", i).isEqualTo(model.provide("draw/result", models.get(i)));
		}
		assertThat(lineNumbers(batch.get(0))).containsExactlyInAnyOrder(joined(found.ballot(1)),
				joined(found.ballot(3)), joined(found.ballot(5)));
		assertThat(lineNumbers(batch.get(1))).containsExactlyInAnyOrder(joined(found.ballot(0)),
				joined(found.ballot(2)), joined(found.ballot(4)));
		assertThat(lineNumbers(batch.get(2))).isEmpty();
		assertThat(lineNumbers(batch.get(3))).isEmpty();
		assertThat(lineNumbers(batch.get(4))).containsExactly(joined(this.losingBallot));
	}

	@SuppressWarnings("unchecked")
	private static List<String> lineNumbers(Map<String, Object> values) {
		List<String> lines = new ArrayList<>();
		for (String part : List.of("wins", "others")) {
			for (Map<String, Object> line : (List<Map<String, Object>>) values.get(part)) {
				lines.add(String.join(", ",
						((List<Integer>) line.get("numbers")).stream().map(String::valueOf).toList()));
			}
		}
		return lines;
	}

	@Test
	void aParticipantWithManyLinesAndNoWinIsToldHowMany() {
		Lottery next = new TestLotteries(this.context).open("daily");
		WinningBallots.Found found = WinningBallots.search(next.id(),
				new TestLotteries(this.context).drawInputs(next.id()), 43, new int[] { 1, 1, 1, 1 },
				(matches) -> Arrays.stream(matches).allMatch((m) -> m < 2));
		CurrentAccount player = new TestParticipants(this.context).verified("Unlucky Many");
		this.clock.freezeAt(next.closesAt().minusSeconds(60));
		for (int i = 0; i < 4; i++) {
			this.slips.play(player, next, found.ballot(i));
		}
		this.clock.freezeAt(next.closesAt());
		assertThat(this.pipeline.advance(next.id())).isEqualTo(LotteryStatus.NOTIFIED);

		CaughtMail mail = resultsOf(player, next).get(0);
		assertThat(mail.text()).contains("No win this time.", "None of your 4 lines won this time.")
			.doesNotContain(joined(found.ballot(0)));
		assertThat(Html.parse(mail.html()).select("table.lines")).isEmpty();
		assertThat(Html.parse(mail.html()).select("p.others").text()).startsWith("None of your 4 lines won this time.");
	}

	@Test
	void runningTheNotificationStepAgainSendsNothingMore() {
		this.pipeline.advance(this.lottery.id());
		long messages = outboxOfLottery();
		int caught = this.mailbox.messages().size();

		this.pipeline.advance(this.lottery.id());
		new DrawResults(this.context.getBean(BallotLedger.class), this.context.getBean(Winners.class), this.accounts,
				this.context.getBean(EmailPreferences.class), this.context.getBean(Outbox.class), this.steps,
				this.clock)
			.apply(this.steps.find(this.lottery.id()).orElseThrow(), () -> {
			});

		assertThat(outboxOfLottery()).isEqualTo(messages);
		assertThat(this.mailbox.messages()).hasSize(caught);
		assertThat(this.mail.to(this.winner.email())).hasSize(1);
	}

	@Test
	void theOneClickUnsubscribeStopsNoWinEmailsOnly() throws Exception {
		this.pipeline.advance(this.lottery.id());
		String link = this.mail.only(this.loser.email())
			.headers()
			.stream()
			.filter((header) -> header.startsWith("List-Unsubscribe: <"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*<https?://[^/]+", "")
			.replace(">", "");

		this.mvc.perform(post(link.replace("token=", "token=x")).content("List-Unsubscribe=One-Click"))
			.andExpect(status().isBadRequest());
		assertThat(this.accounts.find(this.loser.id()).orElseThrow().noWinEmails()).isTrue();

		this.mvc
			.perform(post(link).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(this.accounts.find(this.loser.id()).orElseThrow().noWinEmails()).isFalse();

		assertTheNextLossIsNotToldButTheNextWinIs(this.loser);
	}

	@Test
	void theLinkInTheEmailShowsAPageThatChangesNothingUntilItsButtonIsPressed() throws Exception {
		this.pipeline.advance(this.lottery.id());
		Matcher visible = Pattern.compile("https?://[^/\\s]+(/unsubscribe/no-win\\?\\S+)")
			.matcher(this.mail.only(this.loser.email()).text());
		assertThat(visible.find()).as("the visible link in the text of the email").isTrue();
		String link = visible.group(1);

		// what a mail scanner or a link preview does: open it (twice)
		for (int i = 0; i < 2; i++) {
			Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()).andReturn());
			assertThat(page.select("form[action='/unsubscribe/no-win'][method=post] button").text())
				.isEqualTo("Stop \"no win\" emails");
			assertThat(page.text()).contains("We will still email you whenever you win.");
		}
		assertThat(this.accounts.find(this.loser.id()).orElseThrow().noWinEmails()).isTrue();
		Lottery told = drawAnother(this.winner, this.loser, 17);
		assertThat(resultsOf(this.loser, told)).singleElement()
			.satisfies((mail) -> assertThat(mail.text()).contains("No win this time."));

		Document page = Html.parse(this.mvc.perform(get(link)).andReturn());
		this.mvc
			.perform(post("/unsubscribe/no-win").param("account", page.select("input[name=account]").val())
				.param("token", page.select("input[name=token]").val()))
			.andExpect(status().isOk());
		assertThat(this.accounts.find(this.loser.id()).orElseThrow().noWinEmails()).isFalse();

		assertTheNextLossIsNotToldButTheNextWinIs(this.loser);
	}

	/**
	 * After {@code participant} stopped "no win" emails: the next draw they lose sends
	 * them nothing (while the winner of that draw is told), and the next draw they win
	 * sends them their win.
	 */
	private void assertTheNextLossIsNotToldButTheNextWinIs(CurrentAccount participant) {
		CurrentAccount other = participant.id().equals(this.winner.id()) ? this.loser : this.winner;
		Lottery lost = drawAnother(other, participant, 23);
		assertThat(resultsOf(participant, lost)).as("no \"no win\" email").isEmpty();
		assertThat(resultsOf(other, lost)).singleElement()
			.satisfies((mail) -> assertThat(mail.text()).contains("Congratulations!"));
		assertThat(
				this.mongo.exists(Query.query(Criteria.where("_id").is("draw:" + lost.id() + ":" + participant.id())),
						OutboxMessage.class))
			.as("nothing written to the outbox for them")
			.isFalse();

		Lottery won = drawAnother(participant, other, 29);
		assertThat(resultsOf(participant, won)).singleElement()
			.satisfies((mail) -> assertThat(mail.text()).contains("Congratulations! You won €25.00."));
	}

	/**
	 * Another lottery, drawn and notified: {@code winning} has its first slip (three
	 * numbers right), {@code losing} and the quiet participant the other two (no win).
	 */
	private Lottery drawAnother(CurrentAccount winning, CurrentAccount losing, long searchSeed) {
		Lottery next = new TestLotteries(this.context).open("daily");
		WinningBallots.Found found = WinningBallots.threeSlipsOneWinningThree(next.id(),
				new TestLotteries(this.context).drawInputs(next.id()), searchSeed);
		this.clock.freezeAt(next.closesAt().minusSeconds(60));
		this.slips.play(winning, next, found.ballot(0));
		this.slips.play(losing, next, found.ballot(1));
		this.slips.play(this.quiet, next, found.ballot(1));
		this.clock.freezeAt(next.closesAt());
		assertThat(this.pipeline.advance(next.id())).isEqualTo(LotteryStatus.NOTIFIED);
		return next;
	}

	/** The result emails of one lottery to one participant. */
	private List<CaughtMail> resultsOf(CurrentAccount participant, Lottery lottery) {
		return this.mail.to(participant.email())
			.stream()
			.filter((mail) -> mail.subject()
				.equals("Your results: Novanta 6/90, draw of " + longDate(lottery.drawDate(), Locale.ENGLISH)))
			.toList();
	}

	private long outboxOfLottery() {
		return this.mongo.count(Query.query(Criteria.where("_id").regex("^(draw|alert):" + this.lottery.id() + ":")),
				OutboxMessage.class);
	}

	private void chooseBallots() {
		WinningBallots.Found slips = WinningBallots.threeSlipsOneWinningThree(this.lottery.id(),
				new TestLotteries(this.context).drawInputs(this.lottery.id()), 5);
		this.winningBallot = slips.ballot(0);
		this.losingBallot = slips.ballot(1);
		this.winning = slips.drawn();
	}

	/** A draw date as pages and emails write it: "Monday 30 November 2026". */
	private static String longDate(LocalDate date, Locale locale) {
		return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", locale).format(date);
	}

	private static String joined(int[] numbers) {
		return String.join(", ", Arrays.stream(numbers).mapToObj(String::valueOf).toList());
	}

}
