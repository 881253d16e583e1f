package com.novanta.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TermsController {

	@GetMapping("/terms")
	String terms() {
		return "web/terms";
	}

}
