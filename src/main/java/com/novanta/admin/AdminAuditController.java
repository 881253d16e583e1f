package com.novanta.admin;

import java.util.List;
import java.util.Locale;

import com.novanta.audit.AuditEvent;
import com.novanta.audit.AuditLog;
import com.novanta.web.RequestParameters;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit log, newest first, by actor and action. Read only: nothing can change an
 * entry.
 */
@Controller
class AdminAuditController {

	static final String VIEW = "admin/audit";

	static final int PAGE_SIZE = 50;

	private final AuditLog audit;

	private final AuditSentences sentences;

	AdminAuditController(AuditLog audit, AuditSentences sentences) {
		this.audit = audit;
		this.sentences = sentences;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
			@RequestParam(defaultValue = "1") int page, Locale locale, Model model) {
		AuditLog.AuditFilter filter = new AuditLog.AuditFilter(actor.isBlank() ? null : actor.trim(),
				action.isBlank() ? null : action.trim());
		int current = RequestParameters.page(page, PAGE_SIZE);
		long total = this.audit.count(filter);
		List<AuditEvent> events = this.audit.find(filter, (current - 1) * PAGE_SIZE, PAGE_SIZE);
		model.addAttribute("events", this.sentences.describe(events, locale));
		model.addAttribute("kinds", this.sentences.kinds(locale));
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("page", current);
		model.addAttribute("pages", Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE));
		model.addAttribute("total", total);
		return VIEW;
	}

}
