package com.novanta.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.InvalidPropertyException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Requests that no page of ours sends, which Spring cannot bind and does not answer by
 * itself: a 400 with the error page, never a 500. Values of the wrong type are already
 * field errors or 400s; a parameter naming a property path that its form does not declare
 * ({@code name.x}, {@code key[$ne]}, a line of a ballot form at index -1, "first" or
 * 5000) is refused by {@link UndeclaredFieldGuard} before binding. What the binder still
 * finds invalid in a declared path is answered the same way.
 */
@ControllerAdvice
class MalformedRequests {

	@ExceptionHandler({ UndeclaredFieldGuard.UndeclaredFieldException.class, InvalidPropertyException.class })
	void malformed(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
