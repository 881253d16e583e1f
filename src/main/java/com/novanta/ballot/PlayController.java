package com.novanta.ballot;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import com.novanta.account.CurrentAccount;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.game.QuickPick;
import com.novanta.lines.SavedLine;
import com.novanta.lines.SavedLines;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.responsibleplay.PlayStatus;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Filling and submitting ballots. The page is a plain form that works without JavaScript:
 * every button (quick pick, add or remove a line) posts the form and gets the page back.
 * With htmx, the same posts swap only the lines, and ticking a number updates the count
 * at once.
 */
@Controller
class PlayController {

	static final String PLAY_VIEW = "ballot/play";

	static final String LINES_FRAGMENT = "ballot/play :: lines";

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final BallotSubmission submission;

	private final RandomGenerator random;

	private final Clock clock;

	private final PlayRestrictions restrictions;

	private final Allowances allowances;

	private final SavedLines savedLines;

	/** The most lines one submission holds (the form offers no more). */
	private final int maxLines;

	PlayController(Lotteries lotteries, GameCatalog games, BallotSubmission submission, RandomGenerator random,
			Clock clock, PlayRestrictions restrictions, Allowances allowances, BallotProperties properties,
			SavedLines savedLines) {
		this.savedLines = savedLines;
		this.clock = clock;
		this.maxLines = properties.maxLines();
		this.allowances = allowances;
		this.restrictions = restrictions;
		this.lotteries = lotteries;
		this.games = games;
		this.submission = submission;
		this.random = random;
	}

	@GetMapping("/play")
	String choose(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("open", this.lotteries.open());
		addExclusion(me, model);
		return "ballot/choose";
	}

	/**
	 * The play page; {@code numbers} ("3,17,25,44,61,88", from "Feeling lucky?") fill the
	 * first line when they are a valid line of the lottery's game, and are ignored
	 * otherwise. {@code line} (from "My lines") is the id of one of the participant's
	 * saved lines of the game, which fills the first line; any other id is not found.
	 */
	@GetMapping("/play/{lotteryId}")
	String form(@PathVariable String lotteryId, @RequestParam(name = "numbers", required = false) String numbers,
			@RequestParam(name = "line", required = false) String line, @AuthenticationPrincipal CurrentAccount me,
			Model model) {
		Lottery lottery = lottery(lotteryId);
		PlayForm form = PlayForm.fresh();
		PlayForm.parseLine(numbers)
			.filter((numbersLine) -> game(lottery).rules().check(numbersLine).isEmpty())
			.ifPresent((numbersLine) -> form.getLines().get(0).setNumbers(numbersLine));
		if (line != null) {
			form.getLines().get(0).setNumbers(savedLine(me, lottery, line).numbers());
		}
		model.addAttribute("form", form);
		addPlayer(me, lottery, model);
		addSavedLines(me, lottery, model);
		return page(lottery, model);
	}

	/** A button of the form, without JavaScript: the whole page comes back. */
	@PostMapping("/play/{lotteryId}/edit")
	String edit(@PathVariable String lotteryId, @ModelAttribute("form") PlayForm form, BindingResult binding,
			@RequestParam(name = "action", defaultValue = "refresh") List<String> action,
			@AuthenticationPrincipal CurrentAccount me, Model model) {
		Lottery lottery = lottery(lotteryId);
		apply(form, action.get(0), lottery, me);
		addPlayer(me, lottery, model);
		addSavedLines(me, lottery, model);
		return page(lottery, model);
	}

	/** The same, with htmx: only the lines come back. */
	@HxRequest
	@PostMapping("/play/{lotteryId}/edit")
	String editLines(@PathVariable String lotteryId, @ModelAttribute("form") PlayForm form, BindingResult binding,
			@RequestParam(name = "action", defaultValue = "refresh") List<String> action,
			@AuthenticationPrincipal CurrentAccount me, Model model) {
		Lottery lottery = lottery(lotteryId);
		apply(form, action.get(0), lottery, me);
		addPlayer(me, lottery, model);
		addSavedLines(me, lottery, model);
		page(lottery, model);
		return LINES_FRAGMENT;
	}

	/**
	 * A number was ticked or unticked: the line's count and numbers, checked by the
	 * server.
	 */
	@HxRequest
	@PostMapping("/play/{lotteryId}/status")
	String lineStatus(@PathVariable String lotteryId, @ModelAttribute("form") PlayForm form, BindingResult binding,
			@RequestParam int index, @AuthenticationPrincipal CurrentAccount me, Model model) {
		Lottery lottery = lottery(lotteryId);
		addPlayer(me, lottery, model);
		List<PlayForm.LineForm> lines = form.getLines();
		model.addAttribute("line", (index >= 0 && index < lines.size()) ? lines.get(index) : new PlayForm.LineForm());
		model.addAttribute("idx", Math.max(0, Math.min(index, this.maxLines - 1)));
		model.addAttribute("game", game(lottery));
		return "ballot/play :: status-update";
	}

	@PostMapping("/play/{lotteryId}")
	String submit(@PathVariable String lotteryId, @ModelAttribute("form") PlayForm form, BindingResult binding,
			@AuthenticationPrincipal CurrentAccount me, Model model, HttpServletResponse response) {
		Lottery lottery = lottery(lotteryId);
		if (binding.hasErrors()) {
			model.addAttribute("rejection", "play.problem.not-a-number");
			response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
			return page(lottery, model);
		}
		SubmissionResult result = this.submission.submit(new BallotSubmission.Player(me.id(), me.emailVerified()),
				lotteryId, form.numbers(), form.quickPicks(), form.getKey());
		if (result instanceof SubmissionResult.Accepted accepted) {
			return "redirect:/my/ballots/" + accepted.slip().id() + (accepted.repeated() ? "?repeated" : "?accepted");
		}
		SubmissionResult.Rejected rejected = (SubmissionResult.Rejected) result;
		addPlayer(me, lottery, model);
		addSavedLines(me, lottery, model);
		model.addAttribute("rejection", rejected.reason().messageKey());
		model.addAttribute("remaining", rejected.remaining());
		model.addAttribute("lineProblems", rejected.lineProblems());
		response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
		return page(lottery, model);
	}

