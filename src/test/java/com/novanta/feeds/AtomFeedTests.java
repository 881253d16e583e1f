package com.novanta.feeds;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.novanta.game.Game;
import com.novanta.lottery.PastDraw;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A game's Atom feed, written, then read back by a real parser. */
class AtomFeedTests {

	@Test
	void eachDrawIsAnEntryWithItsNumbersAndPrizes() throws Exception {
		List<PastDraw> draws = List.of(FeedFixtures.drawn("2026-12-05", List.of(3, 17, 22, 45, 61, 88)),
				FeedFixtures.settled("2026-12-04", List.of(1, 2, 30, 44, 70, 90)));

		String xml = AtomFeed.write(FeedFixtures.DAILY, draws, FeedFixtures.formats(Locale.ENGLISH),
				FeedFixtures.MESSAGES, FeedFixtures.BASE);
		Feed feed = AtomFeeds.parse(xml);

		assertThat(feed.getTitle()).isEqualTo("Novanta 6/90 results");
		assertThat(AtomFeeds.language(xml)).isEqualTo("en");
		assertThat(feed.getUpdated().toInstant()).isEqualTo(draws.get(0).drawnAt());
		assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
			.contains(Tuple.tuple("self", "https://novanta.example/feeds/daily/atom.xml"));
		assertThat(feed.getAlternateLinks()).extracting(Link::getHref)
			.containsExactly("https://novanta.example/lotteries?game=daily");
		assertThat(feed.getEntries()).hasSize(2);

		Entry newest = feed.getEntries().get(0);
		assertThat(newest.getTitle()).isEqualTo("Novanta 6/90, Saturday 5 December 2026: 3 17 22 45 61 88");
		assertThat(newest.getAlternateLinks().get(0).getHref())
			.isEqualTo("https://novanta.example/lotteries/daily-2026-12-05");
		assertThat(newest.getUpdated().toInstant()).isEqualTo(draws.get(0).drawnAt());
		assertThat(newest.getPublished().toInstant()).isEqualTo(Instant.parse("2026-12-05T23:00:00Z"));
		assertThat(newest.getSummary().getValue())
			.isEqualTo("Winning numbers: 3, 17, 22, 45, 61, 88\nPrizes are known once the draw is settled.");

		Entry settled = feed.getEntries().get(1);
		assertThat(settled.getSummary().getValue())
			.isEqualTo(String.join("\n", "Winning numbers: 1, 2, 30, 44, 70, 90", "6 numbers matched: no winners",
					"5 numbers matched: 1 winner, €50,000.00 each", "4 numbers matched: no winners",
					"3 numbers matched: 12 winners, €25.00 each", "2 numbers matched: 40 winners, €1.00 each",
					"Jackpot not won: €1,234,567.00 rolls over to the next draw"));
	}

	@Test
	void idsAreTheSameWhateverHostServedTheFeed() throws Exception {
		List<PastDraw> draws = List.of(FeedFixtures.settled("2026-12-04", List.of(1, 2, 30, 44, 70, 90)));
		Feed one = AtomFeeds.parse(AtomFeed.write(FeedFixtures.DAILY, draws, FeedFixtures.formats(Locale.ENGLISH),
				FeedFixtures.MESSAGES, "https://novanta.example"));
		Feed other = AtomFeeds.parse(AtomFeed.write(FeedFixtures.DAILY, draws, FeedFixtures.formats(Locale.ITALIAN),
				FeedFixtures.MESSAGES, "http://localhost:8080"));
		assertThat(other.getId()).isEqualTo(one.getId()).startsWith("urn:uuid:");
		assertThat(other.getEntries().get(0).getId()).isEqualTo(one.getEntries().get(0).getId())
			.isEqualTo(AtomFeed.id("lottery:daily-2026-12-04"))
			.isNotEqualTo(one.getId());
	}

	@Test
	void speaksItalianToo() throws Exception {
		String xml = AtomFeed.write(FeedFixtures.DAILY,
				List.of(FeedFixtures.settled("2026-12-04", List.of(1, 2, 30, 44, 70, 90))),
				FeedFixtures.formats(Locale.ITALIAN), FeedFixtures.MESSAGES, FeedFixtures.BASE);
		Feed feed = AtomFeeds.parse(xml);
		assertThat(feed.getTitle()).isEqualTo("Risultati di Novanta 6/90");
		assertThat(AtomFeeds.language(xml)).isEqualTo("it");
		assertThat(feed.getEntries().get(0).getTitle())
			.isEqualTo("Novanta 6/90, venerdì 4 dicembre 2026: 1 2 30 44 70 90");
		assertThat(feed.getEntries().get(0).getSummary().getValue()).contains("Numeri vincenti: 1, 2, 30, 44, 70, 90")
			.containsPattern("3 numeri indovinati: 12 vincitori, 25,00.€ ciascuno");
	}

	@Test
	void aGameWithoutDrawsIsAnEmptyValidFeed() throws Exception {
		Feed feed = AtomFeeds.parse(AtomFeed.write(FeedFixtures.DAILY, List.of(), FeedFixtures.formats(Locale.ENGLISH),
				FeedFixtures.MESSAGES, FeedFixtures.BASE));
		assertThat(feed.getEntries()).isEmpty();
		assertThat(feed.getUpdated().toInstant()).isEqualTo(Instant.EPOCH);
	}

	@Test
	void markupInANameIsEscapedNotWritten() throws Exception {
		Game game = new Game("daily", "D", "<b>Novanta</b> & co", 6, 90, FeedFixtures.DAILY.schedule(), 7, 100,
				FeedFixtures.DAILY.tiers(), 0, 0);
		String xml = AtomFeed.write(game, List.of(), FeedFixtures.formats(Locale.ENGLISH), FeedFixtures.MESSAGES,
				FeedFixtures.BASE);
		assertThat(xml).doesNotContain("<b>");
		assertThat(AtomFeeds.parse(xml).getTitle()).isEqualTo("<b>Novanta</b> & co results");
	}

}
