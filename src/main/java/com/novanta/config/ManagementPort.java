package com.novanta.config;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Matches the requests that arrived on the management port, when the operator set one
 * apart from the application's port ({@code management.server.port}, env
 * {@code MANAGEMENT_SERVER_PORT}). Spring Boot runs the actuator there in a child context
 * behind this same security filter chain. The port a request arrived on is the socket's,
 * which no header can change.
 */
class ManagementPort implements RequestMatcher {

	private final Environment environment;

	/**
	 * The management port once both ports are known, or -1 when it is the application's
	 * own: they never change after, and reading them from the environment for every
	 * request (twice) was 2% of a submission's CPU.
	 */
	private volatile Integer known;

	ManagementPort(Environment environment) {
		this.environment = environment;
	}

	@Override
	public boolean matches(HttpServletRequest request) {
		Integer port = this.known;
		if (port == null) {
			// known once the servers listen (port 0 picks a free one)
			Integer management = this.environment.getProperty("local.management.port", Integer.class);
			Integer server = this.environment.getProperty("local.server.port", Integer.class);
			if (management == null) {
				return false;
			}
			if (server == null) {
				return request.getLocalPort() == management;
			}
			port = management.equals(server) ? -1 : management;
			this.known = port;
		}
		return port != -1 && request.getLocalPort() == port;
	}

}
