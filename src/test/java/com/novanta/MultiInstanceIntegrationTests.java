package com.novanta;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.novanta.account.AccountAdministration;
import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.account.internal.AccountRepository;
import com.novanta.ballot.TestPlayForm;
import com.novanta.draw.DrawPipeline;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryCalendar;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.OutboxDispatcher;
import com.novanta.notification.TestOutbox;
import com.novanta.notification.TestSmtpServer;
import com.novanta.subscription.TestSubscriptions;
import com.novanta.testing.AllAtOnce;
import com.novanta.testing.AppInstance;
import com.novanta.testing.FrozenClockExtension;
import com.novanta.testing.MutableClock;
import com.novanta.testing.ProcessTest;
import com.novanta.testing.WebVisitor;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the application on one external database, as behind a load balancer: a
 * participant's session follows them from one to the other, and work that both instances
 * run at the same moment (the calendar, the draw, the mail) is done once.
 */
@ProcessTest
@ExtendWith(FrozenClockExtension.class)
class MultiInstanceIntegrationTests {

	private static MongoServer database;

	private static TestSmtpServer smtp;

	private static final MutableClock clock = new MutableClock();

	private static AppInstance a;

	private static AppInstance b;

	@BeforeAll
	static void startTwoInstances() throws Exception {
		database = new MongoServer(new MemoryBackend());
		database.bind("127.0.0.1", 0);
		smtp = new TestSmtpServer();
		smtp.start();
		String uri = "mongodb://127.0.0.1:" + database.getLocalAddress().getPort() + "/novanta";
		a = AppInstance.start(uri, smtp.port(), clock);
		b = AppInstance.start(uri, smtp.port(), clock);
	}

	@AfterAll
	static void stop() throws Exception {
		if (a != null) {
			a.close();
		}
		if (b != null) {
			b.close();
		}
		smtp.close();
		database.shutdown();
	}

