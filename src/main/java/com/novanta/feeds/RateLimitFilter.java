package com.novanta.feeds;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The open results' rate limit: a client address over its limit gets a 429 with
 * {@code Retry-After} (seconds) before anything else is done, a JSON body from the API
 * and plain text from the feeds. The address is the one the server sees, or the one a
 * trusted proxy gave ({@code FORWARD_HEADERS_STRATEGY}).
 */
final class RateLimitFilter extends OncePerRequestFilter {

	private final ClientRateLimit limit;

	private final MessageSource messages;

	RateLimitFilter(ClientRateLimit limit, MessageSource messages) {
		this.limit = limit;
		this.messages = messages;
	}

	/** The counts, for tests that fill them up without sending every request. */
	ClientRateLimit limit() {
		return this.limit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long retryAfter = this.limit.tryAcquire(request.getRemoteAddr());
		if (retryAfter == 0) {
			chain.doFilter(request, response);
			return;
		}
		String message = this.messages.getMessage("feeds.rateLimited", null, LocaleContextHolder.getLocale());
		response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
		response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		if (request.getRequestURI().startsWith(request.getContextPath() + ResultJson.Api.BASE + "/")) {
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.getWriter()
				.write("{\"status\":429,\"error\":\"Too Many Requests\",\"message\":\"" + json(message)
						+ "\",\"parameters\":null}");
		}
		else {
			response.setContentType(MediaType.TEXT_PLAIN_VALUE);
			response.getWriter().write(message);
		}
	}

	/** The message is ours, but escaped all the same. */
	private static String json(String text) {
		StringBuilder out = new StringBuilder();
		for (char c : text.toCharArray()) {
			if (c == '"' || c == '\\') {
				out.append('\\').append(c);
			}
			else if (c < 0x20) {
				out.append(String.format("\\u%04x", (int) c));
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
