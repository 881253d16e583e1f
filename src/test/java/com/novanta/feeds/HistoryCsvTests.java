package com.novanta.feeds;

import java.io.StringReader;
import java.util.List;

import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A game's history as CSV, written, then read back by a strict RFC 4180 parser. */
class HistoryCsvTests {

	static final String[] HEADER = { "lottery", "draw_date", "draw_time_utc", "number_1", "number_2", "number_3",
			"number_4", "number_5", "number_6", "ballots", "jackpot_cents", "rolled_over_cents", "total_prizes_cents",
			"winners_6", "prize_6_cents", "winners_5", "prize_5_cents", "winners_4", "prize_4_cents", "winners_3",
			"prize_3_cents", "winners_2", "prize_2_cents" };

	@Test
	void aHeaderThenOneRowPerDrawOldestFirst() throws Exception {
		String csv = HistoryCsv.write(FeedFixtures.DAILY,
				List.of(FeedFixtures.settled("2026-12-04", List.of(1, 2, 30, 44, 70, 90)),
						FeedFixtures.drawn("2026-12-05", List.of(3, 17, 22, 45, 61, 88))));

		assertThat(csv).contains("\r\n").doesNotContain("\r\n\r\n");
		List<CSVRecord> rows = parse(csv);
		assertThat(rows).hasSize(2);

		CSVRecord settled = rows.get(0);
		assertThat(settled.get("lottery")).isEqualTo("daily-2026-12-04");
		assertThat(settled.get("draw_date")).isEqualTo("2026-12-04");
		assertThat(settled.get("draw_time_utc")).isEqualTo("2026-12-04T23:00:00Z");
		assertThat(List.of(settled.get("number_1"), settled.get("number_2"), settled.get("number_3"),
				settled.get("number_4"), settled.get("number_5"), settled.get("number_6")))
			.containsExactly("1", "2", "30", "44", "70", "90");
		assertThat(settled.get("ballots")).isEqualTo("1234");
		assertThat(settled.get("jackpot_cents")).isEqualTo("123456700");
		assertThat(settled.get("rolled_over_cents")).isEqualTo("123456700");
		assertThat(settled.get("total_prizes_cents")).isEqualTo("5034000");
		assertThat(settled.get("winners_6")).isEqualTo("0");
		assertThat(settled.get("winners_5")).isEqualTo("1");
		assertThat(settled.get("prize_5_cents")).isEqualTo("5000000");
		assertThat(settled.get("winners_3")).isEqualTo("12");
		assertThat(settled.get("prize_3_cents")).isEqualTo("2500");

		CSVRecord drawn = rows.get(1);
		assertThat(drawn.get("lottery")).isEqualTo("daily-2026-12-05");
		assertThat(drawn.get("number_6")).isEqualTo("88");
		assertThat(drawn.get("ballots")).as("not settled yet").isEmpty();
		assertThat(drawn.get("winners_3")).isEmpty();
		assertThat(drawn.get("prize_3_cents")).isEmpty();
	}

	@Test
	void withoutDrawsOnlyTheHeader() throws Exception {
		String csv = HistoryCsv.write(FeedFixtures.DAILY, List.of());
		assertThat(csv).isEqualTo(String.join(",", HEADER) + "\r\n");
		assertThat(parse(csv)).isEmpty();
	}

	@Test
	void theColumnsFollowTheGame() {
		Game five = new Game("saturday", "S", "Sabato 5/50", 5, 50, FeedFixtures.DAILY.schedule(), 14, 200,
				List.of(PrizeTier.jackpot(5), PrizeTier.fixed(4, 10_000)), 0, 0);
		assertThat(HistoryCsv.header(five)).containsExactly("lottery", "draw_date", "draw_time_utc", "number_1",
				"number_2", "number_3", "number_4", "number_5", "ballots", "jackpot_cents", "rolled_over_cents",
				"total_prizes_cents", "winners_5", "prize_5_cents", "winners_4", "prize_4_cents");
	}

	@Test
	void aFieldWithACommaAQuoteOrALineEndIsQuoted() throws Exception {
		assertThat(HistoryCsv.field("plain")).isEqualTo("plain");
		assertThat(HistoryCsv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(HistoryCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(HistoryCsv.field("two\r\nlines")).isEqualTo("\"two\r\nlines\"");
		String row = HistoryCsv.field("a,b") + "," + HistoryCsv.field("say \"hi\"") + "\r\n";
		try (CSVParser parser = CSVParser.parse(new StringReader(row), CSVFormat.RFC4180)) {
			assertThat(parser.getRecords().get(0).values()).containsExactly("a,b", "say \"hi\"");
		}
	}

	/**
	 * The rows after the header, by the header's names; the header must be this game's.
	 */
	static List<CSVRecord> parse(String csv) throws Exception {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (CSVParser parser = CSVParser.parse(new StringReader(csv), format)) {
			assertThat(parser.getHeaderNames()).containsExactly(HEADER);
			List<CSVRecord> records = parser.getRecords();
			for (CSVRecord record : records) {
				assertThat(record.isConsistent()).as("row %d has every column", record.getRecordNumber()).isTrue();
			}
			return records;
		}
	}

}
