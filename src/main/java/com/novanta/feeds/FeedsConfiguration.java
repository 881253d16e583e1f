package com.novanta.feeds;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.ShallowEtagHeaderFilter;

/**
 * The open results' filters, on their paths only: the rate limit per client address
 * before anything else reads the request (even the security chain), and ETags (a hash of
 * each answer; {@code If-None-Match} with it gets a 304 without the body).
 */
@Configuration(proxyBeanMethods = false)
class FeedsConfiguration {

	/** The paths of the API and the feeds, as servlet filters match them. */
	static final String[] PATHS = { ResultJson.Api.BASE + "/*", "/feeds/*" };

	@Bean
	FilterRegistrationBean<RateLimitFilter> openResultsRateLimit(
			@Value("${lottery.feeds.rate-limit.requests:120}") int requests,
			@Value("${lottery.feeds.rate-limit.window:1m}") Duration window, Clock clock, MessageSource messages) {
		FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
				new RateLimitFilter(new ClientRateLimit(requests, window, clock), messages));
		registration.addUrlPatterns(PATHS);
		// before the security chain (-100), after the outage filter and the request's
		// locale (-105)
		registration.setOrder(-101);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	@Bean
	FilterRegistrationBean<ShallowEtagHeaderFilter> openResultsEtags() {
		FilterRegistrationBean<ShallowEtagHeaderFilter> registration = new FilterRegistrationBean<>(
				new ShallowEtagHeaderFilter());
		registration.addUrlPatterns(PATHS);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE - 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

}
