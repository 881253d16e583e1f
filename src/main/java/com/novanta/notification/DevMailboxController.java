package com.novanta.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

import static org.springframework.http.HttpStatus.NOT_FOUND;

/**
 * The dev mailbox: every message the application sent, caught by the embedded SMTP
 * server. It exists only in dev mode with no real SMTP server configured, and answers
 * this machine only ({@link DevMailboxLocalOnlyFilter}).
 */
@Controller
@RequestMapping("/dev/mailbox")
@Conditional(EmbeddedMailCondition.class)
class DevMailboxController {

	static final String LIST_VIEW = "notification/mailbox";

	static final String MESSAGE_VIEW = "notification/mailbox-message";

	/**
	 * The HTML part is shown in a sandboxed frame, with no scripts and nothing fetched
	 * but images.
	 */
	private static final String HTML_PART_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; "
			+ "frame-ancestors 'self'; sandbox";

	private final DevMailbox mailbox;

	DevMailboxController(DevMailbox mailbox) {
		this.mailbox = mailbox;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("messages", this.mailbox.messages());
		return LIST_VIEW;
	}

	@GetMapping("/{id}")
	String show(@PathVariable int id, Model model) {
		model.addAttribute("message",
				this.mailbox.message(id).orElseThrow(() -> new ResponseStatusException(NOT_FOUND)));
		return MESSAGE_VIEW;
	}

	@GetMapping("/{id}/html")
	ResponseEntity<String> html(@PathVariable int id) {
		CaughtMail message = this.mailbox.message(id)
			.filter(CaughtMail::hasHtml)
			.orElseThrow(() -> new ResponseStatusException(NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
			.header("Content-Security-Policy", HTML_PART_POLICY)
			.header("X-Frame-Options", "SAMEORIGIN")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(message.html());
	}

	@PostMapping("/clear")
	String clear() {
		this.mailbox.clear();
		return "redirect:/dev/mailbox";
	}

}
