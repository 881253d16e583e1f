package com.novanta.checker;

import java.time.Clock;

import com.novanta.game.GameCatalog;
import com.novanta.web.RequestParameters;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public number checker: a game, a line and a period in the address (a GET form, so a
 * result can be shared), and for each past draw what the line would have matched and won.
 */
@Controller
class CheckerController {

	static final String VIEW = "checker/show";

	static final String CHECKER_FRAGMENT = "checker/show :: checker";

	static final int PAGE_SIZE = 20;

	private final NumberChecker checker;

	private final GameCatalog games;

	private final Clock clock;

	CheckerController(NumberChecker checker, GameCatalog games, Clock clock) {
		this.checker = checker;
		this.games = games;
		this.clock = clock;
	}

	@GetMapping("/checker")
	String show(@RequestParam(required = false) String game, @RequestParam(required = false) String numbers,
			@RequestParam(required = false) String period, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		fill(game, numbers, period, page, model, response);
		return VIEW;
	}

	/** With htmx: the form and the results, without the rest of the page. */
	@HxRequest
	@GetMapping("/checker")
	String checker(@RequestParam(required = false) String game, @RequestParam(required = false) String numbers,
			@RequestParam(required = false) String period, @RequestParam(required = false) String page, Model model,
			HttpServletResponse response) {
		fill(game, numbers, period, page, model, response);
		return CHECKER_FRAGMENT;
	}

	private void fill(String game, String numbers, String period, String page, Model model,
			HttpServletResponse response) {
		CheckQuery query = CheckQuery.of(game, numbers, period, this.games.all(), this.clock);
		model.addAttribute("query", query);
		model.addAttribute("games", this.games.all());
		model.addAttribute("periods", CheckPeriod.values());
		if (!query.isValid()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return;
		}
		if (!query.isReady()) {
			return;
		}
		CheckResult result = this.checker.check(query);
		int pages = result.pages(PAGE_SIZE);
		int current = Math.min(RequestParameters.page(pageNumber(page), PAGE_SIZE), pages);
		model.addAttribute("result", result);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("rows", result.page(current, PAGE_SIZE));
	}

	/** The page asked for; anything but a small whole number is the first. */
	private static int pageNumber(String page) {
		if (page == null || !page.strip().matches("[0-9]{1,9}")) {
			return 1;
		}
		return Integer.parseInt(page.strip());
	}

}
