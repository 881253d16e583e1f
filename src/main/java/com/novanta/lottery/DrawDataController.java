package com.novanta.lottery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.beacon.RandomnessBeacon;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.PrizeTier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * A lottery's draw data as JSON, for programs that check a draw (the README's
 * {@code verify_draw.py}): what its "Verify this draw" section shows, the game's rules
 * that settle it, and where its public ballots are. Each value appears once it is
 * published; nothing secret or personal ever does.
 */
@Controller
class DrawDataController {

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final RandomnessBeacon beacon;

	DrawDataController(Lotteries lotteries, GameCatalog games, RandomnessBeacon beacon) {
		this.lotteries = lotteries;
		this.games = games;
		this.beacon = beacon;
	}

	@GetMapping(path = "/lotteries/{id}/draw.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> draw(@PathVariable String id) {
		Lottery lottery = this.lotteries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Game game = this.games.get(lottery.gameId());
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("lottery", lottery.id());
		data.put("game", game.id());
		data.put("drawDate", lottery.drawDate().toString());
		data.put("closesAt", lottery.closesAt().toString());
		data.put("status", lottery.status().name());
		data.put("recipe", lottery.recipe());
		data.put("picks", game.picks());
		data.put("max", game.maxNumber());
		data.put("price", game.price());
		data.put("tiers", tiers(game));
		data.put("jackpotStart", game.jackpotSeed());
		data.put("jackpotShare", game.jackpotShare());
		data.put("jackpotCarriedIn", lottery.carriedIn());
		data.put("seedCommitment", lottery.seedCommitment());
		data.put("ballotCount", lottery.ballotCount());
		data.put("ballotDigest", lottery.ballotDigest());
		data.put("digestedAt", (lottery.digestedAt() != null) ? lottery.digestedAt().toString() : null);
		PublicBeacon beacon = PublicBeacon.of(lottery, this.beacon);
		data.put("beacon", (beacon != null) ? beacon.json() : null);
		data.put("seed", lottery.isDrawn() ? lottery.seed() : null);
		data.put("drawOrder", lottery.isDrawn() ? lottery.drawOrder() : null);
		data.put("winningNumbers", lottery.isDrawn() ? lottery.winningNumbers() : null);
		data.put("summary", summary(lottery.summary()));
		boolean leaves = lottery.recipe() >= 2 && lottery.ballotDigest() != null;
		data.put("leaves", leaves ? "/lotteries/" + lottery.id() + "/leaves.txt" : null);
		data.put("ballots", lottery.isDrawn() ? "/lotteries/" + lottery.id() + "/ballots.jsonl" : null);
		return data;
	}

	private static List<Map<String, Object>> tiers(Game game) {
		return game.tiers().stream().map(DrawDataController::tier).toList();
	}

	private static Map<String, Object> tier(PrizeTier tier) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("matches", tier.matches());
		data.put("jackpot", tier.isJackpot());
		data.put("amount", tier.isJackpot() ? null : tier.amount());
		return data;
	}

	/** The published results: counts and amounts only, never who won. */
	private static Map<String, Object> summary(LotterySummary summary) {
		if (summary == null) {
			return null;
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("ballots", summary.ballots());
		data.put("winnersByTier", summary.winnersByTier());
		data.put("prizeByTier", summary.prizeByTier());
		data.put("totalPrizes", summary.totalPrizes());
		data.put("jackpot", summary.jackpot());
		data.put("rolledOver", summary.rolledOver());
		return data;
	}

}
