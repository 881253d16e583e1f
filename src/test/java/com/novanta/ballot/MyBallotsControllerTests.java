package com.novanta.ballot;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

import com.novanta.account.CurrentAccount;
import com.novanta.account.TestParticipants;
import com.novanta.draw.DrawPipeline;
import com.novanta.fairness.BallotTree;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.TestLotteries;
import com.novanta.testing.Ed25519;
import com.novanta.testing.Html;
import com.novanta.testing.IntegrationTest;
import com.novanta.testing.MutableClock;
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

import static com.novanta.account.TestParticipants.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class MyBallotsControllerTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	MutableClock clock;

	CurrentAccount player;

	Lottery daily;

	Lottery weekly;

	TestSlips slips;

	@BeforeEach
	void setUp() {
		this.slips = new TestSlips(this.context);
		this.player = new TestParticipants(this.context).verified("Hedy Lamarr");
		TestLotteries lotteries = new TestLotteries(this.context);
		this.daily = lotteries.open("daily");
		this.weekly = lotteries.open("saturday");
	}

	@Test
	void listsTheParticipantsOwnSlipsNewestFirst() throws Exception {
		BallotSlip first = this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6);
		this.clock.advance(Duration.ofSeconds(1));
		BallotSlip second = this.slips.play(this.player, this.weekly, 1, 2, 3, 4, 5);
		CurrentAccount other = new TestParticipants(this.context).verified("Someone Else");
		this.slips.play(other, this.daily, 7, 8, 9, 10, 11, 12);

		Document page = Html
			.parse(this.mvc.perform(get("/my/ballots").with(signedIn(this.player))).andExpect(status().isOk()));
		assertThat(page.select(".slip .receipt a").eachText()).containsExactly(second.receipt(), first.receipt());
		assertThat(page.select(".slip").text()).contains("Waiting for the draw");
	}

	@Test
	void filtersByGameAndDrawDate() throws Exception {
		BallotSlip daily = this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6);
		this.clock.advance(Duration.ofSeconds(1));
		BallotSlip weekly = this.slips.play(this.player, this.weekly, 1, 2, 3, 4, 5);
		assertThat(receipts("/my/ballots?game=daily")).containsExactly(daily.receipt());
		assertThat(receipts("/my/ballots?game=saturday")).containsExactly(weekly.receipt());
		assertThat(receipts("/my/ballots?date=" + this.weekly.drawDate())).contains(weekly.receipt())
			.doesNotContain(this.daily.drawDate().equals(this.weekly.drawDate()) ? "" : daily.receipt());
		assertThat(receipts("/my/ballots?result=pending")).containsExactly(weekly.receipt(), daily.receipt());
		assertThat(receipts("/my/ballots?result=won")).isEmpty();
	}

	@Test
	void pagesWithALoadMoreLinkThatHtmxAppends() throws Exception {
		for (int i = 0; i < 12; i++) {
			this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6 + i);
		}
		Document first = Html.parse(this.mvc.perform(get("/my/ballots").with(signedIn(this.player))));
		assertThat(first.select(".slip")).hasSize(10);
		String next = first.select("#load-more a").attr("href");
		// the order key of the last slip shown
		assertThat(next).containsPattern("cursor=\\d{28}");
		String fragment = this.mvc.perform(get(next).header("HX-Request", "true").with(signedIn(this.player)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html");
		assertThat(Html.parse(fragment).select(".slip")).hasSize(2);
		assertThat(Html.parse(fragment).select("#load-more")).isEmpty();
	}

	@Test
	void exactlyOnePageHasNoLoadMoreLinkAndOneSlipMoreHasOne() throws Exception {
		for (int i = 0; i < 10; i++) {
			this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6 + i);
		}
		Document full = Html.parse(this.mvc.perform(get("/my/ballots").with(signedIn(this.player))));
		assertThat(full.select(".slip")).hasSize(10);
		assertThat(full.select("#load-more")).isEmpty();

		this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 60);
		Document more = Html.parse(this.mvc.perform(get("/my/ballots").with(signedIn(this.player))));
		assertThat(more.select(".slip")).hasSize(10);
		Document last = Html
			.parse(this.mvc.perform(get(more.select("#load-more a").attr("href")).header("HX-Request", "true")
				.with(signedIn(this.player))));
		assertThat(last.select(".slip")).hasSize(1);
		assertThat(last.select("#load-more")).isEmpty();
	}

	@Test
	void anotherParticipantsSlipIsNotFound() throws Exception {
		CurrentAccount other = new TestParticipants(this.context).verified("Someone Else");
		BallotSlip theirs = this.slips.play(other, this.daily, 7, 8, 9, 10, 11, 12);
		this.mvc.perform(get("/my/ballots/{id}", theirs.id()).with(signedIn(this.player)))
			.andExpect(status().isNotFound());
		this.mvc.perform(get("/my/ballots/{id}", theirs.id()).with(signedIn(other))).andExpect(status().isOk());
		this.mvc.perform(get("/my/ballots/{id}", "daily-2026-01-01:999999").with(signedIn(this.player)))
			.andExpect(status().isNotFound());
	}

	@Test
	void theSlipShowsEachBallotsFingerprintThenItsProofOfInclusionOnceTheLotteryCloses() throws Exception {
		BallotSlip mine = this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6);
		this.slips.play(new TestParticipants(this.context).verified("Someone Else"), this.daily, 7, 8, 9, 10, 11, 12);
		this.slips.play(this.player, this.daily, 13, 14, 15, 16, 17, 18);

		Document before = slipPage(mine);
		assertThat(before.select("#proof .hash").eachText()).contains(this.daily.seedCommitment(), mine.leafHash(0));
		assertThat(before.select("#proof details")).isEmpty();
		Document list = Html
			.parse(this.mvc.perform(get("/my/ballots").with(signedIn(this.player))).andExpect(status().isOk()));
		assertThat(list.select(".slip .fingerprint .hash").eachText()).contains(mine.leafHash(0));

		this.clock.freezeAt(this.daily.closesAt());
		this.context.getBean(DrawPipeline.class).advance(this.daily.id());
		Lottery drawn = new TestLotteries(this.context).reload(this.daily);

		Document after = slipPage(mine);
		assertThat(after.select("#proof summary").text()).isEqualTo("In the draw: ballot 1 of 3 (proof checked)");
		List<String> hashes = after.select("#proof details .hash").eachText();
		assertThat(hashes.get(0)).isEqualTo(drawn.ballotDigest());
		List<byte[]> path = hashes.subList(1, hashes.size()).stream().map(HexFormat.of()::parseHex).toList();
		assertThat(path).hasSize(2);
		assertThat(BallotTree.verify(HexFormat.of().parseHex(mine.leafHash(0)), 0, 3, path,
				HexFormat.of().parseHex(drawn.ballotDigest())))
			.isTrue();

		// a ballot changed after the close no longer leads to the published digest
		this.context.getBean(MongoOperations.class)
			.updateFirst(Query.query(Criteria.where("_id").is(mine.id())),
					new Update().set("lines", List.of(List.of(1, 2, 3, 4, 5, 7))), BallotSlip.class);
		this.context.getBean(BallotProofs.class).forget(this.daily.id());
		assertThat(slipPage(mine).select("#proof summary").text())
			.isEqualTo("The proof does not lead to the published digest");
	}

	@Test
	void theReceiptIsSignedWithTheKeyTheSitePublishes() throws Exception {
		BallotSlip mine = this.slips.play(this.player, this.daily, 1, 2, 3, 4, 5, 6);
		BallotSlip stored = this.context.getBean(MongoOperations.class).findById(mine.id(), BallotSlip.class);
		String key = this.mvc.perform(get("/fairness/receipt-key"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.strip();
		assertThat(key).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");

		Document page = slipPage(mine);
		String statement = page.select("#proof pre code").first().wholeText();
		assertThat(statement).isEqualTo(ReceiptSigner.statement(stored, this.daily.seedCommitment()));
		String signature = page.select("#proof .proof-receipt .hash").first().text();
		assertThat(signature).isEqualTo(stored.signature());
		assertThat(Ed25519.verify(key, statement, signature)).isTrue();
		assertThat(Ed25519.verify(key, statement.replace("slip 1", "slip 2"), signature)).isFalse();

		String file = this.mvc.perform(get("/my/ballots/{id}/receipt.txt", mine.id()).with(signedIn(this.player)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(file).isEqualTo(statement + "signature " + signature + "\nkey " + key + "\n");
		CurrentAccount other = new TestParticipants(this.context).verified("Someone Else");
		this.mvc.perform(get("/my/ballots/{id}/receipt.txt", mine.id()).with(signedIn(other)))
			.andExpect(status().isNotFound());
	}

	private Document slipPage(BallotSlip slip) throws Exception {
		return Html.parse(this.mvc.perform(get("/my/ballots/{id}", slip.id()).with(signedIn(this.player)))
			.andExpect(status().isOk()));
	}

	private List<String> receipts(String url) throws Exception {
		return Html.parse(this.mvc.perform(get(url).with(signedIn(this.player))).andExpect(status().isOk()))
			.select(".slip .receipt a")
			.eachText();
	}

}
