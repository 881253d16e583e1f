package com.novanta.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.env.Environment;

/**
 * Dev mode: what {@code ./mvnw spring-boot:run} turns on (its {@code dev} profile sets
 * {@value #PROPERTY}), and the packaged jar and the Procfile never do. Only in dev mode
 * do the embedded mail catcher, the dev mailbox and the demo admin exist; dev mode
 * refuses to start where anyone but the developer could reach it
 * ({@link DeploymentCheck}).
 */
public final class DevMode {

	/** Headers a proxy adds: a request that has one did not come straight from here. */
	private static final List<String> PROXY_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
			"X-Real-IP");

	/** The property that turns dev mode on; off unless set. */
	public static final String PROPERTY = "lottery.dev.enabled";

	private DevMode() {
	}

	public static boolean isOn(Environment environment) {
		return environment.getProperty(PROPERTY, Boolean.class, false);
	}

	/**
	 * Whether a host names this machine: {@code localhost} or a loopback address
	 * ({@code 127.0.0.0/8}, {@code ::1}), with or without IPv6 brackets. Names are never
	 * looked up, so that no name server can make a host look local.
	 */
	/**
	 * Whether a request came straight from this machine: from a loopback address, through
	 * no proxy.
	 */
	public static boolean isFromThisMachine(HttpServletRequest request) {
		for (String header : PROXY_HEADERS) {
			if (request.getHeader(header) != null) {
				return false;
			}
		}
		return isLoopback(request.getRemoteAddr());
	}

	public static boolean isLoopback(String host) {
		if (host == null) {
			return false;
		}
		String name = host.strip().toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (name.equals("localhost")) {
			return true;
		}
		if (name.contains(":")) {
			// in brackets, InetAddress parses an IPv6 literal and never asks a name
			// server
			try {
				return InetAddress.getByName("[" + name + "]").isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}
		return isLoopbackIPv4(name);
	}

	private static boolean isLoopbackIPv4(String address) {
		String[] parts = address.split("\\.", -1);
		if (parts.length != 4) {
			return false;
		}
		for (String part : parts) {
			if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
					|| Integer.parseInt(part) > 255) {
				return false;
			}
		}
		return parts[0].equals("127");
	}

}
