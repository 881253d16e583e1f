package com.novanta.lottery;

import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.PrizeTable;
import com.novanta.game.QuickPick;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

@Controller
class HomeController {

	static final String HOME_VIEW = "lottery/home";

	private final RandomGenerator random;

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final Clock clock;

	HomeController(RandomGenerator random, Lotteries lotteries, GameCatalog games, Clock clock) {
		this.random = random;
		this.lotteries = lotteries;
		this.games = games;
		this.clock = clock;
	}

	/**
	 * The next draw first (its jackpot, prizes and odds), the other open lotteries, and
	 * the latest results.
	 */
	@ModelAttribute
	void lotteries(Model model) {
		List<Lottery> open = this.lotteries.open();
		// "Feeling lucky?" picks for the next draw's game, else for the main one
		Game luckyGame = this.games.all().get(0);
		if (!open.isEmpty()) {
			Lottery next = open.get(0);
			Game game = this.games.get(next.gameId());
			model.addAttribute("next", next);
			model.addAttribute("nextGame", game);
			model.addAttribute("nextPrizes", PrizeTable.of(game));
			luckyGame = game;
		}
		model.addAttribute("luckyGame", luckyGame);
		model.addAttribute("others", open.stream().skip(1).toList());
		model.addAttribute("jackpots", jackpots(open));
		model.addAttribute("latestResults", this.lotteries.latestResults(4));
		model.addAttribute("now", this.clock.instant());
	}

	/**
	 * The jackpot of the next lottery of each game: a later one's is not known before the
	 * ones before it are drawn.
	 */
	private Map<String, Long> jackpots(List<Lottery> open) {
		Map<String, Long> jackpots = new HashMap<>();
		Set<String> seen = new HashSet<>();
		for (Lottery lottery : open) {
			if (seen.add(lottery.gameId())) {
				this.games.find(lottery.gameId())
					.flatMap((game) -> this.lotteries.jackpotNow(lottery, game))
					.ifPresent((amount) -> jackpots.put(lottery.id(), amount));
			}
		}
		return jackpots;
	}

	@GetMapping("/")
	String home() {
		return HOME_VIEW;
	}

	/**
	 * "Feeling lucky?": numbers for the next draw's game, to play there in one tap, as a
	 * whole page without JavaScript.
	 */
	@PostMapping("/lucky-numbers")
	String luckyNumbers(Model model) {
		pickLuckyNumbers(model);
		return HOME_VIEW;
	}

	/** The same, as the fragment htmx swaps into the home page. */
	@HxRequest
	@PostMapping("/lucky-numbers")
	String luckyNumbersFragment(Model model) {
		pickLuckyNumbers(model);
		return HOME_VIEW + " :: lucky-numbers";
	}

	private void pickLuckyNumbers(Model model) {
		int[] numbers = QuickPick.pick((Game) model.getAttribute("luckyGame"), this.random);
		model.addAttribute("luckyNumbers", numbers);
		model.addAttribute("luckyLine",
				Arrays.stream(numbers).mapToObj(String::valueOf).collect(Collectors.joining(",")));
	}

}
