package com.novanta.admin;

import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditLog;
import com.novanta.lottery.Lotteries;
import com.novanta.lottery.Lottery;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The operator override on the admin lottery page: draw a lottery without its public
 * beacon round, overdue for long ({@link BeaconOverride}). Back to the page either way,
 * with what came of it.
 */
@Controller
class AdminBeaconController {

	private final Lotteries lotteries;

	private final BeaconOverride override;

	AdminBeaconController(Lotteries lotteries, BeaconOverride override) {
		this.lotteries = lotteries;
		this.override = override;
	}

	@PostMapping("/admin/lotteries/{id}/beacon-override")
	String override(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			@AuthenticationPrincipal CurrentAccount me, HttpServletRequest request, RedirectAttributes redirect) {
		Lottery lottery = this.lotteries.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		BeaconOverride.Outcome outcome = this.override.override(lottery, reason,
				new AuditLog.Actor(me.id(), me.email(), request.getRemoteAddr()));
		if (outcome == BeaconOverride.Outcome.DONE) {
			redirect.addFlashAttribute("notice", outcome.message());
		}
		else {
			redirect.addFlashAttribute("overrideProblem", outcome.message());
			if (outcome.isAboutTheReason()) {
				// the page shows the message at the field, with the text to correct
				redirect.addFlashAttribute("reasonProblem", true);
				redirect.addFlashAttribute("reason", reason);
			}
		}
		return "redirect:/admin/lotteries/" + id + "#beacon";
	}

}
