package com.novanta.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.HtmlUtils;

/**
 * When the database cannot be reached, any request that needs it (the session, the page)
 * gets a short "temporarily unavailable" page with status 503 and {@code Retry-After},
 * never a stack trace. It writes the page itself: the usual error page would need the
 * database too. Nothing is half-stored: every write is one atomic document write, made or
 * not made.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private final MessageSource messages;

	DatabaseOutageFilter(MessageSource messages) {
		this.messages = messages;
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | IOException | RuntimeException ex) {
			if (!isDatabaseOutage(ex) || response.isCommitted()) {
				throw ex;
			}
			log.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
					ex.getMessage());
			unavailable(request, response);
		}
	}

	static boolean isDatabaseOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof MongoException
					&& !(cause instanceof MongoWriteException) && !(cause instanceof MongoCommandException)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
		response.reset();
		response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
		response.setHeader("Retry-After", "30");
		response.setHeader("Cache-Control", "no-store");
		response.setContentType("text/html;charset=UTF-8");
		Locale locale = request.getLocale();
		String heading = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.heading", null, locale));
		String text = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.text", null, locale));
		PrintWriter out = response.getWriter();
		if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Retarget", "#alerts");
			response.setHeader("HX-Reswap", "innerHTML");
			out.print("<div class=\"alert alert-error\" role=\"alert\"><p>" + heading + " " + text + "</p></div>");
		}
		else {
			String title = HtmlUtils.htmlEscape(this.messages.getMessage("error.503.title", null, locale));
			out.print("<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\">"
					+ "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
					+ "</title><link rel=\"stylesheet\" href=\"/css/app.css\"></head><body><main id=\"main\" class=\"container\">"
					+ "<section class=\"error-page\"><p class=\"error-code\">503</p><h1>" + heading + "</h1><p>" + text
					+ "</p><p><a class=\"button\" href=\"" + HtmlUtils.htmlEscape(request.getRequestURI()) + "\">"
					+ HtmlUtils.htmlEscape(this.messages.getMessage("error.503.retry", null, locale))
					+ "</a></p></section></main></body></html>");
		}
		out.flush();
	}

}
