package com.novanta.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Renders an outbox message from its templates: {@code templates/mail/<name>.html} and
 * {@code .txt}, in the recipient's language and time zone. The subject is the message
 * {@code mail.<name>.subject} (with {@code /} replaced by {@code .}), given the model's
 * {@code subjectArgs}.
 */
@Component
class MailRenderer {

	private final TemplateEngine engine;

	private final MessageSource messages;

	private final Environment environment;

	private final java.util.List<MailModelProvider> providers;

	MailRenderer(MessageSource messages, Environment environment, java.util.List<MailModelProvider> providers) {
		this.providers = providers;
		this.messages = messages;
		this.environment = environment;
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateEngineMessageSource(messages);
		engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", "*", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "", "*.txt", 2));
		this.engine = engine;
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		resolver.setResolvablePatterns(java.util.Set.of(pattern));
		return resolver;
	}

	Rendered render(OutboxMessage message) {
		Locale locale = Locale.forLanguageTag((message.locale() != null) ? message.locale() : "en");
		ZoneId zone = zone(message.timeZone());
		Context context = new Context(locale);
		if (message.model() != null) {
			context.setVariables(message.model());
			for (MailModelProvider provider : this.providers) {
				if (provider.supports(message.template())) {
					context.setVariables(provider.provide(message.template(), message.model()));
				}
			}
		}
		context.setVariable("baseUrl", baseUrl());
		context.setVariable("fmt", new Formats(locale, zone));
		String html = this.engine.process(message.template(), context);
		String text = this.engine.process(message.template() + ".txt", context);
		Object[] subjectArgs = (context.getVariable("subjectArgs") instanceof java.util.List<?> args) ? args.toArray()
				: new Object[0];
		String subject = this.messages.getMessage("mail." + message.template().replace('/', '.') + ".subject",
				subjectArgs, locale);
		return new Rendered(subject, html, text);
	}

	String baseUrl() {
		String url = this.environment.getProperty("lottery.public-url");
		if (url == null || url.isBlank()) {
			url = "http://localhost:" + this.environment.getProperty("local.server.port",
					this.environment.getProperty("server.port", "8080"));
		}
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

	private static ZoneId zone(String id) {
		try {
			return (id != null) ? ZoneId.of(id) : ZoneId.of("UTC");
		}
		catch (RuntimeException ex) {
			return ZoneId.of("UTC");
		}
	}

	record Rendered(String subject, String html, String text) {
	}

	/**
	 * Formatting helpers for mail templates, in the recipient's language and time zone.
	 */
	public static final class Formats {

		private final Locale locale;

		private final ZoneId zone;

		Formats(Locale locale, ZoneId zone) {
			this.locale = locale;
			this.zone = zone;
		}

		public String dateTime(Object value) {
			Instant instant = toInstant(value);
			return (instant != null) ? DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
				.withLocale(this.locale)
				.format(instant.atZone(this.zone)) + " (" + this.zone.getId() + ")" : "";
		}

		public String date(Object value) {
			LocalDate date = (value instanceof LocalDate local) ? local
					: (value instanceof String text) ? LocalDate.parse(text) : null;
			return (date != null)
					? DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(this.locale).format(date) : "";
		}

		public String money(Object cents) {
			long amount = (cents instanceof Number number) ? number.longValue() : 0;
			java.text.NumberFormat format = java.text.NumberFormat.getCurrencyInstance(this.locale);
			format.setCurrency(java.util.Currency.getInstance("EUR"));
			return format.format(amount / 100.0);
		}

		private static Instant toInstant(Object value) {
			if (value instanceof Instant instant) {
				return instant;
			}
			if (value instanceof java.util.Date date) {
				return date.toInstant();
			}
			return null;
		}

	}

}
