package com.novanta.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a form body larger than any page of ours sends, before anything reads it, with
 * a 413 and the error page that explains it. Tomcat's own, larger limit stays as the
 * backstop for bodies that announce no length.
 */
class FormSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	FormSizeLimitFilter(DataSize limit) {
		this.limit = limit.toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit && isForm(request)) {
			response.sendError(HttpStatus.CONTENT_TOO_LARGE.value());
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && (type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
				|| type.startsWith(MediaType.MULTIPART_FORM_DATA_VALUE));
	}

}
