package com.novanta.admin;

import java.util.List;
import java.util.Locale;

import com.novanta.account.AccountAdministration;
import com.novanta.account.AccountSummary;
import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditLog;
import com.novanta.ballot.MyBallots;
import com.novanta.responsibleplay.PlayRestrictions;
import com.novanta.web.RequestParameters;
import com.novanta.winner.Winners;
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
 * Participants: search, view one (with the limits and self-exclusion they chose), grant
 * or revoke ADMIN, disable or re-enable.
 */
@Controller
class AdminParticipantsController {

	static final String LIST_VIEW = "admin/participants";

	static final String SHOW_VIEW = "admin/participant";

	static final int PAGE_SIZE = 25;

	private final AccountAdministration administration;

	private final MyBallots ballots;

	private final Winners winners;

	private final AuditLog audit;

	private final PlayRestrictions restrictions;

	private final AuditSentences sentences;

	AdminParticipantsController(AccountAdministration administration, MyBallots ballots, Winners winners,
			AuditLog audit, PlayRestrictions restrictions, AuditSentences sentences) {
		this.restrictions = restrictions;
		this.sentences = sentences;
		this.administration = administration;
		this.ballots = ballots;
		this.winners = winners;
		this.audit = audit;
	}

	@GetMapping("/admin/participants")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model) {
		int current = RequestParameters.page(page, PAGE_SIZE);
		List<AccountSummary> found = this.administration.search(q.length() > 100 ? q.substring(0, 100) : q,
				(current - 1) * PAGE_SIZE, PAGE_SIZE + 1);
		model.addAttribute("participants", found.subList(0, Math.min(PAGE_SIZE, found.size())));
		model.addAttribute("hasMore", found.size() > PAGE_SIZE);
		model.addAttribute("q", q);
		model.addAttribute("page", current);
		return LIST_VIEW;
	}

	@GetMapping("/admin/participants/{id}")
	String show(@PathVariable String id, Locale locale, Model model) {
		AccountSummary account = this.administration.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("participant", account);
		model.addAttribute("play", this.restrictions.status(account.id()));
		model.addAttribute("identities", this.administration.identities(id));
		model.addAttribute("slips", this.ballots.page(id, new MyBallots.Filter(null, null, null), null, 10).slips());
		model.addAttribute("wins", this.winners.ofAccount(id));
		model.addAttribute("signIns",
				this.sentences.describe(this.audit.find(new AuditLog.AuditFilter(id, null), 0, 200)
					.stream()
					.filter((event) -> event.action().startsWith("SIGN_"))
					.limit(20)
					.toList(), locale));
		return SHOW_VIEW;
	}

	@PostMapping("/admin/participants/{id}/grant-admin")
	String grant(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			RedirectAttributes redirect) {
		return done(id, this.administration.grantAdmin(me, id, request.getRemoteAddr()), redirect);
	}

	@PostMapping("/admin/participants/{id}/revoke-admin")
	String revoke(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			RedirectAttributes redirect) {
		return done(id, this.administration.revokeAdmin(me, id, request.getRemoteAddr()), redirect);
	}

	@PostMapping("/admin/participants/{id}/disable")
	String disable(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			RedirectAttributes redirect) {
		return done(id, this.administration.disable(me, id, request.getRemoteAddr()), redirect);
	}

	@PostMapping("/admin/participants/{id}/enable")
	String enable(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			RedirectAttributes redirect) {
		return done(id, this.administration.enable(me, id, request.getRemoteAddr()), redirect);
	}

	private static String done(String id, AccountAdministration.Outcome outcome, RedirectAttributes redirect) {
		if (outcome == AccountAdministration.Outcome.NOT_FOUND) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		redirect.addFlashAttribute("outcome", outcome.messageKey());
		redirect.addFlashAttribute("outcomeOk", outcome == AccountAdministration.Outcome.DONE);
		return "redirect:/admin/participants/" + id;
	}

}
