package com.novanta.admin;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executor;

import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.draw.DrawPipeline;
import com.novanta.game.GameCatalog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import com.novanta.lottery.LotteryStatus;
import com.novanta.web.RequestParameters;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's view of every lottery and its pipeline step, with "draw now" for a lottery
 * whose close instant has passed (never before), and its public beacon round (the
 * override is {@link AdminBeaconController}'s).
 */
@Controller
class AdminLotteriesController {

	static final String LIST_VIEW = "admin/lotteries";

	static final String SHOW_VIEW = "admin/lottery";

	static final int PAGE_SIZE = 25;

	private final Lotteries lotteries;

	private final GameCatalog games;

	private final DrawPipeline pipeline;

	private final AuditLog audit;

	private final Clock clock;

	private final Executor drawExecutor;

	private final BeaconOverride beacon;

	AdminLotteriesController(Lotteries lotteries, GameCatalog games, DrawPipeline pipeline, AuditLog audit, Clock clock,
			@Qualifier("adminDrawExecutor") Executor drawExecutor, BeaconOverride beacon) {
		this.lotteries = lotteries;
		this.games = games;
		this.pipeline = pipeline;
		this.audit = audit;
		this.clock = clock;
		this.drawExecutor = drawExecutor;
		this.beacon = beacon;
	}

	@GetMapping("/admin/lotteries")
	String list(@RequestParam(required = false) String game, @RequestParam(defaultValue = "1") int page, Model model) {
		String gameId = (game != null && this.games.find(game).isPresent()) ? game : null;
		int current = RequestParameters.page(page, PAGE_SIZE);
		long total = this.lotteries.count(gameId, null);
		model.addAttribute("lotteries", this.lotteries.page(gameId, null, (current - 1) * PAGE_SIZE, PAGE_SIZE));
		model.addAttribute("games", this.games.all());
		model.addAttribute("game", gameId);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("now", this.clock.instant());
		return LIST_VIEW;
	}

	@GetMapping("/admin/lotteries/{id}")
	String show(@PathVariable String id, Model model) {
		fill(id, model);
		return SHOW_VIEW;
	}

	/** The pipeline part, polled while a draw runs. */
	@HxRequest
	@GetMapping("/admin/lotteries/{id}")
	String pipeline(@PathVariable String id, Model model) {
		fill(id, model);
		return SHOW_VIEW + " :: pipeline";
	}

	@PostMapping("/admin/lotteries/{id}/draw")
	String drawNow(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			RedirectAttributes redirect) {
		Lottery lottery = find(id);
		if (lottery.closesAt().isAfter(this.clock.instant())) {
			redirect.addFlashAttribute("notice", "admin.draw.tooEarly");
			return "redirect:/admin/lotteries/" + id;
		}
		this.audit.record(new AuditLog.Actor(me.id(), me.email(), request.getRemoteAddr()), AuditAction.ADMIN_DRAW_NOW,
				"lottery", id, Map.of("status", lottery.status()), null);
		this.drawExecutor.execute(() -> this.pipeline.advance(id));
		redirect.addFlashAttribute("notice", "admin.draw.started");
		return "redirect:/admin/lotteries/" + id;
	}

	private void fill(String id, Model model) {
		Lottery lottery = find(id);
		model.addAttribute("lottery", lottery);
		model.addAttribute("game", this.games.get(lottery.gameId()));
		model.addAttribute("now", this.clock.instant());
		model.addAttribute("steps", LotteryStatus.values());
		model.addAttribute("overdue", !lottery.closesAt().isAfter(this.clock.instant()) && !lottery.isSettled());
		model.addAttribute("beacon", this.beacon.panel(lottery).orElse(null));
	}

	private Lottery find(String id) {
		return this.lotteries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
