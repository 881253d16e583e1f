package com.novanta.statistics;

import java.util.List;

import java.time.Clock;

import com.novanta.game.GameCatalog;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public statistics page: per game and period, how often each number was drawn, as a
 * chart and a table.
 */
@Controller
class StatisticsController {

	static final String VIEW = "statistics/show";

	static final String EXPLORER_FRAGMENT = "statistics/show :: explorer";

	private final DrawStatistics statistics;

	private final GameCatalog games;

	private final Clock clock;

	StatisticsController(DrawStatistics statistics, GameCatalog games, Clock clock) {
		this.statistics = statistics;
		this.games = games;
		this.clock = clock;
	}

	@GetMapping("/statistics")
	String show(@RequestParam(required = false) String game, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response) {
		fill(game, period, from, to, model, response);
		return VIEW;
	}

	/** With htmx: the form and the results, without the rest of the page. */
	@HxRequest
	@GetMapping("/statistics")
	String explorer(@RequestParam(required = false) String game, @RequestParam(required = false) String period,
			@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response) {
		fill(game, period, from, to, model, response);
		return EXPLORER_FRAGMENT;
	}

	private void fill(String game, String period, String from, String to, Model model, HttpServletResponse response) {
		StatisticsQuery query = StatisticsQuery.of(game, period, from, to, this.games.all(), this.clock);
		model.addAttribute("query", query);
		model.addAttribute("games", this.games.all());
		// the game's Atom feed, announced in the page's head (module feeds)
		model.addAttribute("feedGames", List.of(query.game().id()));
		model.addAttribute("periods", Period.values());
		model.addAttribute("from", (from != null) ? from.trim() : null);
		model.addAttribute("to", (to != null) ? to.trim() : null);
		if (!query.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return;
		}
		NumberStatistics statistics = this.statistics.of(query);
		model.addAttribute("stats", statistics);
		model.addAttribute("chart", FrequencyChart.of(statistics));
	}

}
