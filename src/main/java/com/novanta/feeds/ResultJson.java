package com.novanta.feeds;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.game.Game;
import com.novanta.game.PrizeTier;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.lottery.LotterySummary;
import com.novanta.lottery.PastDraw;

/**
 * The open results' JSON, one record per shape of the OpenAPI document
 * ({@code feeds/openapi.json}). Amounts are whole cents of {@value #CURRENCY} (ISO 4217
 * minor units), times ISO-8601 in UTC, dates ISO-8601 in the game's time zone; links are
 * paths on this site. Made only of what a lottery's public page shows: never who played,
 * who won, nor anything of an account.
 */
final class ResultJson {

	static final String CURRENCY = "EUR";

	private ResultJson() {
	}

	/** A game and where its results are. */
	record GameJson(String id, String name, int picks, int maxNumber, long priceCents, String currency,
			Map<String, String> links) {

		static GameJson of(Game game) {
			return new GameJson(game.id(), game.name(), game.picks(), game.maxNumber(), game.price(), CURRENCY,
					gameLinks(game.id()));
		}

	}

	/**
	 * One lottery: its draw, its results once settled, and what checks it.
	 *
	 * @param status {@code OPEN}, {@code CLOSED}, {@code DRAWN} or {@code SETTLED}
	 * @param drawTime when it is drawn by its game's schedule (its close), UTC
	 * @param drawnAt when its numbers were drawn, UTC; {@code null} before
	 * @param winningNumbers ascending; {@code null} before the draw
	 * @param results {@code null} until settled
	 * @param verification {@code null} in archive pages (see the lottery itself)
	 */
	record DrawJson(String lottery, String game, String drawDate, String drawTime, String status, String drawnAt,
			List<Integer> winningNumbers, ResultsJson results, VerificationJson verification,
			Map<String, String> links) {

		static DrawJson of(Lottery lottery, Game game) {
			return new DrawJson(lottery.id(), game.id(), lottery.drawDate().toString(), lottery.closesAt().toString(),
					status(lottery.status()),
					(lottery.isDrawn() && lottery.drawnAt() != null) ? lottery.drawnAt().toString() : null,
					lottery.isDrawn() ? lottery.winningNumbers() : null, ResultsJson.of(lottery.summary(), game),
					VerificationJson.of(lottery), lotteryLinks(lottery.id(), game.id()));
		}

		static DrawJson of(PastDraw draw, Game game) {
			return new DrawJson(draw.lotteryId(), game.id(), draw.drawDate().toString(),
					(draw.closesAt() != null) ? draw.closesAt().toString() : null,
					draw.isSettled() ? "SETTLED" : "DRAWN", (draw.drawnAt() != null) ? draw.drawnAt().toString() : null,
					draw.numbers(), ResultsJson.of(draw.summary(), game), null,
					lotteryLinks(draw.lotteryId(), game.id()));
		}

		private static String status(LotteryStatus status) {
			// emailing the results is the operator's business: settled is settled
			return (status == LotteryStatus.NOTIFIED) ? LotteryStatus.SETTLED.name() : status.name();
		}

	}

	/**
	 * A settled lottery's results: counts and amounts only.
	 *
	 * @param ballots how many ballots took part
	 * @param jackpotCents the jackpot pool drawn for
	 * @param rolledOverCents the jackpot passed on to the game's next lottery, unwon
	 * @param totalPrizesCents every prize together
	 * @param tiers the prize breakdown, most matches first
	 */
	record ResultsJson(String currency, long ballots, long jackpotCents, long rolledOverCents, long totalPrizesCents,
			List<TierJson> tiers) {

		static ResultsJson of(LotterySummary summary, Game game) {
			if (summary == null) {
				return null;
			}
			List<TierJson> tiers = summary.prizeByTier()
				.keySet()
				.stream()
				.map(Integer::valueOf)
				.sorted(Comparator.reverseOrder())
				.map((matches) -> new TierJson(matches, game.tierFor(matches).map(PrizeTier::isJackpot).orElse(false),
						summary.winnersOf(matches), summary.prizeOf(matches)))
				.toList();
			return new ResultsJson(CURRENCY, summary.ballots(), summary.jackpot(), summary.rolledOver(),
					summary.totalPrizes(), tiers);
		}

	}

	/**
	 * One prize tier of a draw.
	 *
	 * @param matches numbers matched
	 * @param jackpot whether its winners share the jackpot pool
	 * @param winners how many winning ballots
	 * @param prizeCents what each winning ballot won
	 */
	record TierJson(int matches, boolean jackpot, long winners, long prizeCents) {

	}

	/**
	 * What lets anyone check the draw, as its public page shows it.
	 *
	 * @param recipe the draw recipe (see the README's "The recipe")
	 * @param seedCommitment SHA-256 of the secret seed, hex, from the start
	 * @param ballotDigest the ballots' digest (Merkle root from recipe 2), from the close
	 * @param seed the seed, hex, once drawn
	 * @param beaconRound the public drand round drawn with (recipe 3)
	 * @param drawData the full draw data ({@code draw.json})
	 */
	record VerificationJson(int recipe, String seedCommitment, String ballotDigest, String seed, Long beaconRound,
			String drawData) {

		static VerificationJson of(Lottery lottery) {
			return new VerificationJson(lottery.recipe(), lottery.seedCommitment(), lottery.ballotDigest(),
					lottery.isDrawn() ? lottery.seed() : null,
					(lottery.beacon() != null) ? lottery.beacon().round() : null,
					"/lotteries/" + lottery.id() + "/draw.json");
		}

	}

	/**
	 * A page of a game's archive, newest draw first.
	 *
	 * @param total how many draws the game has
	 * @param pages how many pages of this size
	 * @param links {@code self}, {@code first}, {@code last}, and {@code prev} and
	 * {@code next} where there is one
	 */
	record ArchiveJson(String game, int page, int size, long total, int pages, List<DrawJson> draws,
			Map<String, String> links) {

	}

	/**
	 * A refusal: the status, its reason and, for bad parameters, a message per parameter.
	 */
	record ErrorJson(int status, String error, String message, Map<String, String> parameters) {

	}

	static Map<String, String> gameLinks(String gameId) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("latest", Api.BASE + "/games/" + gameId + "/latest");
		links.put("draws", Api.BASE + "/games/" + gameId + "/draws");
		links.put("atom", "/feeds/" + gameId + "/atom.xml");
		links.put("csv", "/feeds/" + gameId + "/draws.csv");
		links.put("calendar", "/feeds/" + gameId + "/calendar.ics");
		links.put("html", "/lotteries?game=" + gameId);
		return links;
	}

	private static Map<String, String> lotteryLinks(String lotteryId, String gameId) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", Api.BASE + "/lotteries/" + lotteryId);
		links.put("html", "/lotteries/" + lotteryId);
		links.put("game", Api.BASE + "/games/" + gameId + "/draws");
		return links;
	}

	/** Where the API lives. */
	static final class Api {

		static final String BASE = "/api/v1";

		private Api() {
		}

	}

}
