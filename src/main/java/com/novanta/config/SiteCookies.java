package com.novanta.config;

import java.net.URI;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * How every cookie that proves something (session, CSRF token, remember-me, known device)
 * is named and flagged, in one place. When the site is served over https
 * ({@code PUBLIC_URL} starts with {@code https://}) they are {@code Secure} and carry the
 * {@code __Host-} prefix, which the browser accepts only from this exact host, over
 * https, for the whole site: no sub-domain and no plain-http page can set or overwrite
 * them. On plain http (a laptop in dev mode) the prefix cannot be used, so they keep
 * their plain names.
 */
@Component
public class SiteCookies {

	private static final String HOST_PREFIX = "__Host-";

	private final boolean secure;

	SiteCookies(@Value("${lottery.public-url:}") String publicUrl) {
		this.secure = isHttps(publicUrl);
	}

	static boolean isHttps(String publicUrl) {
		if (publicUrl == null || publicUrl.isBlank()) {
			return false;
		}
		try {
			return "https".equalsIgnoreCase(URI.create(publicUrl.trim()).getScheme());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Whether the cookies are {@code Secure} (the site is served over https). */
	public boolean secure() {
		return this.secure;
	}

	/** The name a cookie of ours goes by. */
	public String name(String base) {
		return this.secure ? HOST_PREFIX + base : base;
	}

	/** The value of one of our cookies in a request, if it carries it. */
	public String read(HttpServletRequest request, String base) {
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return null;
		}
		String name = name(base);
		for (Cookie cookie : cookies) {
			if (name.equals(cookie.getName())) {
				return cookie.getValue();
			}
		}
		return null;
	}

	/**
	 * Sets one of our cookies: the whole site, HTTP only, SameSite=Lax, {@code Secure}
	 * over https; a zero {@code maxAge} deletes it.
	 */
	public void write(HttpServletResponse response, String base, String value, Duration maxAge) {
		ResponseCookie cookie = ResponseCookie.from(name(base), value)
			.path("/")
			.httpOnly(true)
			.secure(this.secure)
			.sameSite("Lax")
			.maxAge(maxAge)
			.build();
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
