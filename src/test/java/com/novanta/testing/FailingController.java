package com.novanta.testing;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Endpoints that fail on purpose, to see the error pages. Exists only in tests, under a
 * public path so that anonymous requests reach it.
 */
@Controller
@Profile("test")
class FailingController {

	@GetMapping("/lotteries/test-failure")
	String fail() {
		throw new IllegalStateException("Failing on purpose");
	}

	@GetMapping("/lotteries/test-forbidden")
	String forbidden() {
		throw new ResponseStatusException(HttpStatus.FORBIDDEN);
	}

}
