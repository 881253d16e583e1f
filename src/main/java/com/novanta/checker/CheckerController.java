package com.novanta.checker;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import com.novanta.account.CurrentAccount;
import com.novanta.game.GameCatalog;
import com.novanta.lines.SavedLine;
import com.novanta.lines.SavedLines;
import com.novanta.web.RequestParameters;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public number checker: a game, a line and a period in the address (a GET form, so a
 * result can be shared), and for each past draw what the line would have matched and won.
 * A signed-in participant can pick one of their saved lines instead of typing it
 * ({@code line}, its id: only their own are found; to anyone else the parameter means
 * nothing).
 */
@Controller
class CheckerController {

	static final String VIEW = "checker/show";

	static final String CHECKER_FRAGMENT = "checker/show :: checker";

	static final int PAGE_SIZE = 20;

	private final NumberChecker checker;

	private final GameCatalog games;

	private final Clock clock;

	private final SavedLines savedLines;

	CheckerController(NumberChecker checker, GameCatalog games, Clock clock, SavedLines savedLines) {
		this.savedLines = savedLines;
		this.checker = checker;
		this.games = games;
		this.clock = clock;
	}

	@GetMapping("/checker")
	String show(@RequestParam(required = false) String game, @RequestParam(required = false) String numbers,
			@RequestParam(required = false) String period, @RequestParam(required = false) String page,
			@RequestParam(required = false) String line, @AuthenticationPrincipal CurrentAccount me, Model model,
			HttpServletResponse response) {
		fill(new Asked(game, numbers, period, page, line), me, model, response);
		return VIEW;
	}

	/** With htmx: the form and the results, without the rest of the page. */
	@HxRequest
	@GetMapping("/checker")
	String checker(@RequestParam(required = false) String game, @RequestParam(required = false) String numbers,
			@RequestParam(required = false) String period, @RequestParam(required = false) String page,
			@RequestParam(required = false) String line, @AuthenticationPrincipal CurrentAccount me, Model model,
			HttpServletResponse response) {
		fill(new Asked(game, numbers, period, page, line), me, model, response);
		return CHECKER_FRAGMENT;
	}

	private void fill(Asked asked, CurrentAccount me, Model model, HttpServletResponse response) {
		String game = asked.game();
		String numbers = asked.numbers();
		String page = asked.page();
		List<SavedLine> mine = (me != null) ? this.savedLines.of(me.id()) : List.of();
		boolean unknownLine = false;
		if (me != null && asked.line() != null) {
			// the participant's own line, found among their lines: never anyone else's
			Optional<SavedLine> saved = mine.stream().filter((l) -> l.id().equals(asked.line().strip())).findFirst();
			if (saved.isPresent()) {
				game = saved.get().gameId();
				numbers = String.join(" ", saved.get().numbers().stream().map(String::valueOf).toList());
			}
			else {
				unknownLine = true;
			}
		}
		CheckQuery query = CheckQuery.of(game, numbers, asked.period(), this.games.all(), this.clock);
		if (unknownLine) {
			query = query.withError("line", "checker.line.invalid");
		}
		model.addAttribute("query", query);
		model.addAttribute("savedLines", mine);
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

	/** What the address asks for, as sent. */
	private record Asked(String game, String numbers, String period, String page, String line) {
	}

	/** The page asked for; anything but a small whole number is the first. */
	private static int pageNumber(String page) {
		if (page == null || !page.strip().matches("[0-9]{1,9}")) {
			return 1;
		}
		return Integer.parseInt(page.strip());
	}

}
