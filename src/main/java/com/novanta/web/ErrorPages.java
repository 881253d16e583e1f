package com.novanta.web;

import java.util.Map;

import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRequest;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxReswap;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxRetarget;
import io.github.wimdeblauwe.htmx.spring.boot.mvc.HxSwapType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Error pages: a whole page for a browser, a small alert for htmx (swapped into the
 * page's alert area, so a failed partial update never replaces part of a page with a
 * whole error page), and a short JSON body for other clients. Never a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ErrorPages implements ErrorController {

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	String page(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		return switch (status.value()) {
			case 403, 404, 500 -> "error/" + status.value();
			default -> "error/error";
		};
	}

	@HxRequest
	@HxRetarget("#alerts")
	@HxReswap(HxSwapType.INNER_HTML)
	@RequestMapping
	String alert(HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpStatus status = status(request);
		response.setStatus(status.value());
		model.addAttribute("status", status.value());
		return "error/alert :: alert";
	}

	@RequestMapping
	ResponseEntity<Map<String, Object>> other(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", status.getReasonPhrase()));
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
