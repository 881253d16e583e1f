package com.novanta.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.ballot.BallotLedger;
import com.novanta.ballot.BallotSlip;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.NumberSet;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotterySteps;
import com.novanta.notification.MailModelProvider;
import com.novanta.winner.Winner;
import com.novanta.winner.Winners;

import org.springframework.stereotype.Component;

/**
 * What the result emails show, read when they are sent: the lottery, the ballots, the
 * prizes. A participant's winning lines come first, largest prize first; the lines
 * without a win follow when they are few, else only their number.
 */
@Component
class DrawResultModel implements MailModelProvider {

	/** Lines without a win listed one by one; beyond this many they are only counted. */
	static final int LISTED_OTHERS = 3;

	private final LotterySteps steps;

	private final GameCatalog games;

	private final BallotLedger ledger;

	private final Winners winners;

	private volatile Lottery last;

	DrawResultModel(LotterySteps steps, GameCatalog games, BallotLedger ledger, Winners winners) {
		this.steps = steps;
		this.games = games;
		this.ledger = ledger;
		this.winners = winners;
	}

	@Override
	public boolean supports(String template) {
		return template.startsWith("draw/");
	}

	@Override
	public Map<String, Object> provide(String template, Map<String, Object> model) {
		Lottery lottery = lottery((String) model.get("lotteryId"));
		Game game = this.games.get(lottery.gameId());
		Map<String, Object> values = new HashMap<>();
		values.put("gameId", game.id());
		values.put("gameName", game.name());
		values.put("drawDate", lottery.drawDate());
		values.put("winningNumbers", lottery.winningNumbers());
		values.put("lotteryPath", "/lotteries/" + lottery.id());
		values.put("summary", lottery.summary());
		values.put("tiers", game.tiers());
		values.put("picks", game.picks());
		values.put("subjectArgs", List.of(game.name(), lottery.drawDate()));
		if (template.equals("draw/result")) {
			List<Map<String, Object>> lines = lines(lottery, game, (String) model.get("accountId"));
			List<Map<String, Object>> wins = lines.stream()
				.filter((line) -> line.get("tier") != null)
				.sorted(Comparator.comparing((Map<String, Object> line) -> prize(line)).reversed())
				.toList();
			List<Map<String, Object>> others = lines.stream().filter((line) -> line.get("tier") == null).toList();
			values.put("wins", wins);
			// a few lines without a win are shown; more would bury the wins
			values.put("others", (others.size() <= LISTED_OTHERS) ? others : List.of());
			values.put("otherCount", others.size());
			values.put("othersSummarized", others.size() > LISTED_OTHERS);
		}
		else {
			values.put("largest",
					this.winners.ofLottery(lottery.id())
						.stream()
						.sorted(Comparator.comparing((Winner w) -> (w.prize() != null) ? w.prize() : 0L).reversed())
						.limit(5)
						.toList());
		}
		return values;
	}

	private static long prize(Map<String, Object> line) {
		return (line.get("prize") instanceof Long prize) ? prize : 0L;
	}

	/** The lottery being notified: thousands of emails in a row name the same one. */
	private Lottery lottery(String lotteryId) {
		Lottery cached = this.last;
		if (cached != null && cached.id().equals(lotteryId) && cached.summary() != null) {
			return cached;
		}
		Lottery lottery = this.steps.find(lotteryId).orElseThrow();
		this.last = lottery;
		return lottery;
	}

	private List<Map<String, Object>> lines(Lottery lottery, Game game, String accountId) {
		NumberSet winning = NumberSet.of(lottery.winningNumbers().stream().mapToInt(Integer::intValue).toArray());
		Map<String, Winner> won = new HashMap<>();
		for (Winner winner : this.winners.ofAccountInLottery(accountId, lottery.id())) {
			won.put(winner.id(), winner);
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (BallotSlip slip : this.ledger.slipsOf(lottery.id(), accountId)) {
			for (int i = 0; i < slip.lines().size(); i++) {
				NumberSet ballot = NumberSet.of(slip.numbers(i));
				Winner winner = won.get(Winner.id(slip.id(), i));
				Map<String, Object> line = new LinkedHashMap<>();
				line.put("receipt", slip.receipt());
				line.put("slipPath", "/my/ballots/" + slip.id() + "#proof");
				line.put("leafHash", slip.leafHash(i));
				line.put("line", i + 1);
				line.put("numbers", slip.lines().get(i));
				line.put("matched", Arrays.stream(ballot.common(winning)).boxed().toList());
				line.put("tier", (winner != null) ? winner.tier() : null);
				line.put("prize", (winner != null) ? winner.prize() : null);
				lines.add(line);
			}
		}
		return lines;
	}

}