	private void apply(PlayForm form, String action, Lottery lottery, CurrentAccount me) {
		Game game = game(lottery);
		List<PlayForm.LineForm> lines = form.getLines();
		if (action.startsWith("savedLine:")) {
			putOnTheSlip(lines, savedLine(me, lottery, action.substring("savedLine:".length())));
			return;
		}
		if (action.equals("addLine")) {
			if (lines.size() < this.maxLines) {
				lines.add(new PlayForm.LineForm());
			}
			return;
		}
		int colon = action.indexOf(':');
		if (colon < 0) {
			return;
		}
		int index;
		try {
			index = Integer.parseInt(action.substring(colon + 1));
		}
		catch (NumberFormatException ex) {
			return;
		}
		if (index < 0 || index >= lines.size()) {
			return;
		}
		switch (action.substring(0, colon)) {
			case "quickPick" -> {
				lines.get(index).pickedBySystem(Arrays.stream(QuickPick.pick(game, this.random)).boxed().toList());
			}
			case "clear" -> {
				lines.get(index).setNumbers(List.of());
			}
			case "removeLine" -> {
				if (lines.size() > 1) {
					lines.remove(index);
				}
			}
			default -> {
			}
		}
	}

	/**
	 * A saved line goes on the first empty line of the slip, or on a new line when there
	 * is none and the slip has room; on a full slip of complete lines it replaces the
	 * last.
	 */
	private void putOnTheSlip(List<PlayForm.LineForm> lines, SavedLine saved) {
		PlayForm.LineForm target = lines.stream().filter((line) -> line.sorted().isEmpty()).findFirst().orElse(null);
		if (target == null) {
			if (lines.size() < this.maxLines) {
				target = new PlayForm.LineForm();
				lines.add(target);
			}
			else {
				target = lines.get(lines.size() - 1);
			}
		}
		target.setNumbers(saved.numbers());
		target.setQuickPickNumbers("");
	}

	/**
	 * One of the participant's saved lines of the lottery's game; another participant's
	 * line, or one of another game, is not found, as if it did not exist.
	 */
	private SavedLine savedLine(CurrentAccount me, Lottery lottery, String lineId) {
		return this.savedLines.find((me != null) ? me.id() : null, lineId.strip())
			.filter((saved) -> saved.gameId().equals(lottery.gameId()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * The participant's saved lines of the lottery's game, to put on the slip in one tap.
	 */
	private void addSavedLines(CurrentAccount me, Lottery lottery, Model model) {
		model.addAttribute("savedLines", (me != null) ? this.savedLines.of(me.id(), lottery.gameId()) : List.of());
	}

	private String page(Lottery lottery, Model model) {
		Game game = game(lottery);
		PlayForm form = (PlayForm) model.getAttribute("form");
		if (form != null && form.getLines().isEmpty()) {
			form.getLines().add(new PlayForm.LineForm());
		}
		if (form != null && form.getLines().size() > this.maxLines) {
			form.setLines(new ArrayList<>(form.getLines().subList(0, this.maxLines)));
		}
		model.addAttribute("lottery", lottery);
		model.addAttribute("game", game);
		model.addAttribute("maxLines", this.maxLines);
		model.addAttribute("open", lottery.isOpenAt(this.clock.instant()));
		model.addAttribute("now", this.clock.instant());
		if (!model.containsAttribute("unverified")) {
			model.addAttribute("unverified", false);
		}
		// an unverified participant is told in the page's own alert, with the same button
		model.addAttribute("verifyBanner", false);
		if (!model.containsAttribute("lineProblems")) {
			model.addAttribute("lineProblems", Map.of());
		}
		return PLAY_VIEW;
	}

	/**
	 * Whether the participant may play at all: excluded from play (and until when), or
	 * with an email address still to confirm.
	 */
	private void addExclusion(CurrentAccount me, Model model) {
		model.addAttribute("unverified", me != null && !me.emailVerified());
		if (me != null) {
			PlayStatus play = this.restrictions.status(me.id());
			if (play.excluded()) {
				model.addAttribute("excludedUntil", play.excludedUntil());
			}
		}
	}

	/**
	 * Whether the participant may play in the lottery, and how many more lines: excluded
	 * from play (and until when), an email address still to confirm, or what is left of
	 * their limits and of the limit per lottery.
	 */
	private void addPlayer(CurrentAccount me, Lottery lottery, Model model) {
		model.addAttribute("unverified", me != null && !me.emailVerified());
		if (me == null) {
			return;
		}
		PlayStatus play = this.restrictions.status(me.id());
		if (play.excluded()) {
			model.addAttribute("excludedUntil", play.excludedUntil());
		}
		else if (me.emailVerified()) {
			model.addAttribute("allowance", this.allowances.of(me.id(), play, lottery));
		}
	}

	private Lottery lottery(String lotteryId) {
		Optional<Lottery> lottery = this.lotteries.find(lotteryId);
		return lottery.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private Game game(Lottery lottery) {
		return this.games.get(lottery.gameId());
	}

}
