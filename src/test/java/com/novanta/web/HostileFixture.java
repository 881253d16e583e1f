package com.novanta.web;

import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.ballot.TestSlips;
import com.novanta.lines.TestSavedLines;
import com.novanta.subscription.TestSubscriptions;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseSnapshot;

import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * What the hostile-input tables aim at: a participant with a slip and a saved line,
 * another participant with a slip and a saved line of their own, an unverified
 * participant, an admin, and an open lottery of their own. Made once per application.
 */
final class HostileFixture {

	private static volatile HostileFixture fixture;

	final CurrentAccount participant;

	final CurrentAccount unverified;

	final CurrentAccount other;

	final CurrentAccount admin;

	final Lottery lottery;

	final String mySlip;

	final String otherSlip;

	final String myLine;

	final String otherLine;

	final String mySubscription;

	final String otherSubscription;

	private final ApplicationContext context;

	private HostileFixture(ApplicationContext context) {
		this.context = context;
		TestParticipants participants = new TestParticipants(context);
		this.participant = participants.verified("Hostile Player");
		this.unverified = participants.unverified("Hostile Unverified");
		this.other = participants.verified("Hostile Other");
		this.admin = participants.admin("Hostile Admin");
		this.lottery = new TestLotteries(context).open("daily");
		TestSlips slips = new TestSlips(context);
		this.mySlip = slips.play(this.participant, this.lottery, 1, 2, 3, 4, 5, 6).id();
		this.otherSlip = slips.play(this.other, this.lottery, 7, 8, 9, 10, 11, 12).id();
		TestSavedLines lines = new TestSavedLines(context);
		this.myLine = lines.save(this.participant, "Hostile line", "daily", 1, 2, 3, 4, 5, 6).id();
		this.otherLine = lines.save(this.other, "Other's line", "daily", 7, 8, 9, 10, 11, 12).id();
		TestSubscriptions subscriptions = new TestSubscriptions(context);
		this.mySubscription = subscriptions.start(this.participant, 3, "1 2 3 4 5 6");
		this.otherSubscription = subscriptions.start(this.other, 3, "7 8 9 10 11 12");
	}

	static HostileFixture of(ApplicationContext context) {
		HostileFixture made = fixture;
		if (made == null || made.context != context) {
			synchronized (HostileFixture.class) {
				made = fixture;
				if (made == null || made.context != context) {
					made = new HostileFixture(context);
					fixture = made;
				}
			}
		}
		return made;
	}

	/** What {@code @name} in a table stands for. */
	String reference(String name) {
		return switch (name) {
			case "lottery" -> this.lottery.id();
			case "mySlip" -> this.mySlip;
			case "otherSlip" -> this.otherSlip;
			case "myLine" -> this.myLine;
			case "otherLine" -> this.otherLine;
			case "mySubscription" -> this.mySubscription;
			case "otherSubscription" -> this.otherSubscription;
			// the play page's button that puts a saved line on the slip
			case "myLineAction" -> "savedLine:" + this.myLine;
			case "otherLineAction" -> "savedLine:" + this.otherLine;
			case "participant" -> this.participant.id();
			case "other" -> this.other.id();
			case "admin" -> this.admin.id();
			case "otherEmail" -> this.other.email();
			default -> throw new IllegalArgumentException("No @" + name + " in the fixture");
		};
	}

	/** Signed in as whom the request says, or not at all. */
	RequestPostProcessor as(HostileRequest.Who who) {
		return switch (who) {
			case ANONYMOUS -> (request) -> request;
			case PARTICIPANT -> TestParticipants.signedIn(this.participant);
			case UNVERIFIED -> TestParticipants.signedIn(this.unverified);
			case ADMIN -> TestParticipants.signedIn(this.admin);
		};
	}

	/**
	 * The fixture's accounts take every hostile case's wrong passwords; each case starts
	 * with their sign-in counts cleared, so that its answer is about its own input, not
	 * the lock the cases before it brought about.
	 */
	void forgetPasswordGuesses() {
		this.context.getBean(MongoOperations.class)
			.remove(Query.query(Criteria.where("_id").regex("^email:")), "sign_in_throttle");
	}

	/**
	 * A snapshot of the database, with the fixture's accounts, lottery, slips and
	 * participations in full.
	 */
	DatabaseSnapshot snapshot() {
		MongoOperations mongo = this.context.getBean(MongoOperations.class);
		List<String> accounts = List.of(this.participant.id(), this.unverified.id(), this.other.id(), this.admin.id());
		return DatabaseSnapshot.take(mongo,
				DatabaseSnapshot.documents("accounts", Query.query(Criteria.where("_id").in(accounts))),
				DatabaseSnapshot.document("lotteries", this.lottery.id()),
				DatabaseSnapshot.documents("ballots", Query.query(Criteria.where("lotteryId").is(this.lottery.id()))),
				DatabaseSnapshot.documents("participations",
						Query.query(Criteria.where("lotteryId").is(this.lottery.id()))));
	}

}
