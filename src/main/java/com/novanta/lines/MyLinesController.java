package com.novanta.lines;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.novanta.account.CurrentAccount;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.TypedLine;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My lines": the participant's saved lines, a form to save one more, and a button to
 * delete each (a deleted line can be saved again at once: the page offers to undo).
 * Without JavaScript each button posts and the page comes back; with htmx only the lines
 * part is swapped.
 */
@Controller
class MyLinesController {

	static final String VIEW = "lines/mine";

	static final String FRAGMENT = "lines/mine :: lines";

	private final SavedLines savedLines;

	private final GameCatalog games;

	private final Lotteries lotteries;

	MyLinesController(SavedLines savedLines, GameCatalog games, Lotteries lotteries) {
		this.savedLines = savedLines;
		this.games = games;
		this.lotteries = lotteries;
	}

	/**
	 * The page; {@code game} and {@code numbers} (from "Save this line" on the play page)
	 * fill the form in, to be named.
	 */
	@GetMapping("/my/lines")
	String show(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String game,
			@RequestParam(required = false) String numbers, Model model) {
		Game chosen = this.games.all()
			.stream()
			.filter((g) -> g.id().equals(game))
			.findFirst()
			.orElse(this.games.all().get(0));
		String typed = (numbers != null && numbers.length() <= LineEntry.MAX_TYPED) ? numbers : "";
		fill(me, LineEntry.blank(chosen, TypedLine.parse(typed).isPresent() ? typed.replace(',', ' ') : ""), model);
		return VIEW;
	}

	@PostMapping("/my/lines")
	String save(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") SaveLineForm form, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		LineEntry entry = LineEntry.of(form.name(), form.game(), form.numbers(), this.games.all());
		String problem = save(me, entry, model);
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			fill(me, entry, model);
			return VIEW;
		}
		redirect.addFlashAttribute("saved", entry.name());
		return "redirect:/my/lines";
	}

	/** With htmx: the lines part, with the line saved or the form's messages. */
	@HxRequest
	@PostMapping("/my/lines")
	String saveInPlace(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("form") SaveLineForm form,
			Model model, HttpServletResponse response) {
		LineEntry entry = LineEntry.of(form.name(), form.game(), form.numbers(), this.games.all());
		String problem = save(me, entry, model);
		if (problem != null) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			fill(me, entry, model);
		}
		else {
			model.addAttribute("saved", entry.name());
			fill(me, LineEntry.blank(entry.game(), ""), model);
		}
		return FRAGMENT;
	}

	@PostMapping("/my/lines/{lineId}/delete")
	String delete(@AuthenticationPrincipal CurrentAccount me, @PathVariable String lineId,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute("deleted", deleteOwn(me, lineId));
		return "redirect:/my/lines";
	}

	/** With htmx: the lines part, saying which line was deleted, with its undo button. */
	@HxRequest
	@PostMapping("/my/lines/{lineId}/delete")
	String deleteInPlace(@AuthenticationPrincipal CurrentAccount me, @PathVariable String lineId, Model model) {
		model.addAttribute("deleted", deleteOwn(me, lineId));
		fill(me, LineEntry.blank(this.games.all().get(0), ""), model);
		return FRAGMENT;
	}

	/** Saves a valid entry; otherwise, or when it cannot be saved, says why. */
	private String save(CurrentAccount me, LineEntry entry, Model model) {
		if (!entry.isValid()) {
			return "invalid";
		}
		SavedLines.Saved saved = this.savedLines.save(me.id(), entry);
		return switch (saved.outcome()) {
			case SAVED -> null;
			case NAME_TAKEN -> {
				model.addAttribute("nameTaken", true);
				yield "taken";
			}
			case FULL -> {
				model.addAttribute("full", true);
				yield "full";
			}
		};
	}

	private SavedLine deleteOwn(CurrentAccount me, String lineId) {
		// another participant's line is "not found", as if it did not exist
		return this.savedLines.delete(me.id(), lineId)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private void fill(CurrentAccount me, LineEntry entry, Model model) {
		List<SavedLine> lines = this.savedLines.of(me.id());
		// where each game's lines can be played: its lottery that closes first
		Map<String, String> toPlay = new LinkedHashMap<>();
		for (Lottery lottery : this.lotteries.open()) {
			toPlay.putIfAbsent(lottery.gameId(), lottery.id());
		}
		model.addAttribute("entry", entry);
		model.addAttribute("lines", lines);
		model.addAttribute("games", this.games.all());
		model.addAttribute("toPlay", toPlay);
		model.addAttribute("maxLines", SavedLines.MAX_LINES);
		model.addAttribute("maxName", LineEntry.MAX_NAME);
		if (!model.containsAttribute("full")) {
			model.addAttribute("full", lines.size() >= SavedLines.MAX_LINES);
		}
		if (!model.containsAttribute("nameTaken")) {
			model.addAttribute("nameTaken", false);
		}
	}

}
