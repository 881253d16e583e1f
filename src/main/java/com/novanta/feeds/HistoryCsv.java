package com.novanta.feeds;

import java.util.ArrayList;
import java.util.List;

import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.LotterySummary;
import com.novanta.lottery.PastDraw;

/**
 * A game's history as CSV (RFC 4180: comma-separated, CRLF line ends, a header row, a
 * field quoted when it holds a comma, a quote or a line end, quotes doubled). One row a
 * draw, oldest first: its lottery, draw date, draw time in UTC (ISO-8601), each number,
 * and once settled the ballots, the jackpot and each tier's winners and prize in cents.
 * The columns are the same for every row of a game; a value not known yet is empty.
 */
final class HistoryCsv {

	private static final String CRLF = "\r\n";

	private HistoryCsv() {
	}

	static String write(Game game, List<PastDraw> draws) {
		StringBuilder out = new StringBuilder();
		row(out, header(game));
		for (PastDraw draw : draws) {
			row(out, values(game, draw));
		}
		return out.toString();
	}

	static List<String> header(Game game) {
		List<String> header = new ArrayList<>(List.of("lottery", "draw_date", "draw_time_utc"));
		for (int i = 1; i <= game.picks(); i++) {
			header.add("number_" + i);
		}
		header.addAll(List.of("ballots", "jackpot_cents", "rolled_over_cents", "total_prizes_cents"));
		for (PrizeTier tier : game.tiers()) {
			header.add("winners_" + tier.matches());
			header.add("prize_" + tier.matches() + "_cents");
		}
		return header;
	}

	private static List<String> values(Game game, PastDraw draw) {
		List<String> values = new ArrayList<>();
		values.add(draw.lotteryId());
		values.add(draw.drawDate().toString());
		values.add((draw.closesAt() != null) ? draw.closesAt().toString() : "");
		for (int i = 0; i < game.picks(); i++) {
			values.add((i < draw.numbers().size()) ? String.valueOf(draw.numbers().get(i)) : "");
		}
		LotterySummary summary = draw.summary();
		values.add((summary != null) ? String.valueOf(summary.ballots()) : "");
		values.add((summary != null) ? String.valueOf(summary.jackpot()) : "");
		values.add((summary != null) ? String.valueOf(summary.rolledOver()) : "");
		values.add((summary != null) ? String.valueOf(summary.totalPrizes()) : "");
		for (PrizeTier tier : game.tiers()) {
			boolean known = summary != null && summary.prizeByTier().containsKey(String.valueOf(tier.matches()));
			values.add(known ? String.valueOf(summary.winnersOf(tier.matches())) : "");
			values.add(known ? String.valueOf(summary.prizeOf(tier.matches())) : "");
		}
		return values;
	}

	private static void row(StringBuilder out, List<String> values) {
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(field(values.get(i)));
		}
		out.append(CRLF);
	}

	/** A field as RFC 4180 writes it: quoted, quotes doubled, when it needs to be. */
	static String field(String value) {
		if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
			return value;
		}
		return '"' + value.replace("\"", "\"\"") + '"';
	}

}
