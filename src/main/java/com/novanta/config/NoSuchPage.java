package com.novanta.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * A page that no controller serves (a mistyped or outdated address): whoever asks gets
 * "page not found", signed in or not, instead of a sign-in form that would lead nowhere.
 * Only GET and HEAD: every other request still needs a signed-in participant. Static
 * files are not pages: they have their own public paths.
 */
final class NoSuchPage implements RequestMatcher {

	private final ObjectProvider<RequestMappingHandlerMapping> mappings;

	NoSuchPage(ObjectProvider<RequestMappingHandlerMapping> mappings) {
		this.mappings = mappings;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		if (!HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod())) {
			return false;
		}
		RequestMappingHandlerMapping mapping = this.mappings.getIfAvailable();
		if (mapping == null) {
			return false;
		}
		Object parsedBefore = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		try {
			ServletRequestPathUtils.parseAndCache(request);
			HandlerExecutionChain handler = mapping.getHandler(request);
			return handler == null;
		}
		catch (Exception ex) {
			// a path that a controller serves, with another method or media type: it
			// exists, so the usual rules apply
			return false;
		}
		finally {
			if (parsedBefore == null) {
				ServletRequestPathUtils.clearParsedRequestPath(request);
			}
			else {
				request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsedBefore);
			}
		}
	}

}
