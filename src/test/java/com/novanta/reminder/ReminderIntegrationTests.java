package com.novanta.reminder;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.novanta.account.Account;
import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.Reminders;
import com.novanta.account.TestParticipants;
import com.novanta.audit.AuditLog.Actor;
import com.novanta.ballot.TestSlips;
import com.novanta.format.Formats;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.CaughtMail;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.TestMail;
import com.novanta.responsibleplay.ExclusionPeriod;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reminder step against the embedded database and the in-process SMTP server: one
 * closing reminder per participant who asked for the game, when the lottery closes within
 * two hours, however many times and instances run the step; one jackpot alert per lottery
 * when its jackpot reaches the amount; nothing to a participant excluded from play,
 * disabled or unverified, nor a closing reminder to one who already played; and each
 * kind's one-click link stops that kind only.
 */
@IntegrationTest
class ReminderIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ReminderRun reminders;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	MongoOperations mongo;

	@Autowired
	DevMailbox mailbox;

	@Autowired
	Accounts accounts;

	@Autowired
	PlayRestrictions restrictions;

	@Autowired
	MessageSource messages;

	TestParticipants participants;

	TestLotteries lotteries;

	TestMail mail;

	Lottery lottery;

	@AfterEach
	void removeTheFirstLotteries() {
		if (this.lotteries != null) {
			this.lotteries.removeFirsts();
		}
	}

	@BeforeEach
	void setUp() {
		this.participants = new TestParticipants(this.context);
		this.lotteries = new TestLotteries(this.context);
		this.mail = new TestMail(this.mailbox);
		// the first lottery of the game: its jackpot is known (nothing unsettled before
		// it)
		this.lottery = this.lotteries.openFirst("daily");
		this.clock.freezeAt(this.lottery.closesAt().minus(Duration.ofDays(2)));
	}

	@Test
	void everyoneWhoAskedGetsOneClosingReminderWhateverRunsTheStepAndHowOften() throws Exception {
		CurrentAccount ada = this.participants.verified("Ada Asked");
		CurrentAccount bea = this.participants.verified("Bea Italiana");
		CurrentAccount cal = this.participants.verified("Cal Never Asked");
		CurrentAccount dan = this.participants.verified("Dan Excluded");
		CurrentAccount eve = this.participants.verified("Eve Disabled");
		CurrentAccount fay = this.participants.unverified("Fay Unverified");
		CurrentAccount gus = this.participants.verified("Gus Played");
		for (CurrentAccount asked : List.of(ada, bea, dan, eve, fay, gus)) {
			choose(asked, "daily", "");
		}
		choose(cal, "saturday", "");
		set(ada, "timeZone", "America/New_York");
		set(bea, "language", "it");
		set(eve, "status", "DISABLED");
		this.restrictions.exclude(dan.id(), ExclusionPeriod.SIX_MONTHS, new Actor(dan.id(), dan.email(), null));
		new TestSlips(this.context).play(gus, this.lottery, 3, 17, 22, 45, 61, 88);

		// three hours before the close: not yet
		this.clock.freezeAt(this.lottery.closesAt().minus(Duration.ofHours(3)));
		this.reminders.run();
		assertThat(this.mail.to(ada.email())).isEmpty();

		// within two hours: two instances at the same moment, then again, then after a
		// crash before the pass was recorded
		this.clock.freezeAt(this.lottery.closesAt().minus(Duration.ofMinutes(100)));
		// (other tests' participants may be reminded too: each test counts its own mail)
		AllAtOnce.run(2, (i) -> () -> this.reminders.run());
		this.reminders.run();
		this.mongo.remove(Query.query(Criteria.where("_id").regex("^remind-closing:" + this.lottery.id())),
				"reminder_passes");
		assertThat(this.reminders.run().closing()).isZero();

		CaughtMail toAda = this.mail.only(ada.email());
		assertThat(toAda.subject()).isEqualTo("Novanta 6/90 closes in about 2 hours");
		Formats newYork = Formats.of(this.messages, Locale.ENGLISH, ZoneId.of("America/New_York"));
		assertThat(toAda.text()).contains("Hello Ada Asked,")
			.contains("Novanta 6/90 closes in about 2 hours.")
			// when, in their time zone, as the pages say it
			.contains(newYork.draw(this.lottery.closesAt(), this.clock.instant()))
			// the game's starting jackpot and Gus's ballot
			.contains("Jackpot: €1,000,000.")
			.contains("Play now: http://localhost:")
			.contains("/play/" + this.lottery.id())
			.contains("/unsubscribe/closing-reminders?account=" + ada.id() + "&token=");
		assertThat(toAda.headers())
			.anyMatch((header) -> header.startsWith("List-Unsubscribe: <http")
					&& header.contains("/unsubscribe/closing-reminders?account=" + ada.id()))
			.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
		assertThat(toAda.html()).contains("/play/" + this.lottery.id());

		CaughtMail toBea = this.mail.only(bea.email());
		assertThat(toBea.subject()).isEqualTo("Novanta 6/90 chiude tra circa 2 ore");
		assertThat(toBea.text()).contains("Ciao Bea Italiana,")
			.contains("Novanta 6/90 chiude tra circa 2 ore.")
			.contains(Formats.of(this.messages, Locale.ITALIAN, ZoneId.of("Europe/Rome"))
				.draw(this.lottery.closesAt(), this.clock.instant()));

		assertThat(this.mail.to(cal.email())).as("asked for another game").isEmpty();
		assertThat(this.mail.to(dan.email())).as("excluded from play").isEmpty();
		assertThat(this.mail.to(eve.email())).as("disabled").isEmpty();
		assertThat(this.mail.to(fay.email())).as("not verified").isEmpty();
		assertThat(this.mail.to(gus.email())).as("played already").isEmpty();
	}

	@Test
	void aJackpotAlertComesOncePerLotteryWhenTheJackpotReachesTheAmount() throws Exception {
		CurrentAccount ada = this.participants.verified("Ada Ambitious");
		CurrentAccount bea = this.participants.verified("Bea Modest");
		CurrentAccount dan = this.participants.verified("Dan Excluded Too");
		// the jackpot starts at the game's €1,000,000.00 and grows 30 cents a ballot
		choose(ada, "", "1.000.010");
		choose(bea, "", "1000000");
		choose(dan, "", "1");
		this.restrictions.exclude(dan.id(), ExclusionPeriod.ONE_YEAR, new Actor(dan.id(), dan.email(), null));

		this.reminders.run();
		CaughtMail toBea = this.mail.only(bea.email());
		assertThat(toBea.subject()).isEqualTo("Novanta 6/90: the jackpot reached your alert");
		assertThat(toBea.text())
			.contains("The Novanta 6/90 jackpot is €1,000,000: it reached the €1,000,000 you asked to hear about.")
			.contains("/unsubscribe/jackpot-alerts?account=" + bea.id());
		assertThat(this.mail.to(ada.email())).as("not reached yet").isEmpty();

		// 40 ballots: €12.00 more
		this.lotteries.placed(this.lottery, 40, 40);
		AllAtOnce.run(2, (i) -> () -> this.reminders.run());
		this.reminders.run();

		assertThat(this.mail.only(ada.email()).text())
			.contains("The Novanta 6/90 jackpot is €1,000,012: it reached the €1,000,010");
		assertThat(this.mail.to(bea.email())).as("once per lottery").hasSize(1);
		assertThat(this.mail.to(dan.email())).as("excluded from play").isEmpty();
	}

	@Test
	void eachKindsLinkStopsThatKindOnlyAndOnlyForItsAccount() throws Exception {
		CurrentAccount ada = this.participants.verified("Ada Both Kinds");
		CurrentAccount bea = this.participants.verified("Bea Other Account");
		choose(ada, "daily", "1");
		choose(bea, "daily", "1");
		this.clock.freezeAt(this.lottery.closesAt().minus(Duration.ofMinutes(90)));
		this.reminders.run();
		CaughtMail closing = this.mail.only(ada.email(), "Novanta 6/90 closes in about 2 hours");
		String link = closing.headers()
			.stream()
			.filter((header) -> header.startsWith("List-Unsubscribe: <"))
			.findFirst()
			.orElseThrow()
			.replaceAll(".*<https?://[^/]+", "")
			.replace(">", "");
		String token = TestMail.tokenOf(link);

		// opening the link (a mail scanner) changes nothing
		Document page = Html.parse(this.mvc.perform(get(link)).andExpect(status().isOk()));
		assertThat(page.select("h1").text()).isEqualTo("Closing reminders");
		assertThat(page.select("form[action='/unsubscribe/closing-reminders'] button").text())
			.isEqualTo("Stop closing reminders");
		// the closing reminders' token stops neither the jackpot alerts nor another
		// account's
		this.mvc.perform(post("/unsubscribe/jackpot-alerts").param("account", ada.id()).param("token", token))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/unsubscribe/closing-reminders").param("account", bea.id()).param("token", token))
			.andExpect(status().isBadRequest());
		assertThat(reminders(ada)).isEqualTo(reminders(bea));

		this.mvc
			.perform(post(link).contentType("application/x-www-form-urlencoded").content("List-Unsubscribe=One-Click"))
			.andExpect(status().isOk());
		assertThat(reminders(ada).closing()).isEmpty();
		assertThat(reminders(ada).jackpot()).containsKey("daily");
		assertThat(reminders(bea).closing()).containsExactly("daily");

		// the next lottery: Ada hears of its jackpot, not of its close; Bea of both
		Lottery next = this.lotteries.openFirst("daily");
		this.clock.freezeAt(next.closesAt().minus(Duration.ofMinutes(90)));
		this.reminders.run();
		assertThat(this.mail.to(ada.email())).extracting(CaughtMail::subject)
			.containsExactly("Novanta 6/90 closes in about 2 hours", "Novanta 6/90: the jackpot reached your alert",
					"Novanta 6/90: the jackpot reached your alert");
		assertThat(this.mail.to(bea.email())).hasSize(4);
	}

	/** Chooses reminders on the account page, as the participant. */
	private void choose(CurrentAccount who, String closing, String dailyThreshold) throws Exception {
		this.mvc
			.perform(post("/account/notifications").param("_noWinEmails", "on")
				.param("noWinEmails", "true")
				.param("_closing", "on")
				.param("closing", closing.isEmpty() ? new String[0] : new String[] { closing })
				.param("thresholds[0]", dailyThreshold)
				.param("thresholds[1]", "")
				.with(TestParticipants.signedIn(who))
				.with(csrf()))
			.andExpect(redirectedUrl("/account#notifications"));
	}

	private Reminders reminders(CurrentAccount who) {
		return this.mongo.findById(who.id(), Account.class).reminders();
	}

	private void set(CurrentAccount who, String field, Object value) {
		this.mongo.updateFirst(Query.query(Criteria.where("_id").is(who.id())), new Update().set(field, value),
				"accounts");
	}

}
