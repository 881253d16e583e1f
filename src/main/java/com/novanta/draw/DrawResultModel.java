package com.novanta.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

	/** A participant's result email. */
	private static final String RESULT = "draw/result";

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
		if (!template.equals(RESULT)) {
			return values(template, lottery, List.of(), List.of());
		}
		String accountId = (String) model.get("accountId");
		return values(template, lottery, this.ledger.slipsOf(lottery.id(), accountId),
				this.winners.ofAccountInLottery(accountId, lottery.id()));
	}

	/**
	 * A batch of result emails reads its participants' slips and wins in two queries a
	 * lottery, not two an email.
	 */
	@Override
	public List<Map<String, Object>> provideAll(String template, List<Map<String, Object>> models) {
		if (!template.equals(RESULT)) {
			return MailModelProvider.super.provideAll(template, models);
		}
		Map<String, Set<String>> accountsByLottery = new HashMap<>();
		for (Map<String, Object> model : models) {
			accountsByLottery.computeIfAbsent((String) model.get("lotteryId"), (id) -> new LinkedHashSet<>())
				.add((String) model.get("accountId"));
		}
		Map<String, Map<String, List<BallotSlip>>> slips = new HashMap<>();
		Map<String, Map<String, List<Winner>>> wins = new HashMap<>();
		accountsByLottery.forEach((lotteryId, accounts) -> {
			slips.put(lotteryId, this.ledger.slipsOf(lotteryId, accounts));
			wins.put(lotteryId, this.winners.ofAccountsInLottery(accounts, lotteryId));
		});
		List<Map<String, Object>> values = new ArrayList<>(models.size());
		for (Map<String, Object> model : models) {
			String lotteryId = (String) model.get("lotteryId");
			String accountId = (String) model.get("accountId");
			values.add(values(template, lottery(lotteryId), slips.get(lotteryId).getOrDefault(accountId, List.of()),
					wins.get(lotteryId).getOrDefault(accountId, List.of())));
		}
		return values;
	}

	/**
	 * The values of one email, given the participant's slips in the lottery and their
	 * winning ballots (both empty but for a result email).
	 */
	private Map<String, Object> values(String template, Lottery lottery, List<BallotSlip> slips, List<Winner> won) {
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
		if (template.equals(RESULT)) {
			List<Map<String, Object>> lines = lines(lottery, slips, won);
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

	private static List<Map<String, Object>> lines(Lottery lottery, List<BallotSlip> slips, List<Winner> wins) {
		NumberSet winning = NumberSet.of(lottery.winningNumbers().stream().mapToInt(Integer::intValue).toArray());
		Map<String, Winner> won = new HashMap<>();
		for (Winner winner : wins) {
			won.put(winner.id(), winner);
		}
		List<Map<String, Object>> lines = new ArrayList<>();
		for (BallotSlip slip : slips) {
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
