package com.novanta.ballot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.DatabaseReads;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
import org.bson.BsonDocument;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "My ballots" pages through a participant's slips by their order key: every slip once,
 * newest first, nobody else's, one read of the slips a page.
 */
@IntegrationTest
class MyBallotsPagingIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	CurrentAccount player;

	CurrentAccount other;

	Lottery daily;

	Lottery weekly;

	TestSlips slips;

	@BeforeEach
	void setUp() {
		this.slips = new TestSlips(this.context);
		TestParticipants participants = new TestParticipants(this.context);
		this.player = participants.verified("Ada Lovelace");
		this.other = participants.verified("Charles Babbage");
		TestLotteries lotteries = new TestLotteries(this.context);
		this.daily = lotteries.open("daily");
		this.weekly = lotteries.open("saturday");
	}

	@Test
	void showsEverySlipOnceNewestFirstAndNeverAnotherParticipants() throws Exception {
		List<BallotSlip> mine = new ArrayList<>();
		List<String> theirs = new ArrayList<>();
		for (int i = 0; i < 23; i++) {
			// two lotteries, and several slips in the same instant
			Lottery lottery = (i % 2 == 0) ? this.daily : this.weekly;
			int[] numbers = (lottery == this.daily) ? new int[] { 1, 2, 3, 4, 5, 6 + i }
					: new int[] { 1, 2, 3, 4, 6 + i };
			mine.add(this.slips.play(this.player, lottery, numbers));
			theirs.add(this.slips.play(this.other, lottery, numbers).receipt());
			if (i % 3 == 2) {
				this.clock.advance(Duration.ofMillis(1500));
			}
		}
		List<String> expected = mine.stream()
			.sorted(Comparator.comparing(BallotSlip::submittedAt)
				.thenComparingLong(BallotSlip::slip)
				.reversed()
				.thenComparing(BallotSlip::lotteryId))
			.map(BallotSlip::receipt)
			.toList();

		List<List<String>> pages = pages("/my/ballots");

		assertThat(pages).extracting(List::size).containsExactly(10, 10, 3);
		assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(expected);
		assertThat(pages.stream().flatMap(List::stream)).doesNotContainAnyElementsOf(theirs);
	}

	@Test
	void exactlyTwoPagesEndWithoutALinkToAThird() throws Exception {
		for (int i = 0; i < 20; i++) {
			this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6 + i);
		}
		assertThat(pages("/my/ballots")).extracting(List::size).containsExactly(10, 10);
	}

	@Test
	void pagesThroughOneGameOrOneResultOnly() throws Exception {
		List<String> daily = new ArrayList<>();
		for (int i = 0; i < 12; i++) {
			daily.add(0, this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6 + i).receipt());
			this.slips.play(this.player, this.weekly, 1, 2, 3, 4, 5 + i);
		}
		List<List<String>> pages = pages("/my/ballots?game=daily");
		assertThat(pages).extracting(List::size).containsExactly(10, 2);
		assertThat(pages.stream().flatMap(List::stream).toList()).containsExactlyElementsOf(daily);
		assertThat(pages("/my/ballots?result=pending")).extracting(List::size).containsExactly(10, 10, 4);
	}

	@Test
	void aPageIsOneReadOfItsSlipsInIndexOrderAndOneOfTheirLotteries() throws Exception {
		for (int i = 0; i < 25; i++) {
			if (i % 2 == 0) {
				this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6 + i);
			}
			else {
				this.slips.play(this.player, this.weekly, 1, 2, 3, 4, 5 + i);
			}
		}
		String next = html(get("/my/ballots")).select("#load-more a").attr("href");
		try (DatabaseReads.Recording slips = DatabaseReads.finds("ballots");
				DatabaseReads.Recording lotteries = DatabaseReads.finds("lotteries")) {
			assertThat(html(get(next).header("HX-Request", "true")).select(".slip")).hasSize(10);

			assertThat(slips.commands()).hasSize(1);
			BsonDocument find = slips.commands().get(0);
			// the page and one more, to know if there is a next page, and nothing to sort
			assertThat(find.getNumber("limit").intValue()).isEqualTo(MyBallotsController.PAGE_SIZE + 1);
			assertThat(find.containsKey("sort")).isFalse();
			assertThat(find.getDocument("filter").keySet()).containsExactly(SlipRepository.MINE);
			assertThat(lotteries.commands()).hasSize(1);
		}
	}

	@Test
	void aCursorThatNoPageMadeIsRefused() throws Exception {
		this.mvc.perform(get("/my/ballots").param("cursor", "10").with(signedIn(this.player)))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/my/ballots").param("cursor", "0".repeat(28) + ":x\u0002").with(signedIn(this.player)))
			.andExpect(status().isBadRequest());
	}

	@Test
	void slipsStoredBeforeTheOrderKeyAreGivenItOnce() throws Exception {
		BallotSlip old = this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6);
		MongoOperations mongo = this.context.getBean(MongoOperations.class);
		mongo.updateFirst(Query.query(Criteria.where("_id").is(old.id())), new Update().unset(SlipRepository.MINE),
				BallotSlip.class);
		assertThat(pages("/my/ballots")).isEqualTo(List.of(List.of()));

		mongo.remove(Query.query(Criteria.where("_id").is(MineKeysBackfill.MARKER)), "migrations");
		MineKeysBackfill backfill = this.context.getBean(MineKeysBackfill.class);
		// (and any other test's slips stored without it)
		assertThat(backfill.run()).isPositive();
		assertThat(pages("/my/ballots")).containsExactly(List.of(old.receipt()));
		// and only once a database
		mongo.updateFirst(Query.query(Criteria.where("_id").is(old.id())), new Update().unset(SlipRepository.MINE),
				BallotSlip.class);
		assertThat(backfill.run()).isZero();
	}

	/** The receipts of each page, following "Show more" (with htmx after the first). */
	private List<List<String>> pages(String url) throws Exception {
		List<List<String>> pages = new ArrayList<>();
		Document page = html(get(url));
		while (true) {
			pages.add(page.select(".slip .receipt a").eachText());
			String next = page.select("#load-more a").attr("href");
			if (next.isEmpty()) {
				return pages;
			}
			assertThat(pages).hasSizeLessThan(10);
			page = html(get(next).header("HX-Request", "true"));
		}
	}

	private Document html(MockHttpServletRequestBuilder request) throws Exception {
		return Html.parse(this.mvc.perform(request.with(signedIn(this.player))).andExpect(status().isOk()));
	}

}
