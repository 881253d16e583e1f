package com.novanta.feeds;

import java.net.URI;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The addresses of the feeds, absolute where a feed reader or a calendar needs them: from
 * {@code PUBLIC_URL} when it is set, else from the request (its host, and its scheme as a
 * proxy said it when {@code FORWARD_HEADERS_STRATEGY} trusts it). Pages reach it as
 * {@code feedLinks} ({@link FeedLinksModel}) for the calendar's {@code webcal:} link.
 */
@Component
class FeedLinks {

	private final String publicUrl;

	FeedLinks(@Value("${lottery.public-url:}") String publicUrl) {
		this.publicUrl = StringUtils.hasText(publicUrl) ? strip(publicUrl.trim()) : null;
	}

	/** The site's address without a trailing slash: {@code https://novanta.example}. */
	public String base() {
		if (this.publicUrl != null) {
			return this.publicUrl;
		}
		return strip(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	/** An absolute address of a path of this site. */
	public String absolute(String path) {
		return base() + path;
	}

	/**
	 * The game's calendar as a phone subscribes to it: {@code webcal://} and the rest of
	 * the https (or http) address.
	 */
	public String webcal(String gameId) {
		URI uri = URI.create(absolute("/feeds/" + gameId + "/calendar.ics"));
		return "webcal://" + uri.getRawAuthority() + uri.getRawPath();
	}

	private static String strip(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
