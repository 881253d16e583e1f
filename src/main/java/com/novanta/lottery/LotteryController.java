package com.novanta.lottery;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.novanta.beacon.RandomnessBeacon;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.PrizeTable;
import com.novanta.web.RequestParameters;
import com.novanta.winner.SharedWins;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public lottery pages: every lottery, newest first, and one lottery with its
 * results.
 */
@Controller
class LotteryController {

	static final String LIST_VIEW = "lottery/list";

	static final String SHOW_VIEW = "lottery/show";

	static final String STATUS_FRAGMENT = "lottery/show :: status";

	static final int PAGE_SIZE = 20;

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final SharedWins sharedWins;

	private final RandomnessBeacon beacon;

	private final Clock clock;

	LotteryController(Lotteries lotteries, GameCatalog games, SharedWins sharedWins, RandomnessBeacon beacon,
			Clock clock) {
		this.lotteries = lotteries;
		this.games = games;
		this.sharedWins = sharedWins;
		this.beacon = beacon;
		this.clock = clock;
	}

	@GetMapping("/lotteries")
	String list(@RequestParam(required = false) String game, @RequestParam(required = false) String date,
			@RequestParam(defaultValue = "1") int page, Model model) {
		String gameId = (game != null && this.games.find(game).isPresent()) ? game : null;
		LocalDate drawDate = RequestParameters.date(date);
		if (drawDate != null && gameId != null) {
			Game chosen = this.games.get(gameId);
			if (this.lotteries.find(chosen.lotteryId(drawDate)).isPresent()) {
				return "redirect:/lotteries/" + chosen.lotteryId(drawDate);
			}
		}
		int current = RequestParameters.page(page, PAGE_SIZE);
		long total = this.lotteries.count(gameId, drawDate);
		List<Lottery> found = this.lotteries.page(gameId, drawDate, (current - 1) * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("lotteries", found);
		model.addAttribute("games", this.games.all());
		model.addAttribute("game", gameId);
		model.addAttribute("date", drawDate);
		model.addAttribute("dateInvalid", date != null && !date.isBlank() && drawDate == null);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("now", this.clock.instant());
		// the open results of the game chosen, or of every game (module feeds): links on
		// the page and each game's Atom feed in its head
		model.addAttribute("feedGames",
				(gameId != null) ? List.of(gameId) : this.games.all().stream().map(Game::id).toList());
		return LIST_VIEW;
	}

	@GetMapping("/lotteries/{id}")
	String show(@PathVariable String id, Model model) {
		Lottery lottery = fill(id, model);
		model.addAttribute("beacon", PublicBeacon.of(lottery, this.beacon));
		if (lottery.isSettled()) {
			// only what each winner chose to share
			model.addAttribute("sharedWins", this.sharedWins.ofLottery(id));
			model.addAttribute("sharedWinsTotal", this.sharedWins.countOfLottery(id));
		}
		return SHOW_VIEW;
	}

	/** The status part, which a page polls while the lottery is not drawn yet. */
	@HxRequest
	@GetMapping("/lotteries/{id}")
	String status(@PathVariable String id, Model model) {
		fill(id, model);
		return STATUS_FRAGMENT;
	}

	private Lottery fill(String id, Model model) {
		Lottery lottery = this.lotteries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("lottery", lottery);
		Game game = this.games.get(lottery.gameId());
		model.addAttribute("game", game);
		model.addAttribute("feedGames", List.of(game.id()));
		if (lottery.summary() == null) {
			model.addAttribute("prizes", PrizeTable.of(game));
			model.addAttribute("jackpot", this.lotteries.jackpotNow(lottery, game).orElse(null));
		}
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("open", lottery.isOpenAt(this.clock.instant()));
		return lottery;
	}

}
