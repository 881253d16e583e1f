package com.novanta.winner;

import java.util.List;

import com.novanta.account.Participant;
import com.novanta.account.Accounts;
import com.novanta.account.CurrentAccount;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;

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
 * "My wins": the signed-in participant's wins, newest first, each with their choice of
 * what the public may know about it.
 */
@Controller
class MyWinsController {

	static final String LIST_VIEW = "winner/mine";

	static final String STATUS_FRAGMENT = "winner/mine :: publicity-status";

	static final int PAGE_SIZE = 20;

	private final MyWins myWins;

	private final WinPublicity publicity;

	private final Accounts accounts;

	MyWinsController(MyWins myWins, WinPublicity publicity, Accounts accounts) {
		this.myWins = myWins;
		this.publicity = publicity;
		this.accounts = accounts;
	}

	@GetMapping("/my/wins")
	String list(@AuthenticationPrincipal CurrentAccount me, @RequestParam(defaultValue = "1") int page, Model model) {
		long total = this.myWins.count(me.id());
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.min(Math.max(1, page), pages);
		List<MyWin> wins = this.myWins.page(me.id(), (current - 1) * PAGE_SIZE, PAGE_SIZE)
			.stream()
			.map(MyWin::new)
			.toList();
		model.addAttribute("wins", wins);
		model.addAttribute("page", current);
		model.addAttribute("pages", pages);
		model.addAttribute("total", total);
		whoTheyAre(me, model);
		return LIST_VIEW;
	}

	/** Without JavaScript: saves the choice and shows the page again at that win. */
	@PostMapping("/my/wins/{slipId}/{line}/publicity")
	String choose(@AuthenticationPrincipal CurrentAccount me, @PathVariable String slipId, @PathVariable int line,
			@RequestParam(defaultValue = "false") boolean shareCity,
			@RequestParam(defaultValue = "false") boolean sharePrize, @RequestParam(defaultValue = "1") int page,
			HttpServletRequest request, RedirectAttributes redirect) {
		MyWin win = choose(me, slipId, line, shareCity, sharePrize, request);
		redirect.addFlashAttribute("saved", win.win().id());
		return "redirect:/my/wins?page=" + Math.max(1, page) + "#" + win.anchor();
	}

	/** With htmx: saves the choice at each tick and says what the public sees now. */
	@HxRequest
	@PostMapping("/my/wins/{slipId}/{line}/publicity")
	String chooseFragment(@AuthenticationPrincipal CurrentAccount me, @PathVariable String slipId,
			@PathVariable int line, @RequestParam(defaultValue = "false") boolean shareCity,
			@RequestParam(defaultValue = "false") boolean sharePrize, HttpServletRequest request, Model model) {
		MyWin win = choose(me, slipId, line, shareCity, sharePrize, request);
		model.addAttribute("myWin", win);
		model.addAttribute("saved", win.win().id());
		whoTheyAre(me, model);
		return STATUS_FRAGMENT;
	}

	private MyWin choose(CurrentAccount me, String slipId, int line, boolean shareCity, boolean sharePrize,
			HttpServletRequest request) {
		// another participant's win is "not found", as if it did not exist
		return this.publicity.choose(me, Winner.id(slipId, line), shareCity, sharePrize, request.getRemoteAddr())
			.map(MyWin::new)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** How the public would see them, for the preview of each choice. */
	private void whoTheyAre(CurrentAccount me, Model model) {
		Participant account = this.accounts.find(me.id()).orElse(null);
		String city = (account != null && account.city() != null && !account.city().isBlank()) ? account.city().trim()
				: null;
		model.addAttribute("publicName", (account != null) ? account.publicName() : "");
		model.addAttribute("city", city);
	}

}
