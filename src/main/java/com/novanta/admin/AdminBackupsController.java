package com.novanta.admin;

import com.novanta.account.CurrentAccount;
import com.novanta.audit.AuditAction;
import com.novanta.audit.AuditLog;
import com.novanta.embedded.Backup;
import com.novanta.embedded.BackupException;
import com.novanta.embedded.DatabaseBackups;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Backups of the embedded database, written on demand into its data directory's
 * {@code backups/} and listed. On a MongoDB of the operator's own (or in memory) there is
 * nothing to back up here: the page says to use that database's tools.
 */
@Controller
class AdminBackupsController {

	static final String VIEW = "admin/backups";

	private final ObjectProvider<DatabaseBackups> backups;

	private final AuditLog audit;

	AdminBackupsController(ObjectProvider<DatabaseBackups> backups, AuditLog audit) {
		this.backups = backups;
		this.audit = audit;
	}

	@GetMapping("/admin/backups")
	String page(Model model) {
		fill(model);
		return VIEW;
	}

	@PostMapping("/admin/backups")
	String backUp(@AuthenticationPrincipal CurrentAccount me, HttpServletRequest request, RedirectAttributes redirect) {
		Outcome outcome = backUp(me, request);
		redirect.addFlashAttribute("made", outcome.made());
		redirect.addFlashAttribute("problem", outcome.problem());
		return "redirect:/admin/backups";
	}

	/** The same, answering the backups section only. */
	@HxRequest
	@PostMapping("/admin/backups")
	String backUpInPlace(@AuthenticationPrincipal CurrentAccount me, HttpServletRequest request, Model model) {
		Outcome outcome = backUp(me, request);
		model.addAttribute("made", outcome.made());
		model.addAttribute("problem", outcome.problem());
		fill(model);
		return VIEW + " :: backups";
	}

	private Outcome backUp(CurrentAccount me, HttpServletRequest request) {
		DatabaseBackups backups = this.backups.getIfAvailable();
		if (backups == null) {
			return new Outcome(null, null);
		}
		try {
			Backup made = backups.backUpNow();
			this.audit.record(new AuditLog.Actor(me.id(), me.email(), request.getRemoteAddr()),
					AuditAction.ADMIN_DATABASE_BACKED_UP, "backup", made.fileName());
			return new Outcome(made, null);
		}
		catch (BackupException ex) {
			return new Outcome(null, ex.getMessage());
		}
	}

	private void fill(Model model) {
		DatabaseBackups backups = this.backups.getIfAvailable();
		model.addAttribute("embedded", backups != null);
		if (backups != null) {
			model.addAttribute("directory", backups.directory().toString());
			model.addAttribute("backups", backups.list());
		}
	}

	private record Outcome(Backup made, String problem) {
	}

}
