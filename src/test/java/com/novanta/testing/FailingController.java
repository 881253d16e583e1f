package com.novanta.testing;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

/**
 * Endpoints that fail on purpose, to see the error pages, and pages that fail the
 * browser's checks (accessibility, width on a phone), to see the browser tests report
 * them. Exists only in tests, under a public path so that anonymous requests reach it.
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

	/** An image without a text alternative: a critical violation for axe-core. */
	@GetMapping(path = "/lotteries/test-inaccessible", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String inaccessible() {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><title>Inaccessible on purpose</title></head>
				<body><main><h1>Inaccessible on purpose</h1><img src="/img/logo.svg"></main></body></html>
				""";
	}

	/**
	 * Accessible, and fits a computer's screen, but a box 480 px wide makes a phone
	 * scroll sideways.
	 */
	@GetMapping(path = "/lotteries/test-too-wide", produces = MediaType.TEXT_HTML_VALUE)
	@ResponseBody
	String tooWide() {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><title>Too wide on purpose</title>
				<meta name="viewport" content="width=device-width, initial-scale=1"></head>
				<body><main><h1>Too wide on purpose</h1><svg class="too-wide" width="480" height="8" aria-hidden="true"></svg></main></body></html>
				""";
	}

}
