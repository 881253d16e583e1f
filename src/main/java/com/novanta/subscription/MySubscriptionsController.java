package com.novanta.subscription;

import java.util.List;
import java.util.Optional;

import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import com.novanta.account.Participant;
import com.novanta.ballot.BallotView;
import com.novanta.ballot.MyBallots;
import com.novanta.ballot.PlayForm;
import com.novanta.game.Game;
import com.novanta.game.GameCatalog;
import com.novanta.lines.SavedLine;
import com.novanta.lines.SavedLines;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "My subscriptions": the participant's subscriptions with their placements, and the way
 * to start one, from a receipt, a saved line or the play page's lines: choose the number
 * of draws (or until stopped) and an optional minimum jackpot, review the price, start.
 * Pause, resume and cancel are forms (POST) that reload the page without JavaScript; with
 * htmx only the subscription changed is swapped.
 */
@Controller
class MySubscriptionsController {

	static final String VIEW = "subscription/mine";

	static final String ITEM = "subscription/mine :: item";

	static final String NEW = "subscription/new";

	static final String CONFIRM = "subscription/confirm";

	private final Subscriptions subscriptions;

	private final MySubscriptions mine;

	private final SubscriptionPlacements placements;

	private final GameCatalog games;

	private final Lotteries lotteries;

	private final MyBallots ballots;

	private final SavedLines savedLines;

	private final Accounts accounts;

	MySubscriptionsController(Subscriptions subscriptions, MySubscriptions mine, SubscriptionPlacements placements,
			GameCatalog games, Lotteries lotteries, MyBallots ballots, SavedLines savedLines, Accounts accounts) {
		this.subscriptions = subscriptions;
		this.mine = mine;
		this.placements = placements;
		this.games = games;
		this.lotteries = lotteries;
		this.ballots = ballots;
		this.savedLines = savedLines;
		this.accounts = accounts;
	}

	@GetMapping("/my/subscriptions")
	String list(@AuthenticationPrincipal CurrentAccount me, Model model) {
		model.addAttribute("subscriptions", this.mine.of(me.id()));
		return VIEW;
	}