	@Test
	void aParticipantSignsInOnOneInstanceAndGoesOnOnTheOther() {
		CurrentAccount player = new TestParticipants(a.context()).verified("Grace Hopper");
		Lottery lottery = new TestLotteries(a.context()).open("daily");
		WebVisitor visitor = new WebVisitor(a.url());

		assertThat(visitor.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();

		visitor.at(b.url());
		WebVisitor.Page account = visitor.get("/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.body()).contains(player.email());
		WebVisitor.Page play = visitor.get("/play/" + lottery.id());
		assertThat(play.status()).isEqualTo(200);
		WebVisitor.Page accepted = visitor.post("/play/" + lottery.id(),
				TestPlayForm.fields(TestPlayForm.key(play.body()), new int[] { 7, 14, 21, 28, 35, 42 }));
		assertThat(accepted.status()).isEqualTo(302);
		assertThat(accepted.location()).contains("/my/ballots/" + lottery.id()).endsWith("?accepted");

		visitor.at(a.url());
		WebVisitor.Page receipt = visitor.get(accepted.location().replaceFirst("^https?://[^/]+", ""));
		assertThat(receipt.status()).isEqualTo(200);
		assertThat(receipt.body()).contains("7").contains("42");

		visitor.post("/signout", Map.of());
		WebVisitor.Page afterSignOut = visitor.at(b.url()).get("/account");
		assertThat(afterSignOut.status()).isEqualTo(302);
		assertThat(afterSignOut.location()).endsWith("/signin");
	}

	@Test
	void anAccountDisabledOnOneInstanceIsSignedOutThereAtOnceAndOnTheOtherWithinASecond() {
		clock.freezeAt(Instant.parse("2026-12-01T21:00:00Z"));
		try {
			CurrentAccount admin = new TestParticipants(a.context()).admin("Ada Admin");
			CurrentAccount player = new TestParticipants(a.context()).verified("Alan Turing");
			WebVisitor onA = new WebVisitor(a.url());
			WebVisitor onB = new WebVisitor(b.url());
			assertThat(onA.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();
			assertThat(onB.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();
			assertThat(onA.get("/account").status()).isEqualTo(200);
			assertThat(onB.get("/account").status()).isEqualTo(200);

			assertThat(a.bean(AccountAdministration.class).disable(admin, player.id(), "127.0.0.1"))
				.isEqualTo(AccountAdministration.Outcome.DONE);

			assertThat(onA.get("/account").location()).as("on the instance that disabled it").endsWith("/signin");
			clock.advance(AccountRepository.RECENT.minusMillis(1));
			assertThat(onB.get("/account").status()).as("the other instance reuses its read for under a second")
				.isEqualTo(200);
			clock.advance(Duration.ofMillis(1));
			assertThat(onB.get("/account").location()).as("on the other instance, a second later").endsWith("/signin");
		}
		finally {
			clock.reset();
		}
	}

	@Test
	void aSessionIsWrittenBackOnlyWhenItChanged() {
		CurrentAccount player = new TestParticipants(a.context()).verified("Edsger Dijkstra");
		Lottery lottery = new TestLotteries(a.context()).open("daily");
		WebVisitor visitor = new WebVisitor(a.url());
		assertThat(visitor.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();
		assertThat(visitor.get("/account").status()).isEqualTo(200);
		Document signedIn = session(visitor);
		assertThat(signedIn).isNotNull();

		WebVisitor.Page play = visitor.at(b.url()).get("/play/" + lottery.id());
		assertThat(visitor
			.post("/play/" + lottery.id(),
					TestPlayForm.fields(TestPlayForm.key(play.body()), new int[] { 2, 4, 8, 16, 32, 64 }))
			.location()).endsWith("?accepted");
		assertThat(visitor.at(a.url()).get("/my/wins").status()).isEqualTo(200);
		assertThat(session(visitor)).as("pages read and a slip played change nothing in the session")
			.isEqualTo(signedIn);

		String id = signedIn.getString("_id");
		visitor.post("/signout", Map.of());
		assertThat(a.bean(MongoTemplate.class).findById(id, Document.class, "sessions")).isNull();
	}

	@Test
	void bothInstancesRunTheCalendarTheDrawAndTheMailAtOnceAndEachIsDoneOnce() throws Exception {
		List<CurrentAccount> players = new ArrayList<>();
		Lottery lottery = new TestLotteries(a.context()).open("daily");
		for (int i = 0; i < 12; i++) {
			CurrentAccount player = new TestParticipants(a.context()).verified("Player " + i);
			players.add(player);
			WebVisitor visitor = new WebVisitor(((i % 2) == 0) ? a.url() : b.url());
			assertThat(visitor.signIn(player.email(), TestParticipants.PASSWORD)).isTrue();
			WebVisitor.Page play = visitor.get("/play/" + lottery.id());
			assertThat(visitor
				.post("/play/" + lottery.id(),
						TestPlayForm.fields(TestPlayForm.key(play.body()), new int[] { 1 + i, 20, 30, 40, 50, 60 }))
				.location()).endsWith("?accepted");
		}

		clock.freezeAt(lottery.closesAt().plus(Duration.ofSeconds(1)));
		long before = count("lotteries", new Criteria());
		List<Integer> created = onBoth((instance) -> instance.bean(LotteryCalendar.class).ensureUpcoming());
		assertThat(created.get(0) + created.get(1)).as("lotteries created by the two calendars")
			.isPositive()
			.isEqualTo(count("lotteries", new Criteria()) - before);

		onBoth((instance) -> {
			instance.bean(DrawPipeline.class).advanceDue();
			return 0;
		});
		Lottery drawn = new TestLotteries(a.context()).reload(lottery);
		assertThat(drawn.status()).isEqualTo(LotteryStatus.NOTIFIED);
		assertThat(drawn.ballotCount()).isEqualTo(12);
		assertThat(count("audit_events", Criteria.where("action").is("LOTTERY_DRAWN").and("targetId").is(lottery.id())))
			.isEqualTo(1);
		assertThat(
				count("audit_events", Criteria.where("action").is("LOTTERY_SETTLED").and("targetId").is(lottery.id())))
			.isEqualTo(1);

		// the draw handed its mail to each instance's workers; both dispatchers run
		// as well, and the mail is counted once neither has anything left to send
		onBoth((instance) -> instance.bean(OutboxDispatcher.class).dispatchDue());
		TestOutbox.awaitIdle(a.bean(MongoTemplate.class), a.bean(OutboxDispatcher.class),
				b.bean(OutboxDispatcher.class));
		assertThat(count("outbox", Criteria.where("status").ne("SENT"))).as("mail not sent").isZero();
		for (CurrentAccount player : players) {
			assertThat(smtp.receivedBy(player.email().toLowerCase(Locale.ROOT)))
				.as("result emails to " + player.email())
				.isEqualTo(1);
		}
	}

	@Test
	void bothInstancesPlaceSubscriptionsAtOnceAndEachIsPlacedOnce() throws Exception {
		Lottery lottery = new TestLotteries(a.context()).open("daily");
		List<CurrentAccount> players = new ArrayList<>();
		List<String> subscriptions = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			CurrentAccount player = new TestParticipants(a.context()).verified("Subscriber " + i);
			players.add(player);
			subscriptions.add(new TestSubscriptions(a.context()).start(player, 3, (1 + i) + " 20 30 40 50 60"));
		}

		onBoth((instance) -> new TestSubscriptions(instance.context()).placeIn(lottery));

		for (CurrentAccount player : players) {
			assertThat(count("ballots", Criteria.where("accountId").is(player.id()).and("lotteryId").is(lottery.id())))
				.as("slips of " + player.name())
				.isEqualTo(1);
		}
		for (String id : subscriptions) {
			Document subscription = a.bean(MongoTemplate.class).findById(id, Document.class, "subscriptions");
			assertThat(subscription.getList("placements", Document.class)).as("placements of " + id).hasSize(1);
			assertThat(subscription.getInteger("placed")).isEqualTo(1);
		}
	}

	/** Runs the work on both instances at the same moment, and waits for both. */
	private static <T> List<T> onBoth(Function<AppInstance, T> work) throws Exception {
		return AllAtOnce.run(List.of(() -> work.apply(a), () -> work.apply(b)));
	}

	/** A visitor's session as stored. */
	private static Document session(WebVisitor visitor) {
		Matcher cookie = Pattern.compile("NOVANTA-SESSION=([^;]+)").matcher(visitor.cookieHeader());
		assertThat(cookie.find()).as("session cookie").isTrue();
		String id = new String(Base64.getDecoder().decode(cookie.group(1)), StandardCharsets.UTF_8);
		return a.bean(MongoTemplate.class).findById(id, Document.class, "sessions");
	}

	private static long count(String collection, Criteria criteria) {
		return a.bean(MongoTemplate.class).count(Query.query(criteria), collection);
	}

}
