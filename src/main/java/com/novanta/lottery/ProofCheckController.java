package com.novanta.lottery;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /verify}: a page that checks a ballot's inclusion proof in the visitor's browser
 * ({@code js/verify.js}), so that checking it needs no trust in this server. The proof
 * comes in the address's fragment, which a browser never sends to the server.
 */
@Controller
class ProofCheckController {

	static final String VIEW = "lottery/verify";

	@GetMapping("/verify")
	String page() {
		return VIEW;
	}

}
