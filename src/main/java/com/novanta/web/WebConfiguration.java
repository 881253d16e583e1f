package com.novanta.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

	/** The languages the site speaks; the first is the default. */
	static final List<Locale> SUPPORTED_LOCALES = List.of(Locale.ENGLISH, Locale.ITALIAN);

	@Bean
	LocaleResolver localeResolver() {
		CookieLocaleResolver resolver = new CookieLocaleResolver("novanta-lang");
		resolver.setCookieMaxAge(Duration.ofDays(365));
		resolver.setDefaultLocaleFunction(WebConfiguration::preferredSupportedLocale);
		return resolver;
	}

	/** First of all filters, so that it also catches the session store failing. */
	@Bean
	FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(MessageSource messages) {
		FilterRegistrationBean<DatabaseOutageFilter> registration = new FilterRegistrationBean<>(
				new DatabaseOutageFilter(messages));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
		return registration;
	}

	/** Right after it: a form larger than any of ours is refused before it is read. */
	@Bean
	FilterRegistrationBean<FormSizeLimitFilter> formSizeLimitFilter(
			@Value("${lottery.web.max-form-size:64KB}") DataSize limit) {
		FilterRegistrationBean<FormSizeLimitFilter> registration = new FilterRegistrationBean<>(
				new FormSizeLimitFilter(limit));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		registration.setDispatcherTypes(DispatcherType.REQUEST);
		return registration;
	}

	/**
	 * Links are written as they are. With a WebJars locator on the class path Spring Boot
	 * would pass every link of every page through the resource chain, which looks for a
	 * static file of that name each time (most of a page's rendering time, measured); the
	 * version-less WebJars paths are resolved when requested instead.
	 */
	@Bean
	FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
		FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(
				new ResourceUrlEncodingFilter());
		registration.setEnabled(false);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		// first, so that a refused request changes nothing, not even the language
		registry.addInterceptor(new UndeclaredFieldGuard());
		LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
			@Override
			protected Locale parseLocaleValue(String localeValue) {
				Locale locale = super.parseLocaleValue(localeValue);
				if (locale == null || !isSupported(locale)) {
					throw new IllegalArgumentException("Unsupported language: " + localeValue);
				}
				return Locale.forLanguageTag(locale.getLanguage());
			}
		};
		interceptor.setParamName("lang");
		interceptor.setIgnoreInvalidLocale(true);
		registry.addInterceptor(interceptor);
	}

	static boolean isSupported(Locale locale) {
		return SUPPORTED_LOCALES.stream().anyMatch((supported) -> supported.getLanguage().equals(locale.getLanguage()));
	}

	private static Locale preferredSupportedLocale(HttpServletRequest request) {
		var locales = request.getLocales();
		while (locales.hasMoreElements()) {
			Locale locale = locales.nextElement();
			if (isSupported(locale)) {
				// the region stays: a British visitor reads English with British dates
				return new Locale(locale.getLanguage(), locale.getCountry());
			}
		}
		return SUPPORTED_LOCALES.get(0);
	}

}