	/**
	 * A subscription to start from a receipt ({@code slip}: its lines) or a saved line
	 * ({@code line}); anyone else's, or none, is not found.
	 */
	@GetMapping("/my/subscriptions/new")
	String fromReceiptOrLine(@AuthenticationPrincipal CurrentAccount me, @RequestParam(required = false) String slip,
			@RequestParam(required = false) String line, Model model) {
		if (slip != null) {
			BallotView view = this.ballots.find(me.id(), slip.strip())
				.filter((found) -> !found.slip().isTombstone())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			return choose(me, SubscriptionTerms.blank(this.games.get(view.slip().gameId()), view.slip().lines()),
					model);
		}
		if (line != null) {
			SavedLine saved = this.savedLines.find(me.id(), line.strip())
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			return choose(me, SubscriptionTerms.blank(this.games.get(saved.gameId()), List.of(saved.numbers())), model);
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	/**
	 * The play page's lines (its "play these lines for several draws" button): the
	 * complete lines of the slip, for the lottery's game.
	 */
	@PostMapping("/my/subscriptions/new")
	String fromPlayPage(@AuthenticationPrincipal CurrentAccount me, @RequestParam String lottery,
			@ModelAttribute("form") PlayForm form, BindingResult binding, Model model, HttpServletResponse response) {
		Game game = this.lotteries.find(lottery.strip())
			.map(Lottery::gameId)
			.flatMap(this.games::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		List<List<Integer>> lines = binding.hasErrors() ? List.of()
				: form.getLines()
					.stream()
					.map(PlayForm.LineForm::sorted)
					.filter((numbers) -> !numbers.isEmpty() && game.rules().check(numbers).isEmpty())
					.limit(SubscriptionTerms.MAX_LINES)
					.toList();
		model.addAttribute("fromLottery", lottery.strip());
		if (lines.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("noLines", true);
		}
		return choose(me, SubscriptionTerms.blank(game, lines), model);
	}

	/** The summary to confirm: price per draw, draws, total, first draw. */
	@PostMapping("/my/subscriptions/review")
	String review(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("subscription") SubscriptionForm form,
			Model model, HttpServletResponse response) {
		SubscriptionTerms terms = terms(form);
		if (!terms.isValid() || !me.emailVerified()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return choose(me, terms, model);
		}
		model.addAttribute("terms", terms);
		Lottery first = this.placements.nextLotteries().get(terms.game().id());
		model.addAttribute("firstDraw", (first != null) ? first.drawDate() : null);
		return CONFIRM;
	}

	@PostMapping("/my/subscriptions")
	String start(@AuthenticationPrincipal CurrentAccount me, @ModelAttribute("subscription") SubscriptionForm form,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		SubscriptionTerms terms = terms(form);
		Optional<Participant> participant = this.accounts.find(me.id());
		// only a participant who confirmed their address plays: nothing is started
		// otherwise
		if (!terms.isValid() || participant.isEmpty() || !me.emailVerified()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			return choose(me, terms, model);
		}
		SubscriptionPlacements.Started started = this.placements.start(participant.get(), terms);
		redirect.addFlashAttribute("started", started.subscription().id());
		redirect.addFlashAttribute("firstResult", started.result().name());
		redirect.addFlashAttribute("firstDraw", started.firstDraw());
		return "redirect:/my/subscriptions";
	}

	@PostMapping("/my/subscriptions/{id}/{action}")
	String change(@AuthenticationPrincipal CurrentAccount me, @PathVariable String id, @PathVariable String action,
			RedirectAttributes redirect) {
		Subscription changed = apply(me, id, action);
		redirect.addFlashAttribute("changed", changed.id());
		return "redirect:/my/subscriptions";
	}

	/** With htmx: only that subscription comes back, as it is now. */
	@HxRequest
	@PostMapping("/my/subscriptions/{id}/{action}")
	String changeInPlace(@AuthenticationPrincipal CurrentAccount me, @PathVariable String id,
			@PathVariable String action, Model model) {
		Subscription changed = apply(me, id, action);
		model.addAttribute("s", this.mine.view(Optional.of(changed), me.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
		model.addAttribute("changed", changed.id());
		return ITEM;
	}

	/**
	 * Pauses, resumes or cancels one of the participant's subscriptions; another
	 * participant's, an unknown one or an unknown action is not found, and nothing
	 * changes.
	 */
	private Subscription apply(CurrentAccount me, String id, String action) {
		Optional<Subscription> changed = switch (action) {
			case "pause" -> this.subscriptions.pause(me.id(), id);
			case "resume" -> this.subscriptions.resume(me.id(), id);
			case "cancel" -> this.subscriptions.cancel(me.id(), id);
			default -> Optional.empty();
		};
		return changed.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private SubscriptionTerms terms(SubscriptionForm form) {
		return SubscriptionTerms.of(form.game(), form.lines(), form.kind(), form.draws(), form.minJackpot(),
				this.games.all());
	}

	private String choose(CurrentAccount me, SubscriptionTerms terms, Model model) {
		model.addAttribute("terms", terms);
		model.addAttribute("unverified", !me.emailVerified());
		model.addAttribute("minDraws", Subscription.MIN_DRAWS);
		model.addAttribute("maxDraws", Subscription.MAX_DRAWS);
		model.addAttribute("maxLines", SubscriptionTerms.MAX_LINES);
		Lottery first = this.placements.nextLotteries().get(terms.game().id());
		model.addAttribute("firstDraw", (first != null) ? first.drawDate() : null);
		if (!model.containsAttribute("noLines")) {
			// bad lines sent to the form are said next to them; none at all from a page,
			// above
			model.addAttribute("noLines", terms.lines().isEmpty() && terms.errors().isEmpty());
		}
		return NEW;
	}

}
