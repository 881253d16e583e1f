package com.novanta.admin;

import java.util.Map;

import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.notification.Outbox;
import com.novanta.notification.OutboxStatus;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The email outbox: what waits, what failed and why; failed messages can be sent again.
 */
@Controller
class AdminOutboxController {

	static final String VIEW = "admin/outbox";

	private final Outbox outbox;

	private final AuditLog audit;

	AdminOutboxController(Outbox outbox, AuditLog audit) {
		this.outbox = outbox;
		this.audit = audit;
	}

	@GetMapping("/admin/outbox")
	String outbox(Model model) {
		model.addAttribute("failed", this.outbox.list(OutboxStatus.FAILED, 0, 100));
		model.addAttribute("pending", this.outbox.list(OutboxStatus.PENDING, 0, 100));
		model.addAttribute("failedCount", this.outbox.count(OutboxStatus.FAILED));
		model.addAttribute("pendingCount", this.outbox.count(OutboxStatus.PENDING));
		return VIEW;
	}

	@PostMapping("/admin/outbox/{id}/retry")
	String retry(@PathVariable String id, @AuthenticationPrincipal CurrentAccount me, HttpServletRequest request,
			RedirectAttributes redirect) {
		boolean retried = this.outbox.retry(id);
		if (retried) {
			this.audit.record(new AuditLog.Actor(me.id(), me.email(), request.getRemoteAddr()),
					AuditAction.ADMIN_MAIL_RETRIED, "outbox", id, Map.of("status", OutboxStatus.FAILED),
					Map.of("status", OutboxStatus.PENDING));
		}
		redirect.addFlashAttribute("notice", retried ? "admin.outbox.retried" : "admin.outbox.notFailed");
		return "redirect:/admin/outbox";
	}

}
