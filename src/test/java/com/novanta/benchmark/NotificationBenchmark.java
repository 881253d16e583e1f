package com.novanta.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.novanta.account.Account;
import com.novanta.account.AccountStatus;
import com.novanta.account.Role;
import com.novanta.ballot.BallotSlip;
import com.novanta.ballot.Participation;
import com.novanta.draw.TestPipelines;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.notification.DevMailbox;
import com.novanta.notification.OutboxDispatcher;
import com.novanta.notification.OutboxMessage;
import com.novanta.notification.OutboxStatus;
import com.novanta.responsibleplay.ResponsiblePlay;
import com.novanta.testing.MutableClock;
import org.bson.types.ObjectId;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A settled lottery with N participants: times writing every result email to the outbox
 * (the SETTLED → NOTIFIED step), then the dispatcher sending them all to the embedded
 * SMTP server. {@code ./mvnw -Pbenchmark -Dbenchmark=notification -Dparticipants=100000}
 */
public final class NotificationBenchmark {

	private NotificationBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int participants = Integer.getInteger("participants", 100_000);
		String backend = System.getProperty("backend", "h2");
		try (ConfigurableApplicationContext context = Benchmarks.start(backend)) {
			MongoOperations mongo = context.getBean(MongoOperations.class);
			MutableClock clock = context.getBean(MutableClock.class);
			DevMailbox mailbox = context.getBean(DevMailbox.class);
			Lottery lottery = new TestLotteries(context).open("daily");
			System.out.printf("Notification benchmark: %,d participants on the %s backend (%s)%n", participants,
					backend, Benchmarks.machine());

			long fillStart = System.nanoTime();
			Instant at = lottery.closesAt().minusSeconds(3600);
			List<Account> accounts = new ArrayList<>();
			List<BallotSlip> slips = new ArrayList<>();
			List<Participation> participations = new ArrayList<>();
			for (int i = 1; i <= participants; i++) {
				String id = new ObjectId().toHexString();
				accounts.add(new Account(id, "player" + i + "@bench.example", true, null, "Player " + i, null,
						Set.of(Role.PARTICIPANT), "Europe/Rome", (i % 2 == 0) ? "it" : "en", true, AccountStatus.ACTIVE,
						0, at, at, null, ResponsiblePlay.NONE, null));
				slips.add(new BallotSlip(BallotSlip.id(lottery.id(), i), lottery.id(), "daily", lottery.drawDate(), i,
						id, at, List.of(List.of(1 + i % 85, 2 + i % 85, 3 + i % 85, 4 + i % 85, 5 + i % 85, 90)),
						List.of(false), "D-" + i, id + ":bench", null, 100L, null, null));
				participations.add(new Participation(lottery.id() + ":" + id, lottery.id(), id, "daily",
						lottery.drawDate(), 1, at));
				if (accounts.size() == 1000) {
					mongo.insertAll(accounts);
					mongo.insertAll(slips);
					mongo.insertAll(participations);
					accounts.clear();
					slips.clear();
					participations.clear();
				}
			}
			mongo.insertAll(accounts);
			mongo.insertAll(slips);
			mongo.insertAll(participations);
			new TestLotteries(context).placed(lottery, participants, participants);
			clock.freezeAt(lottery.closesAt());
			TestPipelines.untilSettled(context).advance(lottery.id());
			// then the beacon round, due a margin after the close
			clock.freezeAt(lottery.beacon().due());
			TestPipelines.untilSettled(context).advance(lottery.id());
			System.out.printf("Set-up: %,d participants with a ballot each, drawn and settled in %.1f s%n",
					participants, (System.nanoTime() - fillStart) / 1e9);

			// the embedded SMTP server keeps what it catches: empty it as it goes
			ScheduledExecutorService cleaner = Executors.newSingleThreadScheduledExecutor();
			cleaner.scheduleWithFixedDelay(mailbox::clear, 2, 2, TimeUnit.SECONDS);
			Benchmarks.HeapSampler heap = new Benchmarks.HeapSampler();
			long start = System.nanoTime();
			TestPipelines.notify(context, lottery.id());
			double fill = (System.nanoTime() - start) / 1e9;
			long written = mongo.count(Query.query(Criteria.where("_id").regex("^draw:" + lottery.id())),
					OutboxMessage.class);
			System.out.printf("Outbox fill: %,d messages written in %.1f s (%,.0f/s)%n", written, fill, written / fill);

			// the dispatcher started with the first messages written; wait for it to
			// finish
			OutboxDispatcher dispatcher = context.getBean(OutboxDispatcher.class);
			while (mongo.exists(Query.query(Criteria.where("status").in(OutboxStatus.PENDING, OutboxStatus.SENDING)),
					OutboxMessage.class)) {
				dispatcher.dispatchDue();
				Thread.sleep(500);
			}
			double total = (System.nanoTime() - start) / 1e9;
			long sent = mongo.count(Query.query(Criteria.where("status").is(OutboxStatus.SENT)), OutboxMessage.class);
			heap.close();
			cleaner.shutdownNow();
			System.out.printf(
					"Dispatch: %,d sent %.1f s after the step began (%,.0f messages/s overall), peak heap %d MiB%n",
					sent, total, sent / total, heap.peakMiB());
		}
	}

}
