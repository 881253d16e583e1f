package com.novanta.notification;

import java.io.IOException;

import com.novanta.config.DevMode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dev mailbox answers the developer's own machine only: a request from any other
 * address, or one that came through a proxy or a tunnel (which carries other people's
 * requests from this machine), gets a 404, as if the mailbox did not exist. A second lock
 * behind dev mode itself, which refuses to start where others could reach it. It runs
 * before everything else, Spring Security included.
 */
class DevMailboxLocalOnlyFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (DevMode.isFromThisMachine(request)) {
			chain.doFilter(request, response);
		}
		else {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
		}
	}

}
