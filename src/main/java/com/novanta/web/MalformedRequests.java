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
 * field errors or 400s; what is left is a parameter naming a property the form does not
 * have, such as a line of a ballot form at index -1, "first" or 5000.
 */
@ControllerAdvice
class MalformedRequests {

	@ExceptionHandler(InvalidPropertyException.class)
	void invalidProperty(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.BAD_REQUEST.value());
	}

}
